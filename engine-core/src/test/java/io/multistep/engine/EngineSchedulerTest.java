package io.multistep.engine;

import static io.multistep.engine.testing.TestTasks.cmd;
import static io.multistep.engine.testing.TestTasks.push;
import static io.multistep.engine.testing.TestTasks.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.engine.spi.ImageDependency;
import io.multistep.engine.spi.ImageRecord;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.testing.FakeRuntime;
import io.multistep.engine.testing.RecordingListener;
import io.multistep.engine.testing.TestTasks;
import io.multistep.spec.Task;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The scheduler against the scripted fake runtime. One task-file second lasts 10 ms here. */
@Timeout(30)
class EngineSchedulerTest {

    private static final List<String> NOW = List.of("-");

    private final FakeRuntime fake = new FakeRuntime();
    private final RecordingListener events = new RecordingListener();

    private Engine engine() {
        return Engine.builder().runtime(fake).listener(events).timeScale(Duration.ofMillis(10)).build();
    }

    private RunResult run(Task task) {
        return engine().run(TaskSource.of(task), RunOptions.builder().runId("r1").build());
    }

    @Test
    void stepsWithoutWhenRunInFileOrder() {
        RunResult result = run(task(cmd("a"), cmd("b"), cmd("c")));

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.failureMessage()).isEmpty();
        assertThat(result.steps()).extracting(StepResult::id).containsExactly("a", "b", "c");
        assertThat(result.steps()).allMatch(s -> s.status() == StepStatus.SUCCEEDED && s.attempts() == 1);
        assertThat(fake.timeline()).containsExactly("open r1", "start a#0.0", "end a#0.0 exit 0", "start b#0.0",
                "end b#0.0 exit 0", "start c#0.0", "end c#0.0 exit 0", "close r1");
        assertThat(fake.calls()).allMatch(c -> c.thread().startsWith("multistep-r1-" + c.stepId()));
    }

    @Test
    void independentStepsRunInParallelAndJoinWaitsForAll() {
        fake.step("a").afterMillis(150);
        fake.step("b").afterMillis(150);
        fake.step("c").afterMillis(150);
        RunResult result = run(task(cmd("a", o -> o.when(NOW)), cmd("b", o -> o.when(NOW)),
                cmd("c", o -> o.when(NOW)), cmd("d", o -> o.when(List.of("a", "b", "c")))));

        assertThat(result.succeeded()).isTrue();
        assertThat(fake.peakConcurrency()).isEqualTo(3);
        FakeRuntime.Call d = fake.calls("d").get(0);
        for (String id : List.of("a", "b", "c")) {
            assertThat(d.start()).isAfterOrEqualTo(fake.calls(id).get(0).end());
        }
    }

    @Test
    void capOnParallelStepsIsHonoured() {
        for (String id : List.of("a", "b", "c", "d", "e")) {
            fake.step(id).afterMillis(40);
        }
        Engine engine = Engine.builder().runtime(fake).maxParallelSteps(2).build();
        RunResult result = engine.run(TaskSource.of(task(cmd("a", o -> o.when(NOW)), cmd("b", o -> o.when(NOW)),
                cmd("c", o -> o.when(NOW)), cmd("d", o -> o.when(NOW)), cmd("e", o -> o.when(NOW)))));

        assertThat(result.succeeded()).isTrue();
        assertThat(fake.peakConcurrency()).isEqualTo(2);
        assertThat(fake.calls()).hasSize(5);
    }

    @Test
    void startDelayComesBeforeTheStepAndIsNotPartOfTheTimeout() {
        fake.step("a").afterMillis(5);
        // startDelay 400 ms, timeout 200 ms, attempt 5 ms: succeeds because the delay is not timed
        // (wide margins: the suite shares two cores with a Docker engine).
        RunResult result = run(task(cmd("a", o -> o.startDelay(40).timeout(20))));

        assertThat(result.succeeded()).isTrue();
        RunEvent.StepStarted started = events.events(RunEvent.StepStarted.class).get(0);
        assertThat(started.startDelay()).isEqualTo(Duration.ofMillis(400));
        assertThat(fake.calls("a").get(0).start()).isAfterOrEqualTo(started.time().plusMillis(400));
    }

    @Test
    void stepTimeoutInterruptsStopsAndFailsTheRun() {
        fake.step("a").hangs();
        RunResult result = run(task(cmd("a", o -> o.timeout(3)), cmd("b")));

        assertThat(result.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(result.failureMessage()).contains("failed to run step ID: a: timed out");
        assertThat(result.step("a").status()).isEqualTo(StepStatus.TIMED_OUT);
        assertThat(result.step("a").failure().orElseThrow().reason()).isEqualTo(StepFailure.Reason.TIMED_OUT);
        assertThat(result.step("b").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(fake.stops()).containsExactly("a");
        assertThat(fake.calls("a").get(0).result()).isEqualTo("interrupted");
        assertThat(fake.sessionClosed()).isTrue();
        assertThat(fake.timeline().get(fake.timeline().size() - 1)).isEqualTo("close r1");
    }

    @Test
    void stepTimeoutCoversRetriesAndRetryDelays() {
        fake.step("a").exitsWith(1).afterMillis(20);
        // timeout 80 ms; each attempt 20 ms + 10 ms delay: a few attempts, never all eleven.
        RunResult result = run(task(cmd("a", o -> o.timeout(8).retries(10).retryDelay(1))));

        assertThat(result.step("a").status()).isEqualTo(StepStatus.TIMED_OUT);
        assertThat(result.step("a").attempts()).isBetween(1, 10);
        assertThat(result.failureMessage()).contains("failed to run step ID: a: timed out");
    }

    @Test
    void aTimeoutFailsEveryRemainingRepeatIteration() {
        // execution.md §10: attempts under an expired deadline fail at once, and repeat runs every
        // iteration regardless: each remaining iteration adds its own "timed out".
        fake.step("a").hangs();
        RunResult result = run(task(cmd("a", o -> o.timeout(3).repeat(2))));

        assertThat(result.failureMessage()).contains("failed to run step ID: a: timed out, timed out, timed out");
        assertThat(result.step("a").status()).isEqualTo(StepStatus.TIMED_OUT);
        assertThat(result.step("a").failure().orElseThrow().reason()).isEqualTo(StepFailure.Reason.TIMED_OUT);
        assertThat(fake.calls("a")).hasSize(1);
        assertThat(fake.stops()).containsExactly("a");
    }

    @Test
    void repeatErrorsBeforeTheTimeoutComeFirstInTheMessage() {
        // Each attempt 150 ms, timeout 250 ms: iteration 0 exits 1, iteration 1 is cut by the deadline,
        // iteration 2 starts after it and fails at once.
        fake.step("a").exitsWith(1).afterMillis(150);
        RunResult result = run(task(cmd("a", o -> o.timeout(25).repeat(2))));

        assertThat(result.failureMessage()).contains("failed to run step ID: a: exit status 1, timed out, timed out");
        assertThat(fake.calls("a")).hasSize(2);
    }

    @Test
    void retriesAfterATimeoutStillWaitTheirDelayAndFailAtOnce() {
        // The reference sleeps retryDelay after the timed-out attempt (the deadline does not cut the
        // sleep), then each retry fails at once under the expired deadline.
        fake.step("a").hangs();
        RunResult result = run(task(cmd("a", o -> o.timeout(3).retries(2).retryDelay(10))));

        assertThat(result.failureMessage()).contains("failed to run step ID: a: timed out");
        assertThat(result.step("a").status()).isEqualTo(StepStatus.TIMED_OUT);
        assertThat(fake.calls("a")).hasSize(1);
        assertThat(events.events(RunEvent.StepRetried.class)).extracting(RunEvent.StepRetried::error)
                .containsExactly("timed out", "timed out");
        // 30 ms to the deadline, then two delays of 100 ms.
        assertThat(result.step("a").duration()).isGreaterThanOrEqualTo(Duration.ofMillis(230));
    }

    @Test
    void aDeadlineThatPassesDuringARetryDelayDoesNotCutTheDelay() {
        // Attempt 0 exits 1 after 20 ms; the 200 ms delay outlives the 50 ms deadline; attempt 1 then
        // fails at once with the timeout, without running.
        fake.step("a").exitsWith(1).afterMillis(20);
        RunResult result = run(task(cmd("a", o -> o.timeout(5).retries(1).retryDelay(20))));

        assertThat(result.failureMessage()).contains("failed to run step ID: a: timed out");
        assertThat(fake.calls("a")).hasSize(1);
        assertThat(fake.stops()).isEmpty();
        assertThat(result.step("a").duration()).isGreaterThanOrEqualTo(Duration.ofMillis(220));
    }

    @Test
    void anIgnoredTimeoutLetsDependentsRunAfterTheRemainingIterations() {
        fake.step("a").hangs();
        RunResult result = run(task(cmd("a", o -> o.timeout(3).repeat(1).ignoreErrors(true)), cmd("b")));

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.step("a").status()).isEqualTo(StepStatus.FAILURE_IGNORED);
        assertThat(result.step("a").failure().orElseThrow().message()).isEqualTo("timed out, timed out");
        assertThat(result.step("b").status()).isEqualTo(StepStatus.SUCCEEDED);
    }

    @Test
    void totalTimeoutFromOptionsStopsTheRun() {
        fake.step("a").hangs();
        RunResult result = engine().run(TaskSource.of(task(cmd("a"), cmd("b"))),
                RunOptions.builder().runId("r1").totalTimeout(Duration.ofMillis(100)).build());

        assertThat(result.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(result.failureMessage().orElseThrow()).startsWith("run timed out: totalTimeout of 100ms");
        assertThat(result.step("a").status()).isEqualTo(StepStatus.TIMED_OUT);
        assertThat(result.step("a").failure().orElseThrow().reason()).isEqualTo(StepFailure.Reason.RUN_TIMED_OUT);
        assertThat(result.step("b").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(fake.stops()).containsExactly("a");
        assertThat(fake.sessionClosed()).isTrue();
    }

    @Test
    void totalTimeoutFromTheTask() {
        fake.step("a").hangs();
        RunResult result = run(TestTasks.taskWithTotalTimeout(10, cmd("a")));

        assertThat(result.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(result.failureMessage().orElseThrow()).contains("totalTimeout of 100ms");
    }

    @Test
    void retriesUntilSuccess() {
        fake.step("a").exitCodes(1, 1, 0);
        RunResult result = run(task(cmd("a", o -> o.retries(2).retryDelay(1))));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.step("a").attempts()).isEqualTo(3);
        assertThat(result.step("a").exitCode()).hasValue(0);
        assertThat(events.events(RunEvent.StepRetried.class)).extracting(RunEvent.StepRetried::failedAttempt)
                .containsExactly(0, 1);
        assertThat(fake.calls("a")).extracting(FakeRuntime.Call::attempt).containsExactly(0, 1, 2);
    }

    @Test
    void retriesExhaustedFailWithTheLastError() {
        fake.step("a").exitCodes(1, 2, 3);
        RunResult result = run(task(cmd("a", o -> o.retries(2).retryDelay(1))));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.failureMessage()).contains("failed to run step ID: a: exit status 3");
        assertThat(result.step("a").attempts()).isEqualTo(3);
    }

    @Test
    void retryOnErrorsRetriesOnlyWhenTheAttemptsOutputMatches() {
        fake.step("a").exitsWith(1).onAttemptPrints(0, "network: transient failure")
                .onAttemptPrints(1, "fatal: bad input");
        RunResult result = run(task(cmd("a", o -> o.retries(5).retryDelay(1)
                .retryOnErrors(List.of("transient")))));

        assertThat(result.step("a").attempts()).isEqualTo(2);
        assertThat(result.step("a").status()).isEqualTo(StepStatus.FAILED);
        assertThat(result.step("a").outputTail()).containsExactly("network: transient failure", "fatal: bad input");
    }

    @Test
    void retryOnErrorsAlsoMatchesWhatTheRuntimeReportsWhenItCannotRunTheAttempt() {
        // The reference matches the docker client's output, which includes its own errors (a failed pull).
        fake.step("a").failsWith(RuntimeFailure.Kind.IMAGE_NOT_FOUND, "pull access denied for nope");
        RunResult result = run(task(cmd("a", o -> o.retries(2).retryDelay(1)
                .retryOnErrors(List.of("pull access denied")))));

        assertThat(result.step("a").attempts()).isEqualTo(3);
        assertThat(result.failureMessage()).contains("failed to run step ID: a: pull access denied for nope");
    }

    @Test
    void retryOnErrorsIsCaseSensitive() {
        fake.step("a").exitsWith(1).printsErrLines("Transient");
        RunResult result = run(task(cmd("a", o -> o.retries(5).retryDelay(1)
                .retryOnErrors(List.of("transient")))));

        assertThat(result.step("a").attempts()).isEqualTo(1);
    }

    @Test
    void repeatRunsEveryIterationAndJoinsTheErrors() {
        fake.step("a").exitCodes(1, 0, 4);
        RunResult result = run(task(cmd("a", o -> o.repeat(2))));

        assertThat(fake.calls("a")).extracting(FakeRuntime.Call::iteration).containsExactly(0, 1, 2);
        assertThat(result.step("a").status()).isEqualTo(StepStatus.FAILED);
        assertThat(result.failureMessage()).contains("failed to run step ID: a: exit status 1, exit status 4");
    }

    @Test
    void repeatWithRetriesPerIteration() {
        fake.step("a").exitCodes(1, 0, 0);
        RunResult result = run(task(cmd("a", o -> o.repeat(1).retries(1).retryDelay(1))));

        assertThat(result.succeeded()).isTrue();
        assertThat(fake.calls("a")).extracting(c -> c.iteration() + "." + c.attempt())
                .containsExactly("0.0", "0.1", "1.0");
    }

    @Test
    void ignoredErrorsLetDependentsRun() {
        fake.step("a").exitsWith(3);
        RunResult result = run(task(cmd("a", o -> o.ignoreErrors(true)), cmd("b")));

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.step("a").status()).isEqualTo(StepStatus.FAILURE_IGNORED);
        assertThat(result.step("a").failure().orElseThrow().message()).isEqualTo("exit status 3");
        assertThat(result.step("a").summaryLine()).startsWith("Step ID: a marked as successful");
        assertThat(result.step("b").status()).isEqualTo(StepStatus.SUCCEEDED);
    }

    @Test
    void detachedStepSucceedsAtOnceAndLivesUntilTheSessionCloses() {
        fake.step("b").afterMillis(30);
        RunResult result = run(task(cmd("server", o -> o.detach(true)), cmd("b")));

        assertThat(result.succeeded()).isTrue();
        assertThat(fake.timeline()).containsExactly("open r1", "start server#0.0", "end server#0.0 detached",
                "start b#0.0", "end b#0.0 exit 0", "close r1");
        assertThat(fake.stops()).isEmpty();
    }

    @Test
    void failFastStopsRunningSiblingsAndSkipsDependents() {
        fake.step("slow").hangs();
        fake.step("bad").exitsWith(2).afterMillis(50);
        RunResult result = run(task(cmd("slow", o -> o.when(NOW)), cmd("bad", o -> o.when(NOW)),
                cmd("afterBad", o -> o.when(List.of("bad"))), cmd("afterSlow", o -> o.when(List.of("slow")))));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.failureMessage()).contains("failed to run step ID: bad: exit status 2");
        assertThat(result.step("bad").status()).isEqualTo(StepStatus.FAILED);
        assertThat(result.step("bad").exitCode()).hasValue(2);
        assertThat(result.step("slow").status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(result.step("slow").failure().orElseThrow().reason())
                .isEqualTo(StepFailure.Reason.ANOTHER_STEP_FAILED);
        assertThat(result.step("afterBad").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(result.step("afterSlow").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(fake.stops()).containsExactly("slow");
        assertThat(fake.calls("slow").get(0).result()).isEqualTo("interrupted");
        assertThat(fake.timeline().get(fake.timeline().size() - 1)).isEqualTo("close r1");
        assertThat(result.summaryLines()).hasSize(4);
    }

    @Test
    void exitedWithAndExitedWithoutDecideSuccess() {
        fake.step("with").exitsWith(3);
        fake.step("withZero").exitsWith(0);
        fake.step("without").exitsWith(2);
        fake.step("withoutHit").exitsWith(1);
        RunResult result = run(task(
                cmd("with", o -> o.when(NOW).exitedWith(List.of(0, 3)).ignoreErrors(true)),
                cmd("withZero", o -> o.when(NOW).exitedWith(List.of(3)).ignoreErrors(true)),
                cmd("without", o -> o.when(NOW).exitedWithout(List.of(1)).ignoreErrors(true)),
                cmd("withoutHit", o -> o.when(NOW).exitedWithout(List.of(1)).ignoreErrors(true))));

        assertThat(result.step("with").status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(result.step("withZero").status()).isEqualTo(StepStatus.FAILURE_IGNORED);
        assertThat(result.step("withZero").failure().orElseThrow().message()).isEqualTo("exit status 0");
        assertThat(result.step("without").status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(result.step("withoutHit").status()).isEqualTo(StepStatus.FAILURE_IGNORED);
    }

    @Test
    void runtimeFailureCarriesItsKind() {
        fake.step("a").failsWith(RuntimeFailure.Kind.IMAGE_NOT_FOUND, "image not found: nope:latest");
        RunResult result = run(task(cmd("a")));

        assertThat(result.failureMessage()).contains("failed to run step ID: a: image not found: nope:latest");
        StepFailure failure = result.step("a").failure().orElseThrow();
        assertThat(failure.reason()).isEqualTo(StepFailure.Reason.RUNTIME);
        assertThat(failure.runtimeKind()).contains(RuntimeFailure.Kind.IMAGE_NOT_FOUND);
        assertThat(result.step("a").exitCode()).isEmpty();
    }

    @Test
    void contextDeadlineExceededReadsTimedOutInTheRunsMessage() {
        // execution.md §2.5: the reference's final message shows every "context deadline exceeded"
        // as "timed out"; the step's own failure keeps the runtime's words.
        fake.step("a").failsWith(RuntimeFailure.Kind.OTHER,
                "pull: context deadline exceeded; retry: context deadline exceeded");
        RunResult result = run(task(cmd("a")));

        assertThat(result.failureMessage()).hasValue("failed to run step ID: a: pull: timed out; retry: timed out");
        assertThat(result.step("a").failure().orElseThrow().message()).contains("context deadline exceeded");
    }

    @Test
    void contextDeadlineExceededReadsTimedOutInASetupFailure() {
        fake.openFailsWith(RuntimeFailure.Kind.OTHER, "failed to create network: n, err: context deadline exceeded");
        RunResult result = run(task(cmd("a")));

        assertThat(result.failureMessage()).hasValue("failed to create network: n, err: timed out");
    }

    @Test
    void sessionThatCannotOpenFailsTheRunWithItsMessageAndEveryStepSkipped() {
        fake.openFailsWith(RuntimeFailure.Kind.DAEMON_UNREACHABLE, "cannot reach docker");
        RunResult result = run(task(cmd("a"), cmd("b")));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        // errors.md X-1..X-7: the runtime's setup error is the run's message as it is, without a prefix.
        assertThat(result.failureMessage()).hasValue("cannot reach docker");
        assertThat(result.steps()).allMatch(s -> s.status() == StepStatus.SKIPPED);
        assertThat(events.describe()).containsExactly("RunStarted", "StepFinished a SKIPPED",
                "StepFinished b SKIPPED", "RunFinished FAILED");
    }

    @Test
    void pushStepsAreNeitherRetriedNorRepeated() {
        fake.step("p").exitsWith(1);
        RunResult result = run(task(push("p", o -> o.retries(3).repeat(2).retryDelay(1), "reg/app:v1")));

        assertThat(result.step("p").attempts()).isEqualTo(1);
        assertThat(result.step("p").status()).isEqualTo(StepStatus.FAILED);
    }

    @Test
    void aPushCutByItsTimeoutFailsWithThePushError() {
        // execution.md §5: the timeout bounds all pushes; the push attempts then fail and the step
        // ends with the push loop's own error, not with the deadline's.
        fake.step("p").hangs();
        RunResult result = run(task(push("p", o -> o.timeout(3), "reg/app:v1")));

        assertThat(result.failureMessage()).contains("failed to run step ID: p: failed to push images successfully");
        assertThat(result.step("p").status()).isEqualTo(StepStatus.TIMED_OUT);
        assertThat(fake.stops()).containsExactly("p");
    }

    @Test
    void aRepeatedStepReportsItsDependenciesOnce() {
        // The reference scans a build's dependencies once, before its retries and repeats (execution.md §4.3).
        ImageDependency.ImageName app = new ImageDependency.ImageName("reg", "app", "v1", "", "reg/app:v1");
        ImageDependency.ImageName base = new ImageDependency.ImageName("docker.io", "library/alpine", "3", "",
                "alpine:3");
        ImageDependency dependency = new ImageDependency(app, base, List.of(base));
        fake.step("b").reportsDependencies(dependency).producesImages(new ImageRecord("reg/app:v1", "", false));
        RunResult result = run(task(cmd("b", o -> o.repeat(2))));

        assertThat(fake.calls("b")).hasSize(3);
        assertThat(result.step("b").dependencies()).containsExactly(dependency);
        assertThat(result.dependencies()).containsExactly(dependency);
        assertThat(result.step("b").images()).hasSize(1);
    }

    @Test
    void imagesAndOutputTailAreReported() {
        fake.step("b").producesImages(new ImageRecord("reg/app:v1", "sha256:abc", false));
        String[] many = new String[60];
        for (int i = 0; i < many.length; i++) {
            many[i] = "line " + i;
        }
        fake.step("b").printsLines(many);
        RunResult result = run(task(cmd("b")));

        assertThat(result.step("b").images()).containsExactly(new ImageRecord("reg/app:v1", "sha256:abc", false));
        assertThat(result.images()).hasSize(1);
        assertThat(result.step("b").outputTail()).hasSize(StepResult.TAIL_LINES).startsWith("line 10")
                .endsWith("line 59");
    }

    @Test
    void eventsOfAStepArriveInOrderAndRunFinishedIsLast() {
        fake.step("a").printsLines("one", "two").exitCodes(1, 0);
        run(task(cmd("a", o -> o.retries(1).retryDelay(1)), cmd("b")));

        assertThat(events.describe()).containsExactly("RunStarted", "StepStarted a", "ContainerStarted a",
                "LogLine a one", "LogLine a two", "StepRetried a", "ContainerStarted a", "LogLine a one",
                "LogLine a two", "StepFinished a SUCCEEDED", "StepStarted b", "ContainerStarted b",
                "StepFinished b SUCCEEDED", "RunFinished SUCCEEDED");
    }

    @Test
    void aThrowingListenerDoesNotBreakTheRun() {
        RunListener bad = new RunListener() {
            @Override
            public void stepStarted(RunEvent.StepStarted event) {
                throw new IllegalStateException("boom");
            }
        };
        Engine engine = Engine.builder().runtime(fake).listener(bad).listener(events).build();
        RunResult result = engine.run(TaskSource.of(task(cmd("a"), cmd("b"))));

        assertThat(result.succeeded()).isTrue();
        assertThat(events.events(RunEvent.StepStarted.class)).hasSize(2);
    }

    @Test
    void manyRunsAtOnceDoNotInterfere() throws Exception {
        fake.step("a").afterMillis(30);
        Engine engine = engine();
        List<RunHandle> handles = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            handles.add(engine.start(TaskSource.of(task(cmd("a"), cmd("b", o -> o.when(NOW)))),
                    RunOptions.builder().runId("run" + i).build()));
        }
        for (RunHandle h : handles) {
            RunResult r = h.result().get();
            assertThat(r.succeeded()).isTrue();
            assertThat(r.runId()).isEqualTo(h.runId());
        }
        assertThat(fake.closedSessions()).isEqualTo(6);
        assertThat(fake.calls()).hasSize(12);
    }

    @Test
    void duplicatedDependenciesDoNotHang() {
        RunResult result = run(task(cmd("a"), cmd("b", o -> o.when(List.of("a", "a")))));
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void unknownDependencyOrCycleIsALoadError() {
        Engine engine = engine();
        assertThatThrownBy(() -> engine.run(TaskSource.of(task(cmd("a", o -> o.when(List.of("zz")))))))
                .isInstanceOf(TaskLoadException.class)
                .hasMessage("zz does not exist as a vertex [from: zz, to: a]");
        assertThatThrownBy(() -> engine.run(TaskSource.of(task(cmd("a", o -> o.when(List.of("b"))),
                cmd("b", o -> o.when(List.of("a")))))))
                .isInstanceOf(TaskLoadException.class)
                .hasMessageContaining("cycle");
        assertThat(fake.setups()).isEmpty();
    }

    @Test
    void anEmptyTaskSucceeds() {
        RunResult result = run(task());
        assertThat(result.succeeded()).isTrue();
        assertThat(fake.sessionClosed()).isTrue();
    }
}
