package io.multistep.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.engine.testing.FakeRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link RunOptions#templateExtras()}: the functions beyond Sprig v2.22 are defined only when asked for. */
@Timeout(30)
class TemplateExtrasTest {

    private static final String TASK = "steps:\n  - id: a\n    cmd: img echo {{ seq 3 | toString }}\n";

    private final FakeRuntime fake = new FakeRuntime();
    private final Engine engine = Engine.builder().runtime(fake).build();

    @Test
    void byDefaultAnExtraFunctionIsNotDefinedAsInTheReference() {
        assertThatThrownBy(() -> engine.run(TaskSource.text(TASK, "acb.yaml"), RunOptions.builder().runId("x1").build()))
                .isInstanceOf(TaskLoadException.class)
                .hasMessageContaining("function \"seq\" not defined")
                .hasMessageContaining("--template-extras");
        assertThat(fake.setups()).isEmpty();
    }

    @Test
    void withTheOptionTheExtrasAreDefined() {
        RunResult result = engine.run(TaskSource.text(TASK, "acb.yaml"),
                RunOptions.builder().runId("x2").templateExtras(true).build());

        assertThat(result.succeeded()).isTrue();
        io.multistep.spec.CmdStep step = (io.multistep.spec.CmdStep) fake.setups().get(0).task().steps().get(0);
        assertThat(step.cmd()).isEqualTo("img echo 1 2 3");
    }

    @Test
    void theOptionSurvivesToBuilder() {
        assertThat(RunOptions.builder().templateExtras(true).build().toBuilder().build().templateExtras()).isTrue();
        assertThat(RunOptions.builder().build().templateExtras()).isFalse();
    }
}
