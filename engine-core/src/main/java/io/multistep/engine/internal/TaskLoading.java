package io.multistep.engine.internal;

import io.multistep.engine.RunOptions;
import io.multistep.engine.TaskLoadException;
import io.multistep.engine.TaskSource;
import io.multistep.spec.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

/** Turns a {@link TaskSource} into a {@link Task}: the one place where the engine loads task text. */
final class TaskLoading {

    private TaskLoading() {}

    /**
     * Loads the task of a run, resolving its secrets through {@code secrets} (which remembers the
     * values for masking).
     */
    static Task load(TaskSource source, RunOptions options, EngineConfig config, Secrets secrets, String runId,
            Instant date) {
        if (source instanceof TaskSource.Loaded loaded) {
            secrets.resolveForMasking(loaded.task().secrets());
            return loaded.task();
        }
        String text;
        String name;
        if (source instanceof TaskSource.Text t) {
            text = t.text();
            name = t.name();
        } else {
            TaskSource.File f = (TaskSource.File) source;
            name = f.path().toString();
            try {
                text = Files.readString(f.path(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                // Same wording as the reference (C-1).
                throw new TaskLoadException("failed to load template at path " + name + ": " + e.getMessage(),
                        List.of(), e);
            }
        }
        return loadText(text, name, options, config, secrets, runId, date);
    }

    /**
     * Renders, parses and validates task text with the run's inputs. Delegates to engine-spec's
     * loader ({@code io.multistep.spec.TaskFiles}); until that lands, only loaded tasks can run.
     */
    static Task loadText(String text, String name, RunOptions options, EngineConfig config, Secrets secrets,
            String runId, Instant date) {
        throw new TaskLoadException("cannot load " + name + ": loading task text needs io.multistep.spec.TaskFiles,"
                + " which this build does not have yet; pass TaskSource.of(task)", List.of(), null);
    }
}
