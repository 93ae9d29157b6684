package io.multistep.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.multistep.docker.internal.Owner;
import io.multistep.docker.testing.DockerTestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Prune against runs owned by another process: a live run is left intact, a killed one goes.
 * Every prune here is scoped to this class's own label, so other runs on the shared engine are
 * never touched.
 */
@ExtendWith(DockerTestEnvironment.class)
class PruneOwnershipIT {
    private static final String SCOPE_KEY = "io.multistep.test-scope";
    private static final String SCOPE = "prune-" + UUID.randomUUID().toString().substring(0, 8);
    private static DockerRuntime runtime;
    private static DockerClient docker;

    @BeforeAll
    static void setUp() {
        runtime = DockerRuntime.builder().build();
        docker = DockerTestEnvironment.get().client();
    }

    @AfterAll
    static void tearDown() {
        runtime.close();
    }

    private static PruneOptions scoped() {
        return PruneOptions.abandoned().withLabel(SCOPE_KEY, SCOPE);
    }

    @Test
    void pruneSparesARunWhoseOwnerRunsAndRemovesItOnceTheOwnerIsKilled() throws Exception {
        String runId = DockerTestEnvironment.get().newRunId();
        try (OwnerProcess owner = OwnerProcess.start(runId, SCOPE_KEY, SCOPE, null)) {
            String longStep = owner.awaitReady(120);
            List<String> before = labelled(runId);
            assertThat(before).anyMatch(s -> s.startsWith("container svc-")).anyMatch(s -> s.startsWith("container kept-"))
                    .anyMatch(s -> s.startsWith("container long-")).anyMatch(s -> s.startsWith("network "))
                    .anyMatch(s -> s.startsWith("volume acb_home-"));

            PruneReport live = runtime.prune(scoped());
            assertThat(live.removed()).isEmpty();
            assertThat(live.spared()).isNotEmpty().allMatch(s -> s.contains("its runner is still running (pid "
                    + owner.pid() + " on "));
            PruneReport liveKept = runtime.prune(scoped().withKept(true).withForeignOwnerAge(Duration.ZERO));
            assertThat(liveKept.removed()).isEmpty();
            assertThat(labelled(runId)).containsExactlyInAnyOrderElementsOf(before);
            assertThat(docker.inspectContainerCmd(longStep).exec().getState().getRunning()).isTrue();
            assertThat(owner.isAlive()).isTrue();

            owner.kill();
            PruneReport dead = runtime.prune(scoped());
            assertThat(dead.removed()).anyMatch(s -> s.startsWith("container svc-"))
                    .anyMatch(s -> s.startsWith("container long-")).anyMatch(s -> s.startsWith("network "));
            assertThat(dead.spared()).anyMatch(s -> s.startsWith("container kept-") && s.contains("kept (keep: true)"));
            // Left: the kept container, and the volumes it uses (home, workspace).
            assertThat(labelled(runId)).allMatch(s -> s.startsWith("container kept-") || s.startsWith("volume acb_"))
                    .anyMatch(s -> s.startsWith("container kept-"));

            PruneReport kept = runtime.prune(scoped().withKept(true));
            assertThat(kept.removed()).anyMatch(s -> s.startsWith("container kept-"))
                    .anyMatch(s -> s.startsWith("volume acb_home-"));
            assertThat(kept.spared()).isEmpty();
            assertThat(labelled(runId)).isEmpty();
        } finally {
            runtime.pruneRun(runId);
        }
    }

    @Test
    void aRunOfAnotherHostGoesOnlyOnceOlderThanTheLimit() throws Exception {
        String runId = DockerTestEnvironment.get().newRunId();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(RunLabels.RUN_ID, runId);
        labels.put(SCOPE_KEY, SCOPE);
        labels.put(RunLabels.CREATED, Long.toString(Instant.now().minusSeconds(120).getEpochSecond()));
        Owner here = Owner.current();
        labels.putAll(new Owner(here.host() + "-elsewhere", here.pidNamespace(), 1, 0).labels());
        String name = "acb_foreign-" + runId;
        docker.createVolumeCmd().withName(name).withLabels(labels).exec();
        try {
            PruneReport young = runtime.prune(scoped());
            assertThat(young.removed()).isEmpty();
            assertThat(young.spared()).singleElement().asString().startsWith("volume " + name + " (" + runId + "): ")
                    .contains("cannot be checked from here").contains("younger than --older-than 21600 s");
            PruneReport old = runtime.prune(scoped().withForeignOwnerAge(Duration.ofSeconds(60)));
            assertThat(old.removed()).containsExactly("volume " + name + " (" + runId + ")");
            assertThat(labelled(runId)).isEmpty();
        } finally {
            runtime.pruneRun(runId);
        }
    }

    /** Everything labelled with the run id, as {@code kind name}. */
    private static List<String> labelled(String runId) {
        String f = RunLabels.RUN_ID + "=" + runId;
        List<String> all = new ArrayList<>();
        docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(f)).exec()
                .forEach(c -> all.add("container " + c.getNames()[0].substring(1)));
        docker.listNetworksCmd().withFilter("label", List.of(f)).exec().forEach(n -> all.add("network " + n.getName()));
        var vols = docker.listVolumesCmd().withFilter("label", List.of(f)).exec().getVolumes();
        if (vols != null) {
            vols.forEach(v -> all.add("volume " + v.getName()));
        }
        return all;
    }
}
