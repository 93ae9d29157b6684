package io.multistep.spec;

import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** Thrown by {@link TaskFiles#parse} when a task file has errors; carries every problem found. */
@API(status = API.Status.STABLE, since = "0.1")
public final class TaskFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** Creates the exception; the message lists the problems one per line. */
    public TaskFileException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found (errors and warnings), in the order the checks ran. */
    public List<Problem> problems() {
        return problems;
    }
}
