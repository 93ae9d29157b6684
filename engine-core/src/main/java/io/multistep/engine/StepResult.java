package io.multistep.engine;

import io.multistep.engine.spi.ImageDependency;
import io.multistep.engine.spi.ImageRecord;
import io.multistep.spec.StepKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * What one step did in a run. Every text field is masked.
 *
 * @param id the step id
 * @param kind cmd, build or push
 * @param status how it ended
 * @param exitCode the exit code of its last attempt, if an attempt ran to its end
 * @param attempts how many attempts ran (all iterations and retries)
 * @param startedAt when it started (after {@code startDelay}, as the reference measures), if it started
 * @param endedAt when it ended, if it started
 * @param duration {@code endedAt - startedAt}, zero when it did not start
 * @param failure why it did not succeed (also set for {@link StepStatus#FAILURE_IGNORED})
 * @param images images it built and pushed, with digests when the runtime knows them
 * @param dependencies the dependency report entries of a build step
 * @param outputTail the last output lines of the step (at most {@link #TAIL_LINES}), masked
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public record StepResult(
        String id,
        StepKind kind,
        StepStatus status,
        OptionalInt exitCode,
        int attempts,
        Optional<Instant> startedAt,
        Optional<Instant> endedAt,
        Duration duration,
        Optional<StepFailure> failure,
        List<ImageRecord> images,
        List<ImageDependency> dependencies,
        List<String> outputTail) {

    /** How many output lines a result keeps. */
    public static final int TAIL_LINES = 50;

    /** Checks the arguments and freezes the lists. */
    public StepResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(failure, "failure");
        images = List.copyOf(images);
        dependencies = List.copyOf(dependencies);
        outputTail = List.copyOf(outputTail);
    }

    /** A result for a step that never started. @param id the id @param kind the kind @return the result */
    public static StepResult skipped(String id, StepKind kind) {
        return new StepResult(id, kind, StepStatus.SKIPPED, OptionalInt.empty(), 0, Optional.empty(),
                Optional.empty(), Duration.ZERO, Optional.empty(), List.of(), List.of(), List.of());
    }

    /** Whether dependents could run after it. @return {@code true} for success and ignored failure */
    public boolean isSuccessful() {
        return status.isSuccessful();
    }

    /**
     * The reference's summary line: {@code Step ID: <id> marked as <status> (elapsed time in seconds: <s>)}.
     *
     * @return the line
     */
    public String summaryLine() {
        double seconds = duration.toNanos() / 1_000_000_000.0;
        return String.format(java.util.Locale.ROOT, "Step ID: %s marked as %s (elapsed time in seconds: %.6f)",
                id, status.referenceWord(), seconds);
    }
}
