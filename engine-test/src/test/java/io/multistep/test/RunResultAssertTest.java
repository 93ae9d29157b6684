package io.multistep.test;

import static io.multistep.test.MultistepAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.engine.RunResult;
import io.multistep.engine.RunStatus;
import io.multistep.engine.StepFailure;
import io.multistep.engine.StepResult;
import io.multistep.engine.StepStatus;
import io.multistep.engine.spi.ImageRecord;
import io.multistep.spec.StepKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The assertions on hand-made results: what passes, what fails, and what a failure says. */
class RunResultAssertTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private static StepResult step(String id, StepStatus status, int exit, long startMs, long endMs, String... out) {
        Optional<StepFailure> failure = status.isSuccessful() && status != StepStatus.FAILURE_IGNORED
                ? Optional.empty()
                : Optional.of(new StepFailure("exit status " + exit, StepFailure.Reason.EXIT_CODE, Optional.empty()));
        return new StepResult(id, StepKind.CMD, status, OptionalInt.of(exit), 1, Optional.of(T0.plusMillis(startMs)),
                Optional.of(T0.plusMillis(endMs)), Duration.ofMillis(endMs - startMs), failure, List.of(), List.of(),
                List.of(out));
    }

    private static RunResult run(RunStatus status, StepResult... steps) {
        return new RunResult("r1", status,
                status == RunStatus.SUCCEEDED ? Optional.empty() : Optional.of("failed to run step ID: test: exit status 1"),
                List.of(steps), T0, T0.plusSeconds(5), Duration.ofSeconds(5));
    }

    private static final RunResult OK = run(RunStatus.SUCCEEDED,
            new StepResult("build", StepKind.BUILD, StepStatus.SUCCEEDED, OptionalInt.of(0), 1, Optional.of(T0),
                    Optional.of(T0.plusMillis(100)), Duration.ofMillis(100), Optional.empty(),
                    List.of(new ImageRecord("127.0.0.1:5000/app:v1", "sha256:aa", false)), List.of(), List.of("built")),
            new StepResult("push", StepKind.PUSH, StepStatus.SUCCEEDED, OptionalInt.of(0), 1,
                    Optional.of(T0.plusMillis(100)), Optional.of(T0.plusMillis(200)), Duration.ofMillis(100),
                    Optional.empty(), List.of(new ImageRecord("127.0.0.1:5000/app:v1", "sha256:bb", true)), List.of(),
                    List.of()),
            step("a", StepStatus.SUCCEEDED, 0, 200, 400, "PASS a"),
            step("b", StepStatus.SUCCEEDED, 0, 250, 350, "PASS b"));

    private static final RunResult FAILED = run(RunStatus.FAILED,
            step("compile", StepStatus.SUCCEEDED, 0, 0, 10, "ok"),
            step("test", StepStatus.FAILED, 1, 10, 20, "running 3 tests", "FAIL: test_two expected 2 got 3"),
            StepResult.skipped("deploy", StepKind.CMD));

    @Test
    void aSuccessfulRunPassesEveryMatchingAssertion() {
        assertThat(OK).succeeded()
                .hasStatus(RunStatus.SUCCEEDED)
                .hasStepIds("build", "push", "a", "b")
                .stepsRanInOrder("build", "push", "a")
                .stepsOverlapped("a", "b")
                .pushed("127.0.0.1:5000/app")
                .pushed("127.0.0.1:5000/app:v1")
                .step("a").succeeded().hasExitCode(0).outputContains("PASS").tookLessThan(Duration.ofSeconds(1))
                .step("b").outputContains("PASS b").outputDoesNotContain("FAIL")
                .run().succeeded();
    }

    @Test
    void aFailedRunPassesTheFailureAssertions() {
        assertThat(FAILED).failed()
                .hasStatus(RunStatus.FAILED)
                .hasFailureMessageContaining("step ID: test")
                .wasSkipped("deploy")
                .step("test").failed().hasExitCode(1).hasFailureReason(StepFailure.Reason.EXIT_CODE).hasAttempts(1)
                .step("deploy").wasSkipped();
        assertThat(FAILED.step("compile")).succeeded().outputContains("ok");
    }

    @Test
    void succeededOnAFailedRunShowsStatusCauseAndOutput() {
        assertThatThrownBy(() -> assertThat(FAILED).succeeded())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected the run to succeed")
                .hasMessageContaining("run r1: FAILED, failed to run step ID: test: exit status 1")
                .hasMessageContaining("step test: FAILED (exit code 1), cause: exit status 1 [EXIT_CODE]")
                .hasMessageContaining("| FAIL: test_two expected 2 got 3")
                .hasMessageContaining("step deploy: SKIPPED")
                .message().doesNotContain("step compile");
    }

    @Test
    void stepAssertionFailuresShowTheStep() {
        assertThatThrownBy(() -> assertThat(FAILED).step("test").succeeded())
                .hasMessageContaining("Expected the step to end SUCCEEDED")
                .hasMessageContaining("step test: FAILED (exit code 1)")
                .hasMessageContaining("| running 3 tests");
        assertThatThrownBy(() -> assertThat(FAILED).step("test").hasExitCode(0))
                .hasMessageContaining("Expected exit code 0, but got 1");
        assertThatThrownBy(() -> assertThat(FAILED).step("deploy").hasExitCode(0))
                .hasMessageContaining("no attempt ran to its end");
        assertThatThrownBy(() -> assertThat(FAILED).step("test").outputContains("PASS"))
                .hasMessageContaining("to contain \"PASS\"")
                .hasMessageContaining("| FAIL: test_two");
        assertThatThrownBy(() -> assertThat(OK).step("a").tookLessThan(Duration.ofMillis(100)))
                .hasMessageContaining("to take less than PT0.1S, but it took PT0.2S");
        assertThatThrownBy(() -> assertThat(FAILED).step("compile").failed())
                .hasMessageContaining("Expected the step to fail");
        assertThatThrownBy(() -> assertThat(OK).step("a").wasSkipped())
                .hasMessageContaining("Expected the step to end SKIPPED");
    }

    @Test
    void runLevelFailuresNameWhatWasExpected() {
        assertThatThrownBy(() -> assertThat(OK).failed()).hasMessageContaining("Expected the run not to succeed");
        assertThatThrownBy(() -> assertThat(OK).step("nope"))
                .hasMessageContaining("Expected a step with ID nope, but the run's steps are [build, push, a, b]");
        assertThatThrownBy(() -> assertThat(OK).stepsRanInOrder("a", "b"))
                .hasMessageContaining("b started at 2025-01-01T10:00:00.250Z before a ended at 2025-01-01T10:00:00.400Z");
        assertThatThrownBy(() -> assertThat(OK).stepsOverlapped("build", "a"))
                .hasMessageContaining("Expected steps build and a to overlap");
        assertThatThrownBy(() -> assertThat(OK).pushed("127.0.0.1:5000/other"))
                .hasMessageContaining("but it pushed [127.0.0.1:5000/app:v1]");
        assertThatThrownBy(() -> assertThat(FAILED).pushed("127.0.0.1:5000/app"))
                .hasMessageContaining("but it pushed none");
        assertThatThrownBy(() -> assertThat(OK).wasSkipped("a")).hasMessageContaining("Expected step a to be skipped");
        assertThatThrownBy(() -> assertThat(FAILED).stepsRanInOrder("compile", "deploy"))
                .hasMessageContaining("Expected step deploy to have run, but it did not start");
        assertThatThrownBy(() -> assertThat(FAILED).hasFailureMessageContaining("timed out"))
                .hasMessageContaining("to contain \"timed out\"");
        assertThatThrownBy(() -> assertThat(OK).hasStepIds("build"))
                .hasMessageContaining("Expected the steps [build] but the run has [build, push, a, b]");
    }

    @Test
    void longOutputIsCutToTheLastLinesAndPercentSignsAreKept() {
        String[] lines = IntStream.rangeClosed(1, 40).mapToObj(i -> "line " + i + " 100%").toArray(String[]::new);
        RunResult r = run(RunStatus.FAILED, step("noisy", StepStatus.FAILED, 2, 0, 5, lines));
        assertThatThrownBy(() -> assertThat(r).succeeded())
                .hasMessageContaining("last 15 output lines")
                .hasMessageContaining("| line 40 100%")
                .hasMessageContaining("| line 26 100%")
                .message().doesNotContain("| line 25 ");
    }

    @Test
    void descriptionsArePrefixed() {
        assertThatThrownBy(() -> assertThat(FAILED).as("the nightly task").succeeded())
                .hasMessageContaining("[the nightly task]");
    }

    @Test
    void stepAssertionsWithoutARunCannotNavigate() {
        assertThatThrownBy(() -> assertThat(OK.step("a")).run()).isInstanceOf(IllegalStateException.class);
        assertThat(OK.steps()).hasSize(4);
    }
}
