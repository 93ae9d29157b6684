package io.multistep.docker.internal;

import io.multistep.docker.RunLabels;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnerTest {

    @Test
    void theCurrentProcessIsAlive() {
        assertThat(Owner.current().liveness()).isEqualTo(Owner.Liveness.ALIVE);
    }

    @Test
    void aProcessThatEndedIsGone() throws Exception {
        Process p = new ProcessBuilder("true").start();
        Owner o = new Owner(Owner.current().host(), Owner.current().pidNamespace(), p.pid(),
                p.toHandle().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L));
        p.waitFor();
        assertThat(o.liveness()).isEqualTo(Owner.Liveness.GONE);
    }

    @Test
    void aReusedPidIsGone() {
        Owner here = Owner.current();
        Owner o = new Owner(here.host(), here.pidNamespace(), here.pid(), here.startedMillis() - 3_600_000);
        assertThat(o.liveness()).isEqualTo(Owner.Liveness.GONE);
    }

    @Test
    void anOwnerOnAnotherHostOrPidNamespaceCannotBeChecked() {
        Owner here = Owner.current();
        assertThat(new Owner(here.host() + "-elsewhere", here.pidNamespace(), here.pid(), here.startedMillis())
                .liveness()).isEqualTo(Owner.Liveness.UNKNOWN);
        assertThat(new Owner(here.host(), "pid:[1]", here.pid(), here.startedMillis()).liveness())
                .isEqualTo(Owner.Liveness.UNKNOWN);
    }

    @Test
    void labelsRecordTheOwner() {
        Map<String, String> labels = Owner.current().labels();
        assertThat(labels).containsKeys(RunLabels.OWNER_HOST, RunLabels.OWNER_PID, RunLabels.OWNER_STARTED);
        assertThat(Owner.fromLabels(labels)).contains(Owner.current());
        assertThat(Owner.fromLabels(Map.of(RunLabels.RUN_ID, "r1"))).isEmpty();
        assertThat(Owner.fromLabels(Map.of(RunLabels.OWNER_HOST, "h", RunLabels.OWNER_PID, "x"))).isEmpty();
    }
}
