package io.multistep.docker;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A container, network or volume of a run that is still on the engine, as
 * {@link DockerRuntime#leftovers(String)} lists it.
 *
 * @param kind what it is
 * @param name its name (a container's without the leading {@code /})
 * @param id the engine's id (a volume's is its name)
 * @param runId the run it belongs to ({@link RunLabels#RUN_ID}), empty when unlabelled
 * @param labels all its labels
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public record Leftover(Kind kind, String name, String id, String runId, Map<String, String> labels) {
    /** The kinds of resources a run creates. */
    public enum Kind {
        /** A container: a step's, a network sandbox or a volume-filling helper. */
        CONTAINER,
        /** A network of the task. */
        NETWORK,
        /** A volume: the run's home or workspace, or a secret volume of the task. */
        VOLUME
    }

    /** Copies the labels. */
    public Leftover {
        labels = Map.copyOf(labels);
    }

    /** For reports: {@code container name}. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name;
    }
}
