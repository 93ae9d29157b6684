package io.multistep.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.engine.testing.FakeRuntime;
import io.multistep.spec.CmdStep;
import io.multistep.spec.render.RunVariables;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One {@link RunVariables} value, given to {@link RunOptions.Builder#run}, is what the task's {@code .Run} sees. */
@Timeout(30)
class RunVariablesTest {

    private static final String TASK = "steps:\n  - id: a\n    cmd: img echo {{.Run.ID}} {{.Run.Commit}} {{.Run.Repository}}"
            + " {{.Run.Branch}} {{.Run.GitTag}} {{.Run.TriggeredBy}} {{.Run.Registry}} {{.Run.RegistryName}}"
            + " {{.Run.OSVersion}} {{.Run.TaskName}} {{.Run.SharedVolume}} {{.Run.Date}}\n";

    private final FakeRuntime fake = new FakeRuntime();
    private final Engine engine = Engine.builder().runtime(fake).build();

    private String renderedCmd() {
        return ((CmdStep) fake.setups().get(0).task().steps().get(0)).cmd();
    }

    @Test
    void everyVariableReachesTheTemplateAndTheRun() {
        RunVariables run = RunVariables.builder().id("r1").commit("c0ffee").repository("repo").branch("main")
                .gitTag("v1").triggeredBy("manual").registry("contoso.azurecr.io").osVersion("22.04")
                .taskName("nightly").sharedVolume("home-vol").date(Instant.parse("2024-05-06T07:08:09Z")).build();

        RunResult result = engine.run(TaskSource.text(TASK, "acb.yaml"), RunOptions.builder().run(run).build());

        assertThat(result.runId()).isEqualTo("r1");
        assertThat(renderedCmd()).isEqualTo("img echo r1 c0ffee repo main v1 manual contoso.azurecr.io contoso 22.04"
                + " nightly home-vol 20240506-070809z");
        assertThat(fake.setups().get(0).sharedVolume()).contains("home-vol");
    }

    @Test
    void anEmptyIdAndSharedVolumeAreGeneratedByTheRun() {
        RunOptions options = RunOptions.builder().run(RunVariables.builder().commit("c").build()).build();
        assertThat(options.runId()).isEmpty();
        assertThat(options.sharedVolume()).isEmpty();
        assertThat(options.date()).isEmpty();

        RunResult result = engine.run(TaskSource.text(TASK, "acb.yaml"), options);

        assertThat(result.runId()).isNotEmpty();
        assertThat(renderedCmd()).startsWith("img echo " + result.runId() + " c ");
        assertThat(fake.setups().get(0).sharedVolume()).isEqualTo(Optional.empty());
    }

    @Test
    void thePerVariableBuilderMethodsFillTheSameValue() {
        RunOptions options = RunOptions.builder().run(RunVariables.builder().commit("old").branch("b").build())
                .commit("new").build();
        assertThat(options.run()).isEqualTo(RunVariables.builder().commit("new").branch("b").build());
        assertThat(options.toBuilder().build().run()).isEqualTo(options.run());
    }

    @Test
    void aBlankIdOrSharedVolumeIsRejectedAsBefore() {
        assertThatThrownBy(() -> RunOptions.builder().run(RunVariables.builder().id(" ").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("runId must not be blank");
        assertThatThrownBy(() -> RunOptions.builder().run(RunVariables.builder().sharedVolume(" ").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sharedVolume must not be blank");
    }
}
