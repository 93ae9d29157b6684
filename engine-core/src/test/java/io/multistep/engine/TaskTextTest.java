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

    @Test
    void runVariablesAndValuesReachTheTemplates() {
        String text = "steps:\n  - id: a\n    cmd: img echo {{.Run.ID}} {{.Run.Registry}} {{.Values.who}} {{.Values.n}}\n";
        RunResult result = engine.run(TaskSource.text(text, "acb.yaml"), RunOptions.builder().runId("r7")
                .registry("127.0.0.1:5000").value("who", "world").value("n", 3L).build());

        assertThat(result.succeeded()).isTrue();
        io.multistep.spec.CmdStep step = (io.multistep.spec.CmdStep) fake.setups().get(0).task().steps().get(0);
        assertThat(step.cmd()).isEqualTo("img echo r7 127.0.0.1:5000 world 3");
    }

    @Test
    void environmentFunctionsCanBeTurnedOff() {
        String text = "steps:\n  - id: a\n    cmd: img echo [{{ env \"PATH\" }}]\n";
        Engine closed = Engine.builder().runtime(fake).environmentFunctions(false).build();

        closed.run(TaskSource.text(text, "acb.yaml"), RunOptions.builder().runId("r8").build());
        engine.run(TaskSource.text(text, "acb.yaml"), RunOptions.builder().runId("r9").build());

        io.multistep.spec.CmdStep hidden = (io.multistep.spec.CmdStep) fake.setups().get(0).task().steps().get(0);
        io.multistep.spec.CmdStep shown = (io.multistep.spec.CmdStep) fake.setups().get(1).task().steps().get(0);
        assertThat(hidden.cmd()).isEqualTo("img echo []");
        assertThat(shown.cmd()).isEqualTo("img echo [" + System.getenv("PATH") + "]");
    }
}
