package io.multistep.docker.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second, throwaway Docker engine for fault-injection tests, so the shared engine is never
 * disturbed: its own {@code dockerd} (socket, data root on a small tmpfs, exec root, pid file, no
 * iptables, no default bridge) and its own registry on another loopback port, all under one
 * temporary folder that {@link #close()} removes again (processes, mounts, files).
 *
 * <p>Both run in a network namespace of their own ({@code ip netns}): a {@code dockerd --bridge=none}
 * deletes the host's {@code docker0} at start, which would cut the shared engine's default bridge,
 * and the engine's networks stay out of the host's too. The socket is a file, so tests reach it all
 * the same; the registry is on the namespace's loopback, where the engine pushes to it.
 */
public final class ThrowawayEngine implements AutoCloseable {
    private static final long WAIT_SECONDS = 60;

    private final Path base;
    private final Path socket;
    private final Path dataRoot;
    private final Path execRoot;
    private final Path log;
    private final int registryPort;
    private final String netns;
    private Process dockerd;
    private Process registry;
    private boolean tmpfs;
    private boolean netnsCreated;

    private ThrowawayEngine(Path base, int registryPort) {
        this.base = base;
        this.socket = base.resolve("docker.sock");
        this.dataRoot = base.resolve("data");
        this.execRoot = base.resolve("exec");
        this.log = base.resolve("dockerd.log");
        this.registryPort = registryPort;
        this.netns = base.getFileName().toString();
    }

    /** Why a throwaway engine cannot run here (not root, tools missing), or empty when it can. */
    public static Optional<String> unavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("a throwaway dockerd needs root, but the tests run as " + System.getProperty("user.name"));
        }
        for (String tool : List.of("dockerd", "docker", "docker-registry", "mount", "ip", "nsenter")) {
            if (which(tool).isEmpty()) {
                return Optional.of("a throwaway engine needs " + tool + " on the PATH");
            }
        }
        return Optional.empty();
    }

    /**
     * Starts the engine (data root on a tmpfs of {@code tmpfsMegabytes}) and its registry.
     *
     * @throws IOException when something cannot be started; what was started is stopped again
     */
    public static ThrowawayEngine start(int tmpfsMegabytes) throws IOException, InterruptedException {
        Path base = Files.createTempDirectory(Path.of("/tmp"), "msfault");
        ThrowawayEngine e = new ThrowawayEngine(base, freePort());
        try {
            Files.createDirectories(e.dataRoot);
            Files.createDirectories(e.execRoot);
            Files.writeString(base.resolve("daemon.json"), "{}\n");
            run(30, tool("ip"), "netns", "add", e.netns);
            e.netnsCreated = true;
            run(30, e.inNetns(tool("ip"), "link", "set", "lo", "up").toArray(new String[0]));
            run(30, tool("mount"), "-t", "tmpfs", "-o", "size=" + tmpfsMegabytes + "m", "tmpfs", e.dataRoot.toString());
            e.tmpfs = true;
            e.startDaemon();
            e.startRegistry();
            return e;
        } catch (IOException | InterruptedException | RuntimeException ex) {
            e.close();
            throw ex;
        }
    }

    /** The engine's address, {@code unix:///tmp/…/docker.sock}. */
    public String host() {
        return "unix://" + socket;
    }

    /** The registry's address, {@code 127.0.0.1:PORT}. */
    public String registry() {
        return "127.0.0.1:" + registryPort;
    }

    /** The data root (a tmpfs). */
    public Path dataRoot() {
        return dataRoot;
    }

    /** The last lines of the daemon's log, for failure messages. */
    public String logTail() {
        try {
            List<String> l = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", l.subList(Math.max(0, l.size() - 30), l.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Starts dockerd (again) and waits until it answers. */
    public void startDaemon() throws IOException, InterruptedException {
        if (dockerd != null && dockerd.isAlive()) {
            return;
        }
        ProcessBuilder pb = new ProcessBuilder(inNetns(tool("dockerd"), "--config-file", base.resolve("daemon.json").toString(),
                "--host", host(), "--data-root", dataRoot.toString(), "--exec-root", execRoot.toString(),
                "--pidfile", base.resolve("docker.pid").toString(), "--iptables=false", "--ip6tables=false",
                "--bridge=none", "--userland-proxy=false"));
        pb.environment().put("PATH", searchPath()); // containerd, runc, docker-init live in sbin folders
        dockerd = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!answers()) {
            if (!dockerd.isAlive() || System.nanoTime() > end) {
                throw new IOException("the throwaway dockerd did not answer on " + host() + " within " + WAIT_SECONDS
                        + " s (alive: " + dockerd.isAlive() + "); its log:\n" + logTail());
            }
            Thread.sleep(200);
        }
    }

    /** kill -9 of the daemon (its containerd and the containers' shims stay, as after a crash). */
    public void killDaemon() throws InterruptedException {
        Optional<ProcessHandle> containerd = containerd();
        dockerd.destroyForcibly();
        if (!dockerd.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("dockerd did not die within 30 s of SIGKILL");
        }
        // Its containerd follows it (parent-death signal); a restart must not find it half dead.
        containerd.ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> p).join());
    }

    private Optional<ProcessHandle> containerd() {
        try {
            long pid = Long.parseLong(Files.readString(execRoot.resolve("containerd/containerd.pid")).strip());
            return ProcessHandle.of(pid).filter(p -> cmdline(pid).contains(base.toString()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the daemon answers {@code GET /_ping}. */
    public boolean answers() {
        // Bounded: a unix socket channel has no read timeout of its own.
        var ping = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(socket));
                ch.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
                ByteBuffer buf = ByteBuffer.allocate(256);
                int n = ch.read(buf);
                return n > 0 && new String(buf.array(), 0, n, StandardCharsets.US_ASCII).contains(" 200 ");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
        try {
            return ping.get(3, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            ping.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts the registry (again) and waits until it answers. */
    public void startRegistry() throws IOException, InterruptedException {
        if (registry != null && registry.isAlive()) {
            return;
        }
        Path config = base.resolve("registry.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: %s
                """.formatted(base.resolve("registry-data"), registry()));
        registry = new ProcessBuilder(inNetns(tool("docker-registry"), "serve", config.toString())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("registry.log").toFile())).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            try {
                run(5, inNetns("bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + registryPort).toArray(new String[0]));
                return;
            } catch (IOException e) {
                if (!registry.isAlive() || System.nanoTime() > end) {
                    throw new IOException("the throwaway registry did not listen on " + registry() + " within "
                            + WAIT_SECONDS + " s");
                }
                Thread.sleep(100);
            }
        }
    }

    /** Stops the registry (SIGKILL). */
    public void stopRegistry() throws InterruptedException {
        if (registry != null) {
            registry.destroyForcibly();
            registry.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Copies an image of the shared engine into this one ({@code docker save | docker -H … load}). */
    public void loadImage(String image) throws IOException, InterruptedException {
        run(120, "bash", "-c", "set -o pipefail; '" + tool("docker") + "' save '" + image + "' | '" + tool("docker") + "' -H '" + host()
                + "' load");
    }

    /**
     * Fills the data root's tmpfs with one file until the engine cannot write.
     *
     * @return the file, to be deleted to free the space again
     */
    public Path fillDataRoot() throws IOException {
        Path filler = dataRoot.resolve("msfault-filler");
        byte[] chunk = new byte[1 << 20];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
        return filler;
    }

    /** Stops everything that was started and removes the folder (mounts included), even after failures. */
    @Override
    public void close() throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        stopRegistry();
        if (dockerd != null && dockerd.isAlive()) {
            dockerd.destroy(); // SIGTERM: dockerd stops its containers and its containerd
            if (!dockerd.waitFor(20, TimeUnit.SECONDS)) {
                dockerd.destroyForcibly();
                dockerd.waitFor(10, TimeUnit.SECONDS);
            }
        }
        // Processes the engine started that outlive it (containerd after a kill -9, container shims):
        // only those whose command line names this engine's own folder.
        killProcessesMentioning(base.toString());
        for (String mount : mountsUnder(base)) {
            try {
                run(30, tool("umount"), mount);
            } catch (IOException e) {
                try {
                    run(30, tool("umount"), "-l", mount);
                } catch (IOException e2) {
                    problems.add(e2.getMessage());
                }
            }
        }
        if (mountsUnder(base).isEmpty()) {
            try (Stream<Path> files = Files.walk(base)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } else {
            problems.add("mounts left under " + base + ": " + mountsUnder(base));
        }
        if (netnsCreated) {
            try {
                run(30, tool("ip"), "netns", "delete", netns);
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException("the throwaway engine was not cleaned up completely: " + problems);
        }
    }

    private static void killProcessesMentioning(String marker) throws InterruptedException {
        List<ProcessHandle> victims = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> cmdline(p.pid()).contains(marker)).toList();
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : victims) {
            p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> p).join();
        }
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static List<String> mountsUnder(Path dir) throws IOException {
        List<String> mounts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"), StandardCharsets.UTF_8)) {
            String[] f = line.split(" ");
            if (f.length > 1 && (f[1].equals(dir.toString()) || f[1].startsWith(dir + "/"))) {
                mounts.add(f[1]);
            }
        }
        mounts.sort(Comparator.comparingInt(String::length).reversed()); // deepest first
        return mounts;
    }

    private static void run(long seconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out;
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + seconds + " s");
        }
        out = p.getInputStream().readAllBytes();
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": "
                    + new String(out, StandardCharsets.UTF_8).strip());
        }
    }

    /**
     * A command run in the engine's network namespace only: {@code ip netns exec} would also give it
     * a mount namespace with a fresh {@code /sys}, where dockerd finds no cgroups.
     */
    private List<String> inNetns(String... command) {
        List<String> c = new ArrayList<>(List.of(tool("nsenter"), "--net=/var/run/netns/" + netns, "--"));
        c.addAll(List.of(command));
        return c;
    }

    private static String searchPath() {
        return System.getenv().getOrDefault("PATH", "") + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    }

    private static String tool(String name) {
        return which(name).map(Path::toString).orElse(name);
    }

    private static Optional<Path> which(String tool) {
        for (String dir : searchPath().split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
