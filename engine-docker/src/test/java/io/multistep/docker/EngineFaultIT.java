package io.multistep.docker;

import static io.multistep.docker.TestTasks.attempt;
import static io.multistep.docker.TestTasks.cmd;
import static io.multistep.docker.TestTasks.setup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.docker.testing.ThrowawayEngine;
import io.multistep.engine.Engine;
import io.multistep.engine.RunEvent;
import io.multistep.engine.RunListener;
import io.multistep.engine.RunOptions;
import io.multistep.engine.RunResult;
import io.multistep.engine.RunStatus;
import io.multistep.engine.StepFailure;
import io.multistep.engine.TaskSource;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeSession;
import io.multistep.spec.CmdStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected into a throwaway engine of its own ({@link ThrowawayEngine}): a killed runner, a
 * killed daemon, a registry that is down, a full data root. Each ends with a typed error that names
 * the step, within bounded waits, and nothing labelled is left once the daemon is back and prune ran.
 * The shared engine is not touched (only read from, for the base image).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineFaultIT {
    private static final String IMG = DockerTestEnvironment.BASE_IMAGE;
    private static final Path DOCKER0 = Path.of("/sys/class/net/docker0");
    private ThrowawayEngine engine;
    private boolean hostHadDocker0;

    @BeforeAll
    void startEngine() throws Exception {
        Assumptions.assumeTrue(ThrowawayEngine.unavailable().isEmpty(),
                () -> "skipped: " + ThrowawayEngine.unavailable().orElse(""));
        DockerTestEnvironment.get(); // the shared engine has the base image
        hostHadDocker0 = Files.exists(DOCKER0);
        engine = ThrowawayEngine.start(64);
        engine.loadImage(IMG);
    }

    @AfterAll
    void stopEngine() throws Exception {
        if (engine != null) {
            engine.close();
            // A dockerd --bridge=none outside a network namespace of its own deletes the host's docker0.
            assertThat(Files.exists(DOCKER0)).as("the shared engine's docker0 is still there").isEqualTo(hostHadDocker0);
        }
    }

    @BeforeEach
    void engineIsUp() throws Exception {
        engine.startDaemon();
        engine.startRegistry();
    }

    private DockerRuntime runtime() {
        return DockerRuntime.builder().dockerHost(engine.host()).mountDockerSocket(false).build();
    }

    /** Prunes as a fresh {@code multistep prune} would (kept containers too), then lists what is labelled. */
    private List<String> pruneAndList() throws RuntimeFailure {
        try (DockerRuntime fresh = runtime()) {
            fresh.prune(PruneOptions.abandoned().withKept(true));
            List<String> left = new ArrayList<>();
            fresh.leftovers().forEach(l -> left.add(l.toString()));
            return left;
        }
    }

    private static String newRunId() {
        return "fault" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void aRunnerKilledWithSigkillLeavesItsRunToPrune() throws Exception {
        String runId = newRunId();
        try (OwnerProcess owner = OwnerProcess.start(runId, "io.multistep.test-scope", "fault", engine.host())) {
            owner.awaitReady(120);
            try (DockerRuntime rt = runtime()) {
                assertThat(rt.prune(PruneOptions.abandoned()).removed()).as("the live run is spared").isEmpty();
            }
            owner.kill();
            try (DockerRuntime rt = runtime()) {
                PruneReport r = rt.prune(PruneOptions.abandoned());
                assertThat(r.removed()).anyMatch(s -> s.startsWith("container long-"))
                        .anyMatch(s -> s.startsWith("container svc-"));
                assertThat(r.spared()).anyMatch(s -> s.startsWith("container kept-") && s.contains("keep: true"));
            }
        }
        assertThat(pruneAndList()).isEmpty();
    }

    @Test
    void aDaemonKilledMidStepFailsTheStepAsALostEngine(@TempDir Path ctx) throws Exception {
        String runId = newRunId();
        String task = """
                steps:
                  - id: sleeper
                    cmd: %s sleep 300
                  - id: after
                    cmd: %s echo never
                """.formatted(IMG, IMG);
        CompletableFuture<String> started = new CompletableFuture<>();
        RunResult r;
        try (DockerRuntime rt = runtime()) {
            Engine e = Engine.builder().runtime(rt).listener(new RunListener() {
                @Override
                public void onEvent(RunEvent ev) {
                    if (ev instanceof RunEvent.ContainerStarted c) {
                        started.complete(c.containerId());
                    }
                }
            }).build();
            CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> e.run(TaskSource.text(task, "acb.yaml"),
                    RunOptions.builder().runId(runId).context(ctx).build()));
            started.get(60, TimeUnit.SECONDS);
            engine.killDaemon();
            r = run.get(90, TimeUnit.SECONDS);
        }
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        StepFailure f = r.step("sleeper").failure().orElseThrow();
        assertThat(f.runtimeKind()).hasValueSatisfying(k -> assertThat(k).isIn(RuntimeFailure.Kind.CONNECTION_LOST,
                RuntimeFailure.Kind.DAEMON_UNREACHABLE));
        assertThat(f.message()).contains("step sleeper").contains(engine.host())
                .doesNotContain("Exception").doesNotContain("org.apache").doesNotContain("dockerjava");
        engine.startDaemon();
        assertThat(pruneAndList()).isEmpty();
    }

    @Test
    void aRegistryThatIsDownFailsThePushStep(@TempDir Path ctx) throws Exception {
        String runId = newRunId();
        String image = engine.registry() + "/fault/busybox:1";
        try (DockerRuntime rt = runtime()) {
            try (var docker = DockerTestEnvironment.clientFor(engine.host())) {
                docker.tagImageCmd(IMG, engine.registry() + "/fault/busybox", "1").exec();
            }
            engine.stopRegistry();
            String task = """
                    steps:
                      - id: publish
                        push: ["%s"]
                    """.formatted(image);
            RunResult r = Engine.builder().runtime(rt).build().run(TaskSource.text(task, "acb.yaml"),
                    RunOptions.builder().runId(runId).context(ctx).build());
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            StepFailure f = r.step("publish").failure().orElseThrow();
            assertThat(f.runtimeKind()).contains(RuntimeFailure.Kind.PUSH_FAILED);
            assertThat(r.failureMessage()).hasValueSatisfying(m -> assertThat(m).contains("publish"));
            assertThat(r.step("publish").outputTail()).anyMatch(l -> l.contains(engine.registry()));
        } finally {
            engine.startRegistry();
        }
        assertThat(pruneAndList()).isEmpty();
    }

    @Test
    void aFullDataRootFailsTheStepWithTheEnginesWords(@TempDir Path ctx) throws Exception {
        String runId = newRunId();
        CmdStep s = cmd("fill", IMG + " echo hi");
        Path filler = null;
        try (DockerRuntime rt = runtime(); RuntimeSession session = rt.open(setup(runId, ctx, List.of(), s))) {
            filler = engine.fillDataRoot();
            assertThatThrownBy(() -> session.execute(attempt(s), new TestTasks.Lines()))
                    .isInstanceOfSatisfying(RuntimeFailure.class, f -> assertThat(f.getMessage())
                            .contains("step fill").contains("no space left on device").doesNotContain("Status 500"));
            Files.delete(filler);
            filler = null;
        } finally {
            if (filler != null) {
                Files.deleteIfExists(filler);
            }
        }
        assertThat(pruneAndList()).isEmpty();
    }
}
