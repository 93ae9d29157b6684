package io.multistep.spec.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.spec.render.RenderContext;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link RunVariables}: one value for {@code .Run.*}, carried by the render context. */
class RunVariablesTest {

    private static final RunVariables RUN = RunVariables.builder().id("r1").commit("c").repository("repo")
            .branch("b").gitTag("t").triggeredBy("manual").registry("contoso.azurecr.io").osVersion("22.04")
            .taskName("n").sharedVolume("vol").build();

    @Test
    void theRenderContextCarriesTheVariablesItWasGiven() {
        RenderContext ctx = RenderContext.builder().run(RUN).build();
        assertThat(ctx.run()).isEqualTo(RUN);
        assertThat(ctx.commit()).isEqualTo("c");
        assertThat(ctx.registryName()).isEqualTo(RUN.registryName()).isEqualTo("contoso");
    }

    @Test
    void aFixedDateFixesTheClockAndNoDateLeavesIt() {
        Instant date = Instant.parse("2024-05-06T07:08:09Z");
        RenderContext fixed = RenderContext.builder().run(RUN.toBuilder().date(date).build()).build();
        assertThat(fixed.clock().instant()).isEqualTo(date);

        RenderContext earlier = RenderContext.builder().date(date).run(RUN).build();
        assertThat(earlier.clock().instant()).isEqualTo(date);
    }

    @Test
    void nullsAreEmptyAndNoneHasNothing() {
        RunVariables v = RunVariables.builder().commit(null).build();
        assertThat(v.commit()).isEmpty();
        assertThat(v).isEqualTo(RunVariables.NONE);
        assertThat(RunVariables.NONE.date()).isEqualTo(Optional.empty());
        assertThat(v.toBuilder().build()).isEqualTo(v);
    }
}
