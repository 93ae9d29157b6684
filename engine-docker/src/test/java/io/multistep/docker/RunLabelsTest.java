package io.multistep.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.engine.spi.RunSetup;
import org.junit.jupiter.api.Test;

/** The label names are read by prune of other versions and by tools: they never change. */
class RunLabelsTest {
    @Test
    void labelNamesAreTheOnesEveryVersionWrites() {
        assertThat(RunLabels.RUN_ID).isEqualTo(RunSetup.RUN_ID_LABEL).isEqualTo("io.multistep.run-id");
        assertThat(RunLabels.CREATED).isEqualTo("io.multistep.created");
        assertThat(RunLabels.STEP).isEqualTo("io.multistep.step-id");
        assertThat(RunLabels.KEPT).isEqualTo("io.multistep.kept");
        assertThat(RunLabels.NETWORK_SANDBOX).isEqualTo("io.multistep.network-sandbox");
        assertThat(RunLabels.OWNER_HOST).isEqualTo("io.multistep.owner.host");
        assertThat(RunLabels.OWNER_PID_NAMESPACE).isEqualTo("io.multistep.owner.pid-namespace");
        assertThat(RunLabels.OWNER_PID).isEqualTo("io.multistep.owner.pid");
        assertThat(RunLabels.OWNER_STARTED).isEqualTo("io.multistep.owner.started");
    }
}
