package io.multistep.engine;

import static io.multistep.engine.testing.TestTasks.cmd;
import static io.multistep.engine.testing.TestTasks.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.engine.testing.FakeRuntime;
import io.multistep.engine.testing.RecordingListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cancelling runs: steps stopped, session closed, no thread left behind. */
@Timeout(30)
class CancellationTest {

    private final FakeRuntime fake = new FakeRuntime();
    private final RecordingListener events = new RecordingListener();

    private Engine engine() {
        return Engine.builder().runtime(fake).listener(events).timeScale(Duration.ofMillis(10)).build();
    }

    @Test
    void cancelMidStepStopsItClosesTheSessionAndLeavesNoThread() throws Exception {
        fake.step("a").hangs();
        RunHandle handle = engine().start(TaskSource.of(task(cmd("a"), cmd("b"))),
                RunOptions.builder().runId("cancel1").build());
        assertThat(events.await(e -> e instanceof RunEvent.ContainerStarted)).isTrue();

        handle.cancel();
        RunResult result = handle.result().get(10, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.failureMessage()).contains("run cancelled");
        assertThat(result.step("a").status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(result.step("b").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(fake.stops()).containsExactly("a");
        assertThat(fake.sessionClosed()).isTrue();
        assertNoThreadsLeft("cancel1");
        assertThat(events.describe()).last().isEqualTo("RunFinished CANCELLED");
    }

    @Test
    void cancelDuringStartDelay() throws Exception {
        RunHandle handle = engine().start(TaskSource.of(task(cmd("a", o -> o.startDelay(1000)))),
                RunOptions.builder().runId("cancel2").build());
        assertThat(events.await(e -> e instanceof RunEvent.StepStarted)).isTrue();

        handle.cancel();
        RunResult result = handle.result().get(10, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.step("a").status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(result.step("a").startedAt()).isEmpty();
        assertThat(fake.calls()).isEmpty();
        assertThat(fake.sessionClosed()).isTrue();
        assertNoThreadsLeft("cancel2");
    }

    @Test
    void cancelWhileTheSessionOpens() throws Exception {
        fake.openTakes(Duration.ofSeconds(20));
        RunHandle handle = engine().start(TaskSource.of(task(cmd("a"))), RunOptions.builder().runId("cancel3").build());
        assertThat(events.await(e -> e instanceof RunEvent.RunStarted)).isTrue();
        Thread.sleep(20);

        handle.cancel();
        RunResult result = handle.result().get(10, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.step("a").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(fake.calls()).isEmpty();
        assertNoThreadsLeft("cancel3");
    }

    @Test
    void interruptingTheRunningThreadCancelsTheRun() throws Exception {
        fake.step("a").hangs();
        Engine engine = engine();
        AtomicReference<RunResult> result = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            result.set(engine.run(TaskSource.of(task(cmd("a"))), RunOptions.builder().runId("cancel4").build()));
            flag.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(events.await(e -> e instanceof RunEvent.ContainerStarted)).isTrue();

        caller.interrupt();
        caller.join(10_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(result.get().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(flag.get()).isTrue();
        assertThat(fake.stops()).containsExactly("a");
        assertThat(fake.sessionClosed()).isTrue();
        assertNoThreadsLeft("cancel4");
    }

    @Test
    void cancelAfterTheEndChangesNothing() throws Exception {
        RunHandle handle = engine().start(TaskSource.of(task(cmd("a"))), RunOptions.builder().runId("cancel5").build());
        RunResult result = handle.result().get(10, TimeUnit.SECONDS);
        handle.cancel();

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(fake.stops()).isEmpty();
    }

    @Test
    void noThreadOutlivesFinishedRuns() throws Exception {
        fake.step("bad").exitsWith(1).afterMillis(20);
        fake.step("slow").hangs();
        Engine engine = engine();
        engine.run(TaskSource.of(task(cmd("slow", o -> o.when(List.of("-"))), cmd("bad", o -> o.when(List.of("-")))
                )), RunOptions.builder().runId("done1").build());
        engine.run(TaskSource.of(task(cmd("x"))),
                RunOptions.builder().runId("done2").build());
        assertNoThreadsLeft("done1");
        assertNoThreadsLeft("done2");
    }

    /** Threads end just after the result is published: allow them a moment. */
    private static void assertNoThreadsLeft(String runId) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(n -> n.startsWith("multistep-" + runId)).toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(10);
        } while (System.nanoTime() < until);
        assertThat(left).as("threads of run " + runId).isEmpty();
    }
}
