package io.multistep.spec;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@code push:} step: pushes images to their registries.
 *
 * <p>A push has no container settings: the reference pushes each image from a docker CLI container
 * that takes none of the step's settings (builder/push.go), so only {@code id}, {@code when},
 * {@code timeout}, {@code startDelay} and {@code ignoreErrors} have an effect on it. It still prints
 * a working directory and a network when the step starts, which {@link #reportedWorkingDirectory()}
 * and {@link #reportedNetwork()} keep so the line reads the same.
 *
 * @param images the normalised references: {@code :latest} added where neither tag nor digest is
 *     given, exact duplicates removed keeping the first
 * @param reportedWorkingDirectory the working directory the step-start line names (unused)
 * @param reportedNetwork the network the step-start line names (unused)
 * @param schedule when the step runs
 */
@API(status = API.Status.STABLE, since = "0.1")
public record PushStep(List<String> images, String reportedWorkingDirectory, String reportedNetwork,
        StepSchedule schedule) implements Step {

    /** Checks the arguments and freezes the list. */
    public PushStep {
        images = List.copyOf(images);
        Objects.requireNonNull(reportedWorkingDirectory, "reportedWorkingDirectory");
        Objects.requireNonNull(reportedNetwork, "reportedNetwork");
        Objects.requireNonNull(schedule, "schedule");
    }

    /**
     * A push of these images with nothing to report when it starts.
     *
     * @param images the normalised references
     * @param schedule when the step runs
     */
    public PushStep(List<String> images, StepSchedule schedule) {
        this(images, "", "", schedule);
    }

    @Override
    public StepKind kind() {
        return StepKind.PUSH;
    }
}
