package io.multistep.engine;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The run's task could not be loaded (read, rendered, parsed or validated), or its secrets could
 * not be resolved. No step ran and no runtime session was opened. The message is masked.
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public class TaskLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param message the (masked) message
     * @param problems the individual problems, each located when possible (masked); may be empty
     * @param cause the underlying exception, or {@code null}
     */
    public TaskLoadException(String message, List<String> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
    }

    /** The individual problems, one line each, masked. @return the problems */
    public List<String> problems() {
        return problems;
    }
}
