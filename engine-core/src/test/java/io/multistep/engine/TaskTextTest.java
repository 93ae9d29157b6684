package io.multistep.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.engine.testing.FakeRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs from task text and files, through engine-spec's loader. */
@Timeout(30)
class TaskTextTest {

    private static final String TASK = String.join("\n",
            "version: v1.1.0",
            "steps:",
            "  - id: a",
            "    cmd: alpine echo a",
            "  - id: b",
            "    cmd: alpine echo b",
            "    when: [\"-\"]",
            "  - id: c",
            "    cmd: alpine echo c",
            "    when: [a, b]",
            "");

    private final FakeRuntime fake = new FakeRuntime();
    private final Engine engine = Engine.builder().runtime(fake).build();

    @Test
    void runsTaskText() {
        RunResult result = engine.run(TaskSource.text(TASK, "acb.yaml"), RunOptions.builder().runId("t1").build());

        assertThat(result.succeeded()).isTrue();
        assertThat(result.steps()).extracting(StepResult::id).containsExactly("a", "b", "c");
        assertThat(fake.startOrder()).endsWith("c");
        assertThat(fake.setups().get(0).task().source()).isEqualTo("acb.yaml");
    }

    @Test
    void runsATaskFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("acb.yaml");
        Files.writeString(file, TASK);
        assertThat(engine.run(TaskSource.file(file), RunOptions.defaults()).succeeded()).isTrue();
    }

    @Test
    void anInvalidTaskIsALoadErrorWithLocatedProblems() {
        String bad = "steps:\n  - id: a b\n    cmd: alpine\n";
        assertThatThrownBy(() -> engine.run(TaskSource.text(bad, "bad.yaml"), RunOptions.defaults()))
                .isInstanceOf(TaskLoadException.class)
                .hasMessageContaining("bad.yaml:")
                .satisfies(e -> assertThat(((TaskLoadException) e).problems()).isNotEmpty());
        assertThat(fake.setups()).isEmpty();
    }

    @Test
    void aMissingFileIsALoadError(@TempDir Path dir) {
        assertThatThrownBy(() -> engine.run(TaskSource.file(dir.resolve("nope.yaml")), RunOptions.defaults()))
                .isInstanceOf(TaskLoadException.class)
                .hasMessageContaining("failed to load template at path");
    }

    @Test
    void startCompletesTheFutureExceptionallyOnALoadError() {
        RunHandle handle = engine.start(TaskSource.text("steps: [", "x.yaml"), RunOptions.defaults());
        assertThatThrownBy(() -> handle.result().get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TaskLoadException.class);
    }
}
