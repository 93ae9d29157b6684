package io.multistep.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.engine.spi.ContainerRuntime;
import io.multistep.engine.spi.RunSetup;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeSession;
import io.multistep.engine.spi.StepAttempt;
import io.multistep.engine.spi.StepOutcome;
import io.multistep.engine.spi.StepOutput;
import io.multistep.spec.Step;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The runtime's preparation of a {@code pull: true} step happens once, outside the step's clock. */
@Timeout(30)
class PrepareTest {

    private final AtomicInteger prepares = new AtomicInteger();
    private final AtomicInteger executes = new AtomicInteger();

    /** A runtime whose prepare() takes {@code prepareMillis} or fails, and whose attempts exit with 1 then 0. */
    private ContainerRuntime runtime(long prepareMillis, boolean prepareFails) {
        return setup -> new RuntimeSession() {
            @Override
            public void prepare(Step step, StepOutput output) throws RuntimeFailure, InterruptedException {
                prepares.incrementAndGet();
                output.line(StepOutput.Stream.STDOUT, "pulling " + step.id());
                Thread.sleep(prepareMillis);
                if (prepareFails) {
                    throw new RuntimeFailure(RuntimeFailure.Kind.IMAGE_NOT_FOUND, "no such image");
                }
            }

            @Override
            public StepOutcome execute(StepAttempt attempt, StepOutput output) {
                return StepOutcome.exited(executes.getAndIncrement() == 0 ? 1 : 0);
            }

            @Override
            public void stop(String stepId) {}

            @Override
            public void close() {}
        };
    }

    private RunResult run(ContainerRuntime runtime, String stepOptions) {
        String task = "steps:\n  - id: a\n    cmd: img echo\n    pull: true\n" + stepOptions;
        Engine engine = Engine.builder().runtime(runtime).timeScale(Duration.ofMillis(10)).build();
        return engine.run(TaskSource.text(task, "acb.yaml"), RunOptions.builder().runId("p1").build());
    }

    @Test
    void pullIsOutsideTheTimeoutAndTheDurationAndHappensOnceBeforeRetries() {
        // timeout 20 (200 ms scaled), pull 600 ms: the step still succeeds on its retry.
        RunResult result = run(runtime(600, false), "    timeout: 20\n    retries: 1\n    retryDelay: 1\n    repeat: 1\n");

        assertThat(result.succeeded()).as("%s", result).isTrue();
        assertThat(prepares).hasValue(1);
        assertThat(executes).hasValue(3); // fail, retry ok, then the repeat
        assertThat(result.step("a").duration()).isLessThan(Duration.ofMillis(600));
        assertThat(result.step("a").outputTail()).startsWith("pulling a");
    }

    @Test
    void aFailedPullFailsTheStepWithoutRetries() {
        RunResult result = run(runtime(0, true), "    retries: 3\n    retryDelay: 1\n");

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.failureMessage()).contains("failed to run step ID: a: no such image");
        assertThat(result.step("a").attempts()).isZero();
        assertThat(prepares).hasValue(1);
        assertThat(executes).hasValue(0);
    }

    @Test
    void anIgnoredFailedPullIsSuccessfulWithNoElapsedTime() {
        // The reference records the step's start and end only after the pull: a failed pull leaves
        // both unset, so the summary shows 0.000000 seconds however long the pull took.
        RunResult result = run(runtime(300, true), "    ignoreErrors: true\n");

        assertThat(result.succeeded()).isTrue();
        assertThat(result.step("a").status()).isEqualTo(StepStatus.FAILURE_IGNORED);
        assertThat(result.step("a").summaryLine())
                .isEqualTo("Step ID: a marked as successful (elapsed time in seconds: 0.000000)");
    }
}
