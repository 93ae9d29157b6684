package io.multistep.spec;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The outcome of {@link TaskFiles.Loader#load}: the task (when there are no errors), every problem,
 * and the rendered text the YAML parser saw.
 *
 * @param task the loaded task, or {@code null} when an error was found
 * @param problems every problem (errors and warnings) in check order
 * @param renderedText the text after templating, or {@code null} when rendering failed
 */
@API(status = API.Status.STABLE, since = "0.1")
public record LoadResult(Task task, List<Problem> problems, String renderedText) {

    /** Freezes the list. */
    public LoadResult {
        problems = List.copyOf(problems);
    }

    /** Whether at least one problem is an error (then {@link #task()} is {@code null}). */
    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** The errors only. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** The warnings only. */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** The task, or a {@link TaskFileException} listing the problems. */
    public Task orThrow() {
        if (task == null) {
            throw new TaskFileException(problems);
        }
        return task;
    }
}
