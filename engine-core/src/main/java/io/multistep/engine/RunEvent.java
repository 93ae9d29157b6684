package io.multistep.engine;

import io.multistep.engine.spi.StepOutput;
import io.multistep.spec.StepKind;
import io.multistep.spec.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Something that happened in a run, as a value: convenient for JSON output, logging or recording
 * in tests. Every text is masked. {@link RunListener#onEvent(RunEvent)} receives them all.
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public sealed interface RunEvent {

    /** The run the event belongs to. @return the run id */
    String runId();

    /** When it happened, from the engine's clock. @return the instant */
    Instant time();

    /**
     * The task is loaded and the run begins (before the runtime session is opened).
     *
     * @param runId the run id
     * @param time when
     * @param task the loaded task, with its secret values in clear: show its text through {@code masker}
     * @param stepIds the step ids in file order
     * @param masker hides the run's secret values; a listener that prints text from the task (a
     *     step's working directory, command, env) masks it with this
     */
    record RunStarted(String runId, Instant time, Task task, List<String> stepIds, SecretMasker masker)
            implements RunEvent {
        /** Freezes the list. */
        public RunStarted {
            stepIds = List.copyOf(stepIds);
            java.util.Objects.requireNonNull(masker, "masker");
        }

        /**
         * A run with no secret values to mask.
         *
         * @param runId the run id
         * @param time when
         * @param task the loaded task
         * @param stepIds the step ids in file order
         */
        public RunStarted(String runId, Instant time, Task task, List<String> stepIds) {
            this(runId, time, task, stepIds, SecretMasker.none());
        }
    }

    /**
     * A step's dependencies are satisfied and it begins (its {@code startDelay} follows).
     *
     * @param runId the run id
     * @param time when
     * @param stepId the step id
     * @param kind the step kind
     * @param startDelay the delay before its first attempt
     * @param timeout its timeout (zero: none)
     */
    record StepStarted(String runId, Instant time, String stepId, StepKind kind, Duration startDelay,
            Duration timeout) implements RunEvent {}

    /**
     * An attempt's container is running.
     *
     * @param runId the run id
     * @param time when
     * @param stepId the step id
     * @param containerId the runtime's container id
     * @param iteration the repeat iteration (0-based)
     * @param attempt the attempt within the iteration (0-based)
     */
    record ContainerStarted(String runId, Instant time, String stepId, String containerId, int iteration,
            int attempt) implements RunEvent {}

    /**
     * One line of a step's output.
     *
     * @param runId the run id
     * @param time when it arrived
     * @param stepId the step id
     * @param stream stdout or stderr
     * @param text the line, masked, without terminator
     */
    record LogLine(String runId, Instant time, String stepId, StepOutput.Stream stream, String text)
            implements RunEvent {}

    /**
     * An attempt failed and another follows after {@code delay}.
     *
     * @param runId the run id
     * @param time when
     * @param stepId the step id
     * @param iteration the repeat iteration (0-based)
     * @param failedAttempt the attempt that failed (0-based)
     * @param error why it failed, masked
     * @param delay the pause before the next attempt
     */
    record StepRetried(String runId, Instant time, String stepId, int iteration, int failedAttempt, String error,
            Duration delay) implements RunEvent {}

    /**
     * A step ended; sent for every step of the task, skipped ones included (those without a
     * {@link StepStarted} before).
     *
     * @param runId the run id
     * @param time when
     * @param result what the step did
     */
    record StepFinished(String runId, Instant time, StepResult result) implements RunEvent {}

    /**
     * The run ended and its runtime session is closed; always the last event of a run.
     *
     * @param runId the run id
     * @param time when
     * @param result what the run did
     */
    record RunFinished(String runId, Instant time, RunResult result) implements RunEvent {}
}
