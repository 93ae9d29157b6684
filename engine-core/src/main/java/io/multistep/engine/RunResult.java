package io.multistep.engine;

import io.multistep.engine.spi.ImageDependency;
import io.multistep.engine.spi.ImageRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a run did. Produced for every run that was started, whatever the outcome (unlike the
 * reference, which prints no summary after a failure). Every text field is masked.
 *
 * @param runId the run id
 * @param status how the run ended
 * @param failureMessage why it did not succeed, in the reference's words, for example
 *     {@code failed to run step ID: test: exit status 1}
 * @param steps one result per step, in task-file order
 * @param startedAt when the run started
 * @param endedAt when the run ended (after the runtime session was closed)
 * @param duration {@code endedAt - startedAt}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record RunResult(
        String runId,
        RunStatus status,
        Optional<String> failureMessage,
        List<StepResult> steps,
        Instant startedAt,
        Instant endedAt,
        Duration duration) {

    /** Checks the arguments and freezes the list. */
    public RunResult {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failureMessage, "failureMessage");
        steps = List.copyOf(steps);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(duration, "duration");
    }

    /** Whether the run succeeded. @return {@code true} when {@link #status()} is {@link RunStatus#SUCCEEDED} */
    public boolean succeeded() {
        return status == RunStatus.SUCCEEDED;
    }

    /**
     * The result of one step.
     *
     * @param id the step id
     * @return its result
     * @throws IllegalArgumentException when the task has no such step
     */
    public StepResult step(String id) {
        for (StepResult s : steps) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no step with ID: " + id);
    }

    /** The dependency report of all build steps, in task-file order. @return the entries */
    public List<ImageDependency> dependencies() {
        List<ImageDependency> all = new ArrayList<>();
        for (StepResult s : steps) {
            all.addAll(s.dependencies());
        }
        return List.copyOf(all);
    }

    /** Every image built or pushed, in task-file order. @return the images */
    public List<ImageRecord> images() {
        List<ImageRecord> all = new ArrayList<>();
        for (StepResult s : steps) {
            all.addAll(s.images());
        }
        return List.copyOf(all);
    }

    /** The reference's per-step summary lines, in file order. @return the lines */
    public List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        for (StepResult s : steps) {
            lines.add(s.summaryLine());
        }
        return List.copyOf(lines);
    }
}
