package io.multistep.engine.internal;

import io.multistep.engine.RunEvent;
import io.multistep.engine.SecretMasker;
import io.multistep.engine.StepFailure;
import io.multistep.engine.StepResult;
import io.multistep.engine.StepStatus;
import io.multistep.engine.spi.ImageDependency;
import io.multistep.engine.spi.ImageRecord;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.StepAttempt;
import io.multistep.engine.spi.StepOutcome;
import io.multistep.engine.spi.StepOutput;
import io.multistep.spec.Step;
import io.multistep.spec.StepKind;
import io.multistep.spec.StepSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step of a run, on its own thread: start delay, then the retry loop inside the repeat loop
 * under one deadline (execution.md §10), then the result.
 *
 * <p>The deadline behaves as the reference's step context: it cuts the attempt that is running
 * when it passes (that attempt fails with {@code timed out}), never a retry delay, and every
 * later attempt fails at once with {@code timed out} without running. Retries and repeat
 * iterations go on as after any other failure, so a timed-out step with {@code repeat: 2} fails
 * with {@code timed out, timed out, timed out}.
 */
final class StepExecution implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(StepExecution.class);

    /** Far enough to mean "no deadline" without overflowing a runtime's {@code Duration.toMillis()}. */
    private static final Duration NO_DEADLINE = Duration.ofDays(3650);

    /** The reference's error when a push step's attempts are used up (execution.md §5). */
    static final String PUSH_FAILED = "failed to push images successfully";

    private final RunExecution run;
    private final RunExecution.Node node;
    private final Step step;
    private final StepSchedule options;
    private final String runId;
    private final SecretMasker masker;
    private final OutputTail tail = new OutputTail(StepResult.TAIL_LINES);

    // Guarded by this.
    private Thread thread;
    private boolean inExecute;
    private StepFailure.Reason stopReason;
    private String stopMessage;
    private boolean expired;

    StepExecution(RunExecution run, RunExecution.Node node) {
        this.run = run;
        this.node = node;
        this.step = node.step;
        this.options = step.schedule();
        this.runId = run.runId();
        this.masker = run.masker();
    }

    /** Called on the step's thread when it starts; an abort that came first interrupts it at once. */
    private synchronized void bind(Thread t) {
        this.thread = t;
        if (stopReason != null) {
            t.interrupt();
        }
    }

    /** The run stops (fail-fast, cancel, total timeout): interrupt, and stop the container if one runs. */
    void abort(StepFailure.Reason reason, String message) {
        stop(reason, message);
    }

    /**
     * The step's own deadline passed: the attempt that runs (if one does) is stopped and
     * interrupted; later attempts fail at once. A retry delay under way is not cut.
     */
    private void deadlinePassed() {
        Thread t;
        synchronized (this) {
            if (expired) {
                return;
            }
            expired = true;
            if (!inExecute || stopReason != null) {
                return;
            }
            t = thread;
        }
        run.stopAsync(step.id());
        if (t != null) {
            t.interrupt();
        }
    }

    private synchronized boolean expired() {
        return expired;
    }

    private void stop(StepFailure.Reason reason, String message) {
        boolean callStop;
        Thread t;
        synchronized (this) {
            if (stopReason != null) {
                return;
            }
            stopReason = reason;
            stopMessage = message;
            callStop = inExecute;
            t = thread;
        }
        if (callStop) {
            // Registered before the interrupt so the run waits for it before closing the session.
            run.stopAsync(step.id());
        }
        if (t != null) {
            t.interrupt();
        }
    }

    private synchronized StepFailure.Reason stopReason() {
        return stopReason;
    }

    /** Enters the runtime call unless the step is being stopped. */
    private synchronized boolean enterExecute() {
        if (stopReason != null) {
            return false;
        }
        inExecute = true;
        return true;
    }

    private synchronized void leaveExecute() {
        inExecute = false;
        if (stopReason == null) {
            // The deadline's interrupt is for the runtime call only: it must not cut a retry delay.
            Thread.interrupted();
        }
    }

    @Override
    public void run() {
        bind(Thread.currentThread());
        StepResult result;
        try {
            result = execute();
        } catch (RuntimeException | Error e) {
            // An engine or runtime bug must not lose the step: report it as a failure.
            LOG.error("run {}: step {} failed unexpectedly", runId, step.id(), e);
            result = new StepResult(step.id(), step.kind(), StepStatus.FAILED, OptionalInt.empty(), 0,
                    Optional.empty(), Optional.empty(), Duration.ZERO,
                    Optional.of(new StepFailure(masker.mask("internal error: " + e), StepFailure.Reason.RUNTIME,
                            Optional.of(RuntimeFailure.Kind.OTHER))),
                    List.of(), List.of(), tail.snapshot());
        }
        // Unbind and clear a late interrupt so it cannot leak into event delivery, the scheduler or the pool's next task.
        synchronized (this) {
            thread = null;
        }
        Thread.interrupted();
        run.events().emit(new RunEvent.StepFinished(runId, run.config().clock().instant(), result));
        run.stepDone(node, result);
    }

    private StepResult execute() {
        EngineConfig config = run.config();
        Duration startDelay = config.seconds(options.startDelay());
        Duration timeout = config.seconds(options.timeout());
        run.events().emit(new RunEvent.StepStarted(runId, config.clock().instant(), step.id(), step.kind(),
                startDelay, timeout));
        LOG.debug("run {}: Executing step ID: {}. Timeout(sec): {}, Working directory: '{}', Network: '{}'", runId,
                step.id(), options.timeout(), masker.mask(step.reportedWorkingDirectory()),
                masker.mask(step.reportedNetwork()));

        if (!waitStartDelay(startDelay) || stopReason() != null) {
            return stoppedBeforeStart();
        }
        if (step instanceof io.multistep.spec.CmdStep cmd && cmd.pull()) {
            // acb pulls before the step's clock and timeout start, and once, before retries and repeats.
            StepResult failed = prepare();
            if (failed != null) {
                return failed;
            }
        }

        Instant startedAt = config.clock().instant();
        StepDeadline deadline = startDeadline(startedAt, timeout);
        Tally tally = new Tally();
        // Push steps do their own three attempts in the runtime; retries and repeat do not apply (execution.md §5).
        int iterations = step.kind() == StepKind.PUSH ? 1 : Math.max(0, options.repeat()) + 1;
        for (int iteration = 0; iteration < iterations && !tally.stoppedEarly; iteration++) {
            repeatIteration(iteration, deadline, tally);
        }
        deadline.cancel();
        Thread.interrupted();
        return outcome(tally, startedAt, config.clock().instant());
    }

    /** Sleeps the step's {@code startDelay}; {@code false} when a stop of the run cut it. */
    private boolean waitStartDelay(Duration startDelay) {
        try {
            sleep(startDelay);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** The step's deadline, from when its clock starts; its timer (if it has a timeout) cuts the running attempt. */
    private StepDeadline startDeadline(Instant startedAt, Duration timeout) {
        Instant at = startedAt.plus(timeout.isZero() ? NO_DEADLINE : timeout);
        long nanos = System.nanoTime() + timeout.toNanos(); // only meaningful with a timer
        ScheduledFuture<?> timer = timeout.isZero() ? null
                : run.timers().schedule(this::deadlinePassed, timeout.toNanos(), TimeUnit.NANOSECONDS);
        return new StepDeadline(at, nanos, timer);
    }

    /**
     * One repeat iteration: attempts until one succeeds, the retries are used up or the run stops.
     * A failed iteration adds its error to the tally.
     */
    private void repeatIteration(int iteration, StepDeadline deadline, Tally tally) {
        int maxRetries = step.kind() == StepKind.PUSH ? 0 : Math.max(0, options.retries());
        for (int attempt = 0; ; attempt++) {
            AttemptEnd end = attempt(iteration, attempt, deadline, tally);
            if (end instanceof AttemptEnd.Stopped) {
                tally.stoppedEarly = true;
                return;
            }
            if (end instanceof AttemptEnd.Succeeded) {
                return;
            }
            AttemptEnd.Failed failed = (AttemptEnd.Failed) end;
            if (attempt < maxRetries && failed.output().matchesRetryOnErrors()) {
                if (!waitRetryDelay(iteration, attempt, failed.error())) {
                    // Only a stop of the run (cancellation, another step's failure, total timeout)
                    // cuts the delay; the iteration ends with the stop.
                    tally.lastFailure = failed.failure();
                    tally.stoppedEarly = true;
                    return;
                }
                continue;
            }
            tally.errors.add(failed.error());
            tally.lastFailure = failed.failure();
            return;
        }
    }

    /** Announces a retry and sleeps its delay; {@code false} when a stop of the run cut the delay. */
    private boolean waitRetryDelay(int iteration, int attempt, String error) {
        EngineConfig config = run.config();
        Duration delay = config.seconds(options.retryDelay());
        run.events().emit(new RunEvent.StepRetried(runId, config.clock().instant(), step.id(), iteration,
                attempt, error, delay));
        LOG.debug("run {}: step {} attempt {} failed: {}; retrying in {}", runId, step.id(), attempt, error, delay);
        try {
            sleep(delay);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** One attempt: runs the step in the runtime unless the run stops or the deadline has passed. */
    private AttemptEnd attempt(int iteration, int attempt, StepDeadline deadline, Tally tally) {
        if (deadline.passed()) {
            deadlinePassed();
        }
        if (stopReason() != null) {
            return new AttemptEnd.Stopped();
        }
        AttemptOutput output = new AttemptOutput(iteration, attempt, !options.retryOnErrors().isEmpty());
        if (expired()) {
            // Under an expired deadline an attempt fails at once, as the reference's does.
            output.close();
            return failure(null, null, output);
        }
        LOG.debug("run {}: Launching container with name: {}", runId, step.id());
        if (!enterExecute()) {
            return new AttemptEnd.Stopped();
        }
        tally.attempts++;
        StepOutcome outcome = null;
        StepFailure failure = null;
        try {
            outcome = run.session().execute(new StepAttempt(step, iteration, attempt, deadline.at()), output);
        } catch (RuntimeFailure f) {
            if (f.kind() == RuntimeFailure.Kind.TIMED_OUT && deadline.nearlyPassed()) {
                // The runtime noticed the step's deadline a moment before our timer: the same timeout.
                deadlinePassed();
            } else {
                failure = new StepFailure(masker.mask(String.valueOf(f.getMessage())), StepFailure.Reason.RUNTIME,
                        Optional.of(f.kind()));
                output.failedWith(f.getMessage());
            }
        } catch (InterruptedException e) {
            // The deadline or a stop of the run (checked below).
        } catch (RuntimeException e) {
            // A runtime bug is a failed attempt, not a dead scheduler.
            failure = new StepFailure(masker.mask("runtime error: " + e), StepFailure.Reason.RUNTIME,
                    Optional.of(RuntimeFailure.Kind.OTHER));
        } finally {
            leaveExecute();
            output.close();
        }
        if (stopReason() != null) {
            return new AttemptEnd.Stopped();
        }
        if (outcome != null) {
            tally.lastExit = OptionalInt.of(outcome.exitCode());
            if (ExitCodes.isSuccess(options, outcome.exitCode())) {
                tally.succeeded(outcome);
                return new AttemptEnd.Succeeded();
            }
        }
        return failure(outcome, failure, output);
    }

    /** Why an attempt that did not succeed failed: the deadline first, then the exit code, then the runtime. */
    private AttemptEnd.Failed failure(StepOutcome outcome, StepFailure runtimeFailure, AttemptOutput output) {
        if (expired()) {
            // Cut by the deadline (whatever the runtime made of the stop), or not run at all. A
            // push's remaining attempts fail under the expired deadline and its loop gives up
            // with its own error (execution.md §5).
            String error = step.kind() == StepKind.PUSH ? PUSH_FAILED : "timed out";
            return new AttemptEnd.Failed(new StepFailure(error, StepFailure.Reason.TIMED_OUT, Optional.empty()), output);
        }
        if (outcome != null) {
            return new AttemptEnd.Failed(new StepFailure("exit status " + outcome.exitCode(),
                    StepFailure.Reason.EXIT_CODE, Optional.empty()), output);
        }
        if (runtimeFailure != null) {
            return new AttemptEnd.Failed(runtimeFailure, output);
        }
        // Interrupted by the runtime itself or a stray interrupt: a failed attempt.
        return new AttemptEnd.Failed(new StepFailure("interrupted", StepFailure.Reason.RUNTIME,
                Optional.of(RuntimeFailure.Kind.OTHER)), output);
    }

    /** The step's result from its tally: stopped by the run, succeeded, or failed with every iteration's error. */
    private StepResult outcome(Tally tally, Instant startedAt, Instant endedAt) {
        StepStatus status;
        StepFailure cause;
        StepFailure.Reason reason = tally.stoppedEarly ? stopReason() : null;
        if (reason != null) {
            String message = masker.mask(stopMessage());
            status = reason == StepFailure.Reason.RUN_TIMED_OUT ? StepStatus.TIMED_OUT : StepStatus.CANCELLED;
            cause = new StepFailure(masker.mask(message), reason, Optional.empty());
        } else if (tally.errors.isEmpty()) {
            status = StepStatus.SUCCEEDED;
            cause = null;
        } else {
            // Every iteration's error, joined as the reference joins them.
            String message = String.join(", ", tally.errors);
            cause = new StepFailure(masker.mask(message), tally.lastFailure.reason(), tally.lastFailure.runtimeKind());
            status = options.ignoreErrors() ? StepStatus.FAILURE_IGNORED
                    : tally.lastFailure.reason() == StepFailure.Reason.TIMED_OUT ? StepStatus.TIMED_OUT
                    : StepStatus.FAILED;
        }
        if (status == StepStatus.FAILURE_IGNORED) {
            LOG.info("run {}: step {} failed but has ignoreErrors: {}", runId, step.id(), cause.message());
        }
        return new StepResult(step.id(), step.kind(), status, tally.lastExit, tally.attempts, Optional.of(startedAt),
                Optional.of(endedAt), Duration.between(startedAt, endedAt), Optional.ofNullable(cause),
                List.copyOf(tally.images.values()), tally.dependencies, tail.snapshot());
    }

    /** How an attempt ended. */
    private sealed interface AttemptEnd {
        /** The run stopped the step (before or during the attempt). */
        record Stopped() implements AttemptEnd {}

        /** The attempt exited with a success code. */
        record Succeeded() implements AttemptEnd {}

        /** The attempt failed (or could not run under an expired deadline); its output decides a retry. */
        record Failed(StepFailure failure, AttemptOutput output) implements AttemptEnd {
            String error() {
                return failure.message();
            }
        }
    }

    /**
     * The step's deadline: {@code at} for the runtime, {@code nanos} on the monotonic clock for our
     * checks (meaningful only with a timer), and the timer that fires when it passes.
     */
    private record StepDeadline(Instant at, long nanos, ScheduledFuture<?> timer) {
        boolean passed() {
            return timer != null && System.nanoTime() - nanos >= 0;
        }

        /** Within 50 ms of passing: a runtime's own timeout this close is the step's deadline. */
        boolean nearlyPassed() {
            return timer != null && System.nanoTime() - nanos >= -50_000_000L;
        }

        void cancel() {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    /** What the attempts of a step add up to; touched by the step's thread only. */
    private static final class Tally {
        final List<String> errors = new ArrayList<>();
        final Map<String, ImageRecord> images = new LinkedHashMap<>();
        final List<ImageDependency> dependencies = new ArrayList<>();
        StepFailure lastFailure;
        OptionalInt lastExit = OptionalInt.empty();
        int attempts;
        boolean stoppedEarly;

        void succeeded(StepOutcome outcome) {
            for (ImageRecord image : outcome.images()) {
                images.put((image.pushed() ? "push:" : "build:") + image.reference(), image);
            }
            if (dependencies.isEmpty()) {
                // One report per step: the reference scans once, before retries and repeats.
                dependencies.addAll(outcome.dependencies());
            }
        }
    }

    /**
     * The runtime's preparation of the step (the {@code pull: true} pull), outside the step's clock.
     * A failure fails the step at once, without retries or repeats (execution.md §3).
     *
     * @return the failed or stopped step's result, or {@code null} to go on
     */
    private StepResult prepare() {
        AttemptOutput output = new AttemptOutput(0, 0, false);
        if (!enterExecute()) {
            output.close();
            return stoppedBeforeStart();
        }
        StepFailure cause;
        try {
            run.session().prepare(step, output);
            return null;
        } catch (RuntimeFailure f) {
            cause = new StepFailure(masker.mask(String.valueOf(f.getMessage())), StepFailure.Reason.RUNTIME,
                    Optional.of(f.kind()));
        } catch (InterruptedException e) {
            Thread.interrupted();
            return stoppedBeforeStart();
        } catch (RuntimeException e) {
            cause = new StepFailure(masker.mask("runtime error: " + e), StepFailure.Reason.RUNTIME,
                    Optional.of(RuntimeFailure.Kind.OTHER));
        } finally {
            leaveExecute();
            output.close();
        }
        if (stopReason() != null) {
            return stoppedBeforeStart();
        }
        // The reference starts the step's clock after the pull: a failed pull leaves a step with no
        // elapsed time (its summary line says 0.000000 seconds).
        Instant end = run.config().clock().instant();
        StepStatus status = options.ignoreErrors() ? StepStatus.FAILURE_IGNORED : StepStatus.FAILED;
        return new StepResult(step.id(), step.kind(), status, OptionalInt.empty(), 0, Optional.of(end),
                Optional.of(end), Duration.ZERO, Optional.of(cause), List.of(), List.of(), tail.snapshot());
    }

    private synchronized String stopMessage() {
        return stopMessage;
    }

    private StepResult stoppedBeforeStart() {
        StepFailure.Reason reason = stopReason();
        if (reason == null) {
            reason = StepFailure.Reason.CANCELLED;
        }
        StepStatus status = reason == StepFailure.Reason.RUN_TIMED_OUT ? StepStatus.TIMED_OUT : StepStatus.CANCELLED;
        String message = stopMessage() == null ? "interrupted" : stopMessage();
        return new StepResult(step.id(), step.kind(), status, OptionalInt.empty(), 0, Optional.empty(),
                Optional.empty(), Duration.ZERO,
                Optional.of(new StepFailure(masker.mask(message), reason, Optional.empty())), List.of(), List.of(),
                List.of());
    }

    private static void sleep(Duration d) throws InterruptedException {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        TimeUnit.NANOSECONDS.sleep(d.toNanos());
    }

    /** The engine's side of one attempt's output: masks, keeps the tail, emits events, matches retryOnErrors. */
    private final class AttemptOutput implements StepOutput {
        private final int iteration;
        private final int attempt;
        private final StringBuilder captured;
        private boolean closed;

        AttemptOutput(int iteration, int attempt, boolean capture) {
            this.iteration = iteration;
            this.attempt = attempt;
            this.captured = capture ? new StringBuilder() : null;
        }

        @Override
        public synchronized void line(Stream stream, String text) {
            if (closed) {
                return; // too late: the attempt has returned (ordering guarantee of RunListener)
            }
            String raw = text == null ? "" : text;
            if (captured != null) {
                captured.append(raw).append('\n');
            }
            String masked = masker.mask(raw);
            tail.add(masked);
            run.events().emit(new RunEvent.LogLine(runId, run.config().clock().instant(), step.id(), stream, masked));
        }

        @Override
        public synchronized void containerStarted(String containerId) {
            if (closed) {
                return;
            }
            run.events().emit(new RunEvent.ContainerStarted(runId, run.config().clock().instant(), step.id(),
                    masker.mask(String.valueOf(containerId)), iteration, attempt));
        }

        synchronized void close() {
            closed = true;
        }

        /**
         * The runtime could not run the attempt: its message stands for what the reference's
         * {@code docker run} client printed on stderr (e.g. a failed pull), so retryOnErrors sees it.
         */
        synchronized void failedWith(String message) {
            if (captured != null && message != null) {
                captured.append(message).append('\n');
            }
        }

        /** The reference retries when retryOnErrors is empty or the attempt's output contains one of them (case-sensitive). */
        synchronized boolean matchesRetryOnErrors() {
            if (options.retryOnErrors().isEmpty()) {
                return true;
            }
            String text = captured.toString();
            for (String s : options.retryOnErrors()) {
                if (text.contains(s)) {
                    return true;
                }
            }
            return false;
        }
    }
}
