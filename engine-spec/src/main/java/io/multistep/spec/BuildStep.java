package io.multistep.spec;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@code build:} step: builds an image with {@code docker build} arguments.
 *
 * @param build the arguments of {@code docker build} as written (after rendering)
 * @param tags the image tags: the tokens after {@code -t}/{@code --tag} (or the hidden {@code tags} key)
 * @param buildArgs the tokens after {@code --build-arg} (the single-token {@code --build-arg=X} form
 *     is not collected, as in the reference)
 * @param options the common step options
 */
@API(status = API.Status.STABLE, since = "0.1")
public record BuildStep(String build, List<String> tags, List<String> buildArgs, StepOptions options)
        implements Step {

    /** Checks the arguments and freezes the lists. */
    public BuildStep {
        Objects.requireNonNull(build, "build");
        tags = List.copyOf(tags);
        buildArgs = List.copyOf(buildArgs);
        Objects.requireNonNull(options, "options");
    }

    @Override
    public StepKind kind() {
        return StepKind.BUILD;
    }

    /** Whether the step asks for BuildKit: its env holds exactly {@code DOCKER_BUILDKIT=1}, or cache is enabled. */
    public boolean usesBuildKit() {
        return options.env().contains("DOCKER_BUILDKIT=1") || "enabled".equalsIgnoreCase(options.cache());
    }
}
