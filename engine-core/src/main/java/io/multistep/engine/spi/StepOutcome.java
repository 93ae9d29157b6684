package io.multistep.engine.spi;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What one attempt did.
 *
 * @param exitCode the container's exit code (0 for a detached step that started, and for a build
 *     or push that succeeded)
 * @param containerId the container the attempt ran in, if it ran one
 * @param images images built (with their ids) and pushed (with their digests)
 * @param dependencies the build's dependency report entries, if the runtime computes them
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StepOutcome(int exitCode, Optional<String> containerId, List<ImageRecord> images,
        List<ImageDependency> dependencies) {

    /** Freezes the lists. */
    public StepOutcome {
        images = List.copyOf(images);
        dependencies = List.copyOf(dependencies);
    }

    /** An outcome with only an exit code. */
    public static StepOutcome exited(int exitCode) {
        return new StepOutcome(exitCode, Optional.empty(), List.of(), List.of());
    }
}
