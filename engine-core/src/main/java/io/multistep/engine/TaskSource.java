package io.multistep.engine;

import io.multistep.spec.Task;
import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a run's task comes from: task-file text with a name, a file, or a {@link Task} already
 * loaded. Text and files are rendered with the run's values and secrets before they are parsed;
 * a loaded task is used as it is.
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public sealed interface TaskSource {

    /** The name used in messages and locations. @return the source name */
    String name();

    /**
     * Task-file text.
     *
     * @param text the text
     * @param name the source name used in messages, for example {@code acb.yaml}
     * @return the source
     */
    static TaskSource text(String text, String name) {
        return new Text(text, name);
    }

    /**
     * A task file, read as UTF-8 when the run starts.
     *
     * @param path the file
     * @return the source
     */
    static TaskSource file(Path path) {
        return new File(path);
    }

    /**
     * An already loaded task.
     *
     * @param task the task
     * @return the source
     */
    static TaskSource of(Task task) {
        return new Loaded(task);
    }

    /**
     * Task-file text.
     *
     * @param text the text
     * @param name the source name
     */
    record Text(String text, String name) implements TaskSource {
        /** Checks the arguments. */
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A task file.
     *
     * @param path the file
     */
    record File(Path path) implements TaskSource {
        /** Checks the argument. */
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String name() {
            return path.toString();
        }
    }

    /**
     * A loaded task.
     *
     * @param task the task
     */
    record Loaded(Task task) implements TaskSource {
        /** Checks the argument. */
        public Loaded {
            Objects.requireNonNull(task, "task");
        }

        @Override
        public String name() {
            return task.source();
        }
    }
}
