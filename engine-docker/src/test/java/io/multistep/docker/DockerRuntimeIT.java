package io.multistep.docker;

import static io.multistep.docker.TestTasks.attempt;
import static io.multistep.docker.TestTasks.cmd;
import static io.multistep.docker.TestTasks.setup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.engine.spi.RunSetup;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeSession;
import io.multistep.engine.spi.StepOutcome;
import io.multistep.spec.CmdStep;
import io.multistep.spec.SourceLocation;
import io.multistep.spec.Volume;
import io.multistep.spec.VolumeMount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** cmd steps and the session lifecycle on the real engine. */
@ExtendWith(DockerTestEnvironment.class)
class DockerRuntimeIT {
    static final String IMG = DockerTestEnvironment.BASE_IMAGE;
    static DockerRuntime runtime;
    static DockerTestEnvironment env;

    @BeforeAll
    static void start(DockerTestEnvironment e) {
        env = e;
        runtime = DockerRuntime.builder().build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private List<String> runLabelled(String runId, DockerClient docker) {
        return env.labelledResources().stream().filter(s -> s.contains("(" + runId + ")")).toList();
    }

    @Test
    void outputLinesInOrderWithStreamsApart(@TempDir Path ctx) throws Exception {
        CmdStep s = cmd("out", IMG + " sh -c 'echo one; echo two >&2; printf \"thr\"; sleep 0.2; echo ee; printf last'");
        try (RuntimeSession session = runtime.open(setup(env.newRunId(), ctx, List.of(), s))) {
            var lines = new TestTasks.Lines();
            StepOutcome o = session.execute(attempt(s), lines);
            assertThat(o.exitCode()).isZero();
            assertThat(lines.out).containsExactly("one", "three", "last");
            assertThat(lines.err).containsExactly("two");
        }
    }

    @Test
    void envWorkingDirectoryEntryPointUserAndExitCode(@TempDir Path ctx) throws Exception {
        Files.createDirectories(ctx.resolve("sub"));
        CmdStep s = cmd("envwd", IMG + " -c 'echo \"$HOME $FOO $BAR\"; pwd; id -u; exit 3'",
                o -> o.entryPoint("sh").env(List.of("FOO=a b", "BAR=$HOME")).workingDirectory("sub/../sub/").user("1234"));
        CmdStep abs = cmd("abs", IMG + " pwd", o -> o.workingDirectory("/tmp/x/.."));
        CmdStep home = cmd("home", IMG + " sh -c 'echo $HOME'", o -> o.env(List.of("HOME=/elsewhere")));
        try (RuntimeSession session = runtime.open(setup(env.newRunId(), ctx, List.of(), s, abs, home))) {
            var lines = new TestTasks.Lines();
            assertThat(session.execute(attempt(s), lines).exitCode()).isEqualTo(3);
            assertThat(lines.out).containsExactly("/acb/home a b $HOME", "/workspace/sub", "1234");
            var l2 = new TestTasks.Lines();
            session.execute(attempt(abs), l2);
            assertThat(l2.out).containsExactly("/tmp");
            var l3 = new TestTasks.Lines();
            session.execute(attempt(home), l3);
            assertThat(l3.out).containsExactly("/elsewhere");
        }
    }

    @Test
    void workspaceIsSharedBetweenStepsAndIsTheContext(@TempDir Path ctx) throws Exception {
        Files.writeString(ctx.resolve("input.txt"), "from host\n");
        CmdStep write = cmd("write", IMG + " sh -c 'cat input.txt > copy.txt; echo step >> copy.txt'");
        CmdStep read = cmd("read", IMG + " cat /workspace/copy.txt");
        try (RuntimeSession session = runtime.open(setup(env.newRunId(), ctx, List.of(), write, read))) {
            assertThat(session.execute(attempt(write), new TestTasks.Lines()).exitCode()).isZero();
            var lines = new TestTasks.Lines();
            session.execute(attempt(read), lines);
            assertThat(lines.out).containsExactly("from host", "step");
        }
    }

    @Test
    void workspaceVolumeWithoutContext() throws Exception {
        CmdStep write = cmd("w", IMG + " sh -c 'echo hi > f'");
        CmdStep read = cmd("r", IMG + " cat f");
        String runId = env.newRunId();
        try (RuntimeSession session = runtime.open(setup(runId, null, List.of(), write, read))) {
            session.execute(attempt(write), new TestTasks.Lines());
            var lines = new TestTasks.Lines();
            session.execute(attempt(read), lines);
            assertThat(lines.out).containsExactly("hi");
        }
        assertThat(runLabelled(runId, null)).isEmpty();
    }

    @Test
    void twoParallelExecutesInOneSession(@TempDir Path ctx) throws Exception {
        CmdStep a = cmd("pa", IMG + " sh -c 'sleep 1; echo a'");
        CmdStep b = cmd("pb", IMG + " sh -c 'sleep 1; echo b'");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (RuntimeSession session = runtime.open(setup(env.newRunId(), ctx, List.of(), a, b))) {
            var la = new TestTasks.Lines();
            var lb = new TestTasks.Lines();
            long t0 = System.nanoTime();
            Future<StepOutcome> fa = pool.submit(() -> session.execute(attempt(a), la));
            Future<StepOutcome> fb = pool.submit(() -> session.execute(attempt(b), lb));
            assertThat(fa.get(60, TimeUnit.SECONDS).exitCode()).isZero();
            assertThat(fb.get(60, TimeUnit.SECONDS).exitCode()).isZero();
            assertThat(la.out).containsExactly("a");
            assertThat(lb.out).containsExactly("b");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(1900 + 3000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void portsWithoutAnAddressArePublishedOnLoopbackOnly(@TempDir Path ctx) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CmdStep web = cmd("web", IMG + " httpd -f -p 80 -h /workspace", o -> o.detach(true).ports(List.of(port + ":80")));
        String runId = env.newRunId();
        try (RuntimeSession session = runtime.open(setup(runId, ctx, List.of(), web))) {
            String id = session.execute(attempt(web), new TestTasks.Lines()).containerId().orElseThrow();
            var bindings = env.client().inspectContainerCmd(id).exec().getHostConfig().getPortBindings().getBindings();
            assertThat(bindings.values()).allSatisfy(list -> assertThat(list)
                    .allSatisfy(b -> assertThat(b.getHostIp()).isEqualTo("127.0.0.1")));
        }
        assertThat(runLabelled(runId, null)).isEmpty();
    }

    @Test
    void detachedServiceIsReachedByItsStepId(@TempDir Path ctx) throws Exception {
        Files.writeString(ctx.resolve("index.html"), "served\n");
        CmdStep web = cmd("web", IMG + " httpd -f -p 80 -h /workspace", o -> o.detach(true));
        CmdStep client = cmd("client", IMG + " sh -c 'for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O- http://web:80/ && exit 0; sleep 0.3; done; exit 1'");
        String runId = env.newRunId();
        try (RuntimeSession session = runtime.open(setup(runId, ctx, List.of(), web, client))) {
            StepOutcome w = session.execute(attempt(web), new TestTasks.Lines());
            assertThat(w.exitCode()).isZero();
            assertThat(w.containerId()).isPresent();
            var lines = new TestTasks.Lines();
            assertThat(session.execute(attempt(client), lines).exitCode()).isZero();
            assertThat(lines.out).containsExactly("served");
        }
        assertThat(runLabelled(runId, null)).isEmpty();
    }

    @Test
    void interruptedSleepLeavesNothing(@TempDir Path ctx) throws Exception {
        CmdStep s = cmd("sleeper", IMG + " sleep 60");
        String runId = env.newRunId();
        try (RuntimeSession session = runtime.open(setup(runId, ctx, List.of(), s))) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            var started = new CompletableFuture<String>();
            Thread t = new Thread(() -> {
                try {
                    session.execute(attempt(s), new TestTasks.Lines() {
                        @Override
                        public void containerStarted(String id) {
                            started.complete(id);
                        }
                    });
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            t.start();
            started.get(30, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            t.interrupt();
            t.join(20_000);
            assertThat(t.isAlive()).isFalse();
            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(15);
            session.stop("sleeper");
            // The step's container is gone before the session closes (the run's network sandbox stays until then).
            assertThat(env.client().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(RunSetup.RUN_ID_LABEL, runId, RunLabels.STEP, "sleeper")).exec())
                    .isEmpty();
        }
        assertThat(runLabelled(runId, null)).isEmpty();
    }

    @Test
    void deadlineTimesOut(@TempDir Path ctx) throws Exception {
        CmdStep s = cmd("slow", IMG + " sleep 30", o -> o.timeout(1));
        try (RuntimeSession session = runtime.open(setup(env.newRunId(), ctx, List.of(), s))) {
            assertThatThrownBy(() -> session.execute(attempt(s), new TestTasks.Lines()))
                    .isInstanceOfSatisfying(RuntimeFailure.class,
                            f -> assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.TIMED_OUT));
        }
    }

    @Test
    void leftoversListWhatARunKeptUntilItIsPruned(@TempDir Path ctx) throws Exception {
        CmdStep s = cmd("kept", IMG + " echo kept", o -> o.keep(true));
        String runId = env.newRunId();
        try {
            try (RuntimeSession session = runtime.open(setup(runId, ctx, List.of(), s))) {
                assertThat(session.execute(attempt(s), new TestTasks.Lines()).exitCode()).isZero();
            }
            List<Leftover> left = runtime.leftovers(runId);
            assertThat(left).filteredOn(l -> l.kind() == Leftover.Kind.CONTAINER).singleElement()
                    .satisfies(l -> {
                        assertThat(l.runId()).isEqualTo(runId);
                        assertThat(l.labels()).containsEntry(RunLabels.STEP, "kept").containsEntry(RunLabels.KEPT, "true");
                        assertThat(l.name()).doesNotStartWith("/").startsWith("kept-");
                    });
            assertThat(runtime.leftovers()).containsAll(left);
        } finally {
            runtime.pruneRun(runId);
        }
        assertThat(runtime.leftovers(runId)).isEmpty();
    }

    @Test
    void keptContainerStaysAfterClose(@TempDir Path ctx) throws Exception {
        CmdStep s = cmd("kept", IMG + " echo kept", o -> o.keep(true));
        String runId = env.newRunId();
        try {
            try (RuntimeSession session = runtime.open(setup(runId, ctx, List.of(), s))) {
                assertThat(session.execute(attempt(s), new TestTasks.Lines()).exitCode()).isZero();
            }
            assertThat(env.client().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(RunSetup.RUN_ID_LABEL, runId)).exec()).hasSize(1);
        } finally {
            runtime.pruneRun(runId);
        }
        assertThat(runLabelled(runId, null)).isEmpty();
    }

    @Test
    void secretVolumeIsMountedAsFiles(@TempDir Path ctx) throws Exception {
        Volume v = new Volume("mysecrets", Map.of("user.txt",
                Base64.getEncoder().encodeToString("alice $HOME".getBytes(StandardCharsets.UTF_8))),
                SourceLocation.UNKNOWN);
        CmdStep s = cmd("sec", IMG + " cat /run/secrets/user.txt",
                o -> o.volumeMounts(List.of(new VolumeMount("mysecrets", "/run/secrets"))));
        String runId = env.newRunId();
        try (RuntimeSession session = runtime.open(setup(runId, ctx, List.of(v), s))) {
            var lines = new TestTasks.Lines();
            assertThat(session.execute(attempt(s), lines).exitCode()).isZero();
            assertThat(lines.out).containsExactly("alice $HOME");
        }
        assertThat(runLabelled(runId, null)).isEmpty();
    }

    @Test
    void missingImageExits125AsDockerRunDoesAndMissingCommandExits127(@TempDir Path ctx) throws Exception {
        String image = DockerTestEnvironment.REGISTRY + "/multistep-it/does-not-exist:never";
        CmdStep s = cmd("missing", image + " echo hi");
        CmdStep c = cmd("nocmd", IMG + " no-such-command");
        try (RuntimeSession session = runtime.open(setup(env.newRunId(), ctx, List.of(), s, c))) {
            TestTasks.Lines lines = new TestTasks.Lines();
            assertThat(session.execute(attempt(s), lines).exitCode()).isEqualTo(125);
            assertThat(lines.err).hasSize(3);
            assertThat(lines.err.get(0)).isEqualTo("Unable to find image '" + image + "' locally");
            assertThat(lines.err.get(1)).startsWith("docker: Error response from daemon: ").contains("does-not-exist")
                    .doesNotContain("Status 404");
            assertThat(lines.err.get(2)).isEqualTo("See 'docker run --help'.");
            assertThat(session.execute(attempt(c), new TestTasks.Lines()).exitCode()).isEqualTo(127);
        }
    }

    @Test
    void sixtySequentialContainersThroughOneClient(@TempDir Path ctx) throws Exception {
        DockerRuntime small = DockerRuntime.builder().maxConnections(4).build();
        try (small; RuntimeSession session = small.open(setup(env.newRunId(), ctx, List.of()))) {
            for (int i = 0; i < 60; i++) {
                CmdStep s = cmd("seq" + i, IMG + " echo " + i);
                var lines = new TestTasks.Lines();
                assertThat(session.execute(attempt(s), lines).exitCode()).isZero();
                assertThat(lines.out).containsExactly(Integer.toString(i));
            }
        }
    }

    @Test
    void unreachableDaemon(@TempDir Path ctx) {
        DockerRuntime dead = DockerRuntime.builder().dockerHost("unix:///tmp/no-such-docker.sock").build();
        try (dead) {
            assertThatThrownBy(() -> dead.open(setup(env.newRunId(), ctx, List.of())))
                    .isInstanceOfSatisfying(RuntimeFailure.class,
                            f -> assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.DAEMON_UNREACHABLE));
        }
    }
}
