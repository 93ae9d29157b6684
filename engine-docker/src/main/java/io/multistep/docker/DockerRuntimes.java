package io.multistep.docker;

import io.multistep.engine.spi.RuntimeFailure;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** Operations on the default Docker engine that need no runtime of their own. */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class DockerRuntimes {
    private DockerRuntimes() {}

    /**
     * Removes the labelled leftovers of dead runs from the engine named by {@code DOCKER_HOST} (or the
     * local socket): containers, networks and volumes labelled {@code io.multistep.run-id} whose
     * owner process is gone, kept containers excepted (see {@link PruneOptions}).
     *
     * @param olderThan how old resources of owners on other hosts must be; empty for the default
     * @return what was removed
     * @throws RuntimeFailure when the engine cannot be reached
     */
    public static List<String> prune(Optional<Duration> olderThan) throws RuntimeFailure {
        try (DockerRuntime runtime = DockerRuntime.builder().build()) {
            return runtime.prune(olderThan);
        }
    }
}
