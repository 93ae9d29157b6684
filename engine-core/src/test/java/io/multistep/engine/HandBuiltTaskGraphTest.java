package io.multistep.engine;

import static io.multistep.engine.testing.TestTasks.cmd;
import static io.multistep.engine.testing.TestTasks.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.engine.testing.FakeRuntime;
import io.multistep.spec.Task;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A task built by hand ({@link TaskSource#of(Task)}) gets the graph checks of {@code StepGraph} at
 * run start, with the messages it always got, before any runtime session is opened.
 */
@Timeout(30)
class HandBuiltTaskGraphTest {

    private final FakeRuntime fake = new FakeRuntime();

    private Engine engine() {
        return Engine.builder().runtime(fake).timeScale(Duration.ofMillis(10)).build();
    }

    @Test
    void aCycleNamesEveryStepThatCanNeverStartInTaskOrder() {
        Task t = task(cmd("a", o -> o.when(List.of("c"))), cmd("b", o -> o.when(List.of("-"))),
                cmd("c", o -> o.when(List.of("a"))), cmd("d", o -> o.when(List.of("c"))));
        assertThatThrownBy(() -> engine().run(TaskSource.of(t)))
                .isInstanceOf(TaskLoadException.class)
                .hasMessage("the step dependencies form a cycle among: a, c, d");
        assertThat(fake.setups()).isEmpty();
    }

    @Test
    void aDuplicateIdIsReportedBeforeAnUnknownDependency() {
        Task t = task(cmd("a", o -> o.when(List.of("zz"))), cmd("a", o -> o.when(List.of("-"))));
        assertThatThrownBy(() -> engine().run(TaskSource.of(t)))
                .isInstanceOf(TaskLoadException.class)
                .hasMessage("a already exists as a vertex");
        assertThat(fake.setups()).isEmpty();
    }

    @Test
    void aForwardDependencyRunsInGraphOrder() {
        Task t = task(cmd("a", o -> o.when(List.of("b"))), cmd("b", o -> o.when(List.of("-"))));
        RunResult r = engine().run(TaskSource.of(t));
        assertThat(r.succeeded()).isTrue();
        assertThat(fake.calls()).extracting(FakeRuntime.Call::stepId).containsExactly("b", "a");
    }
}
