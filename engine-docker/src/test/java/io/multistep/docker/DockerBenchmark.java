package io.multistep.docker;

import io.multistep.docker.internal.ContextTar;
import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.engine.spi.RuntimeSession;
import io.multistep.spec.BuildStep;
import io.multistep.spec.CmdStep;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Benchmark harness (a main class, not a test): the runtime against the Docker CLI.
 *
 * <ol>
 *   <li>10 sequential {@code echo} steps through one session vs 10 {@code docker run --rm} (target ≤ 0.9×);
 *   <li>a 20,000-file, 500 MB context with a {@code .dockerignore}: our tar alone, and our whole build
 *       step, vs the classic {@code docker build} sending it (target ≤ 1.0×).
 * </ol>
 * Run: {@code java -cp <test classpath> io.multistep.docker.DockerBenchmark [contextDir]}.
 */
public final class DockerBenchmark {
    private static long lastSteps;

    private DockerBenchmark() {}

    public static void main(String[] args) throws Exception {
        DockerTestEnvironment env = DockerTestEnvironment.get();
        String img = DockerTestEnvironment.BASE_IMAGE;
        try (DockerRuntime runtime = DockerRuntime.builder().build()) {
            Path empty = Files.createTempDirectory("bench-ws");
            // Warm both paths (image cache, connection pool, CLI start-up).
            echoRuntime(runtime, env, empty, 2);
            echoCli(img, 2);
            long ours = echoRuntime(runtime, env, empty, 10);
            System.out.printf("echo x10 through one session, excluding its open/close: %d ms%n", lastSteps);
            long cli = echoCli(img, 10);
            System.out.printf("echo x10: runtime %d ms, docker CLI %d ms, ratio %.2f (target <= 0.9)%n", ours, cli,
                    (double) ours / cli);

            Path ctx = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("bench-ctx");
            makeContext(ctx);
            long t0 = System.nanoTime();
            long[] bytes = new long[1];
            bytes[0] = ContextTar.write(ctx, ContextTar.readIgnore(ctx).keeping("Dockerfile", ".dockerignore"), Map.of(),
                    OutputStream.nullOutputStream());
            long tarMs = (System.nanoTime() - t0) / 1_000_000;
            BuildStep build = new BuildStep("-t multistep-bench/ctx:1 .", List.of("multistep-bench/ctx:1"), List.of(),
                    TestTasks.opts("bench").build());
            t0 = System.nanoTime();
            try (RuntimeSession s = runtime.open(TestTasks.setup(env.newRunId(), ctx, List.of(), build))) {
                s.execute(TestTasks.attempt(build), (stream, text) -> { });
            }
            long buildMs = (System.nanoTime() - t0) / 1_000_000;
            t0 = System.nanoTime();
            ProcessBuilder pb = new ProcessBuilder("docker", "build", "-q", "-t", "multistep-bench/ctx:cli", ".")
                    .directory(ctx.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("DOCKER_BUILDKIT", "0"); // the classic builder, as our runtime uses (no buildx here)
            Process p = pb.start();
            p.getOutputStream().close();
            int code = p.waitFor();
            long cliBuildMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("context (%d bytes sent): our tar %d ms, our build step %d ms, docker build %d ms (exit %d),"
                    + " ratio tar/cli %.2f, build/cli %.2f (target <= 1.0)%n", bytes[0], tarMs, buildMs, cliBuildMs, code,
                    (double) tarMs / cliBuildMs, (double) buildMs / cliBuildMs);
            env.client().removeImageCmd("multistep-bench/ctx:1").withForce(true).exec();
            try {
                env.client().removeImageCmd("multistep-bench/ctx:cli").withForce(true).exec();
            } catch (RuntimeException ignored) {
                // the CLI build may have failed
            }
            if (args.length == 0) {
                deleteTree(ctx);
            }
            deleteTree(empty);
        }
    }

    private static long echoRuntime(DockerRuntime runtime, DockerTestEnvironment env, Path ws, int n) throws Exception {
        long t0 = System.nanoTime();
        try (RuntimeSession s = runtime.open(TestTasks.setup(env.newRunId(), ws, List.of()))) {
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                CmdStep c = TestTasks.cmd("e" + i, DockerTestEnvironment.BASE_IMAGE + " echo " + i);
                s.execute(TestTasks.attempt(c), (stream, text) -> { });
            }
            lastSteps = (System.nanoTime() - t1) / 1_000_000;
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long echoCli(String img, int n) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Process p = new ProcessBuilder("docker", "run", "--rm", img, "echo", Integer.toString(i))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("docker run failed");
            }
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** 20,000 files, 500 MB in all; 4,000 of them (*.log, 100 MB) are ignored. */
    private static void makeContext(Path ctx) throws IOException {
        if (Files.exists(ctx.resolve(".dockerignore"))) {
            return; // reuse
        }
        Files.writeString(ctx.resolve("Dockerfile"), "FROM " + DockerTestEnvironment.BASE_IMAGE + "\nLABEL bench=1\n");
        Files.writeString(ctx.resolve(".dockerignore"), "**/*.log\n");
        byte[] data = new byte[25 * 1024];
        new Random(1).nextBytes(data);
        for (int d = 0; d < 100; d++) {
            Path dir = Files.createDirectories(ctx.resolve("d" + d));
            for (int f = 0; f < 200; f++) {
                Files.write(dir.resolve("f" + f + (f % 5 == 0 ? ".log" : ".bin")), data);
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
