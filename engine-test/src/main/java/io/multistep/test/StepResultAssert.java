package io.multistep.test;

import io.multistep.engine.StepFailure;
import io.multistep.engine.StepResult;
import io.multistep.engine.StepStatus;
import io.multistep.test.internal.Describe;
import java.time.Duration;
import java.util.OptionalInt;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on one step's {@link StepResult}, from {@link RunResultAssert#step(String)} or
 * {@link MultistepAssertions#assertThat(StepResult)}. Failure messages show the step's status,
 * failure cause and last output lines.
 *
 * <p>Output assertions see the lines the result keeps: the last {@value StepResult#TAIL_LINES}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class StepResultAssert extends AbstractAssert<StepResultAssert, StepResult> {

    private final RunResultAssert run;

    StepResultAssert(StepResult actual, RunResultAssert run) {
        super(actual, StepResultAssert.class);
        this.run = run;
    }

    /** Checks the step succeeded ({@link StepStatus#SUCCEEDED}; a detached step: its container started). @return this */
    public StepResultAssert succeeded() {
        return hasStatus(StepStatus.SUCCEEDED);
    }

    /**
     * Checks the step ran and did not succeed: {@link StepStatus#FAILED}, {@code TIMED_OUT},
     * {@code CANCELLED} or {@code FAILURE_IGNORED} (use {@link #hasStatus} to be precise).
     *
     * @return this
     */
    public StepResultAssert failed() {
        isNotNull();
        if (actual.status() == StepStatus.SUCCEEDED || actual.status() == StepStatus.SKIPPED) {
            fail("Expected the step to fail, but it did not:%n" + Describe.step(actual));
        }
        return this;
    }

    /** Checks the step never started. @return this */
    public StepResultAssert wasSkipped() {
        return hasStatus(StepStatus.SKIPPED);
    }

    /** Checks how the step ended. @param expected the status @return this */
    public StepResultAssert hasStatus(StepStatus expected) {
        isNotNull();
        if (actual.status() != expected) {
            fail("Expected the step to end " + expected + ", but:%n" + Describe.step(actual));
        }
        return this;
    }

    /** Checks the exit code of the step's last attempt. @param expected the code @return this */
    public StepResultAssert hasExitCode(int expected) {
        isNotNull();
        OptionalInt code = actual.exitCode();
        if (code.isEmpty() || code.getAsInt() != expected) {
            fail("Expected exit code " + expected + ", but " + (code.isEmpty() ? "no attempt ran to its end" : "got "
                    + code.getAsInt()) + ":%n" + Describe.step(actual));
        }
        return this;
    }

    /** Checks why the step did not succeed. @param expected the reason @return this */
    public StepResultAssert hasFailureReason(StepFailure.Reason expected) {
        isNotNull();
        if (actual.failure().isEmpty() || actual.failure().get().reason() != expected) {
            fail("Expected the step to fail for " + expected + ", but:%n" + Describe.step(actual));
        }
        return this;
    }

    /** Checks how many attempts ran (iterations and retries). @param expected the count @return this */
    public StepResultAssert hasAttempts(int expected) {
        isNotNull();
        if (actual.attempts() != expected) {
            fail("Expected " + expected + " attempts, but " + actual.attempts() + " ran:%n" + Describe.step(actual));
        }
        return this;
    }

    /**
     * Checks the step's output contains each text (within a line).
     *
     * @param texts the texts
     * @return this
     */
    public StepResultAssert outputContains(String... texts) {
        isNotNull();
        for (String text : texts) {
            if (actual.outputTail().stream().noneMatch(line -> line.contains(text))) {
                fail("Expected the output of step " + actual.id() + " to contain \"" + text + "\", but it does not:%n"
                        + Describe.step(actual));
            }
        }
        return this;
    }

    /** Checks no output line contains the text. @param text the text @return this */
    public StepResultAssert outputDoesNotContain(String text) {
        isNotNull();
        if (actual.outputTail().stream().anyMatch(line -> line.contains(text))) {
            fail("Expected the output of step " + actual.id() + " not to contain \"" + text + "\", but it does:%n"
                    + Describe.step(actual));
        }
        return this;
    }

    /**
     * Checks the step took less than a limit. Use generous limits: this catches hangs, not slowness.
     *
     * @param limit the limit
     * @return this
     */
    public StepResultAssert tookLessThan(Duration limit) {
        isNotNull();
        if (actual.duration().compareTo(limit) >= 0) {
            fail("Expected step " + actual.id() + " to take less than " + limit + ", but it took " + actual.duration()
                    + ":%n" + Describe.step(actual));
        }
        return this;
    }

    /**
     * Switches to another step of the same run.
     *
     * @param id the step id
     * @return its assertions
     * @throws IllegalStateException when these assertions did not come from a run
     */
    public StepResultAssert step(String id) {
        return run().step(id);
    }

    /**
     * Back to the run's assertions.
     *
     * @return them
     * @throws IllegalStateException when these assertions did not come from {@link RunResultAssert#step(String)}
     */
    public RunResultAssert run() {
        if (run == null) {
            throw new IllegalStateException("these step assertions were not reached from a run's assertions");
        }
        return run;
    }

    private void fail(String template) {
        String[] parts = template.split("%n", -1);
        failWithMessage("%s", String.join(System.lineSeparator(), parts));
    }
}
