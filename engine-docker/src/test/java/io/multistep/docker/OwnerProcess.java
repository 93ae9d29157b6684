package io.multistep.docker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A second JVM running {@link RunOwnerMain}, for tests that need a live run owned by another process. */
final class OwnerProcess implements AutoCloseable {
    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private OwnerProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    lines.add(l);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "owner-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the owner of run {@code runId} on the engine of {@code dockerHost} (null: the default). */
    static OwnerProcess start(String runId, String labelKey, String labelValue, String dockerHost) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path err = Files.createTempFile("owner-" + runId, ".log");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RunOwnerMain.class.getName(), runId, labelKey, labelValue)
                .redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        if (dockerHost != null) {
            env.put("DOCKER_HOST", dockerHost);
        }
        return new OwnerProcess(pb.start(), err);
    }

    /** Waits (bounded) until the long step's container runs; its id. */
    String awaitReady(long seconds) throws InterruptedException, IOException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            String l = lines.poll(1, TimeUnit.SECONDS);
            if (l != null && l.startsWith("READY ")) {
                return l.substring(6).strip();
            }
            if (l == null && !process.isAlive()) {
                break;
            }
        }
        throw new AssertionError("the owner process did not start its run within " + seconds + " s (alive: "
                + process.isAlive() + "); its stderr:\n" + stderrTail());
    }

    /** kill -9, and reaps it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the owner process did not die within 30 s of SIGKILL");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String stderrTail() throws IOException {
        List<String> all = Files.readAllLines(stderr, StandardCharsets.UTF_8);
        return String.join("\n", new ArrayList<>(all.subList(Math.max(0, all.size() - 40), all.size())));
    }

    @Override
    public void close() throws InterruptedException, IOException {
        kill();
        Files.deleteIfExists(stderr);
    }
}
