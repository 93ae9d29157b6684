package io.multistep.docker.internal;

import com.github.dockerjava.api.DockerClient;
import io.multistep.engine.spi.RunSetup;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeFailure.Kind;
import io.multistep.spec.Network;
import io.multistep.spec.Volume;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The networks and volumes of one run: created (all labelled with the run's labels) when its
 * session opens, and removed, side by side, at its teardown.
 */
final class RunResources {
    private final DockerClient docker;
    private final String host;
    private final Executor background;
    private final RuntimeSettings settings;
    private final RunSetup setup;
    private final String shortId;
    private final Map<String, String> labels;
    private final RunCleanup cleanup;
    /** Task network name → Docker network name (the created ones carry the short run id). */
    private final Map<String, String> networks = new ConcurrentHashMap<>();
    /** Task volume name → Docker volume name. */
    private final Map<String, String> volumes = new ConcurrentHashMap<>();
    private final List<String> createdNetworks = new CopyOnWriteArrayList<>();
    private final List<String> createdVolumes = new CopyOnWriteArrayList<>();
    private volatile String workspaceSource;
    private volatile String homeVolume;

    RunResources(DockerClient docker, String host, Executor background, RuntimeSettings settings, RunSetup setup,
            String shortId, Map<String, String> labels, RunCleanup cleanup) {
        this.docker = docker;
        this.host = host;
        this.background = background;
        this.settings = settings;
        this.setup = setup;
        this.shortId = shortId;
        this.labels = labels;
        this.cleanup = cleanup;
    }

    /** Task network name → Docker network name, once {@link #createNetworksAndHome()} has run. */
    Map<String, String> networks() {
        return Map.copyOf(networks);
    }

    /** Where the run's steps live, once the networks and volumes are prepared. */
    RunLayout layout() {
        return new RunLayout(labels, workspaceSource, homeVolume, networks, volumes);
    }

    /** Creates the task's networks and the run's home volume, side by side. */
    void createNetworksAndHome() throws RuntimeFailure {
        // The reference shares one volume literally named "home" between all runs; a volume per run
        // keeps parallel runs from seeing each other's docker login state. It is created while the
        // networks are (independent calls), and waited for before anything can fail out of here.
        CompletableFuture<Object> home = CompletableFuture.supplyAsync(() -> {
            try {
                return createVolume("acb_home-" + shortId);
            } catch (RuntimeFailure | RuntimeException f) {
                return f;
            }
        }, background);
        try {
            createNetworks();
        } finally {
            Object h = home.join();
            if (h instanceof RuntimeFailure f) {
                throw f;
            }
            if (h instanceof RuntimeException e) {
                throw e;
            }
            homeVolume = (String) h;
        }
    }

    private void createNetworks() throws RuntimeFailure {
        for (Network n : setup.task().networks()) {
            if (n.skipCreation()) {
                networks.put(n.name(), n.name());
                continue;
            }
            String name = n.name() + "-" + shortId;
            try {
                var cmd = docker.createNetworkCmd().withName(name).withLabels(labels).withCheckDuplicate(true);
                if (!n.driver().isEmpty()) {
                    cmd.withDriver(n.driver());
                }
                if (n.ipv6()) {
                    cmd.withEnableIpv6(true);
                }
                cmd.exec();
            } catch (RuntimeException e) {
                // The reference's wording (errors.md X-1), then which Docker network it was.
                RuntimeFailure f = Failures.map(host, "failed to create network: " + n.name(), e);
                if (Failures.isEngineGone(f.kind())) {
                    throw f;
                }
                throw new RuntimeFailure(f.kind(), "failed to create network: " + n.name() + ", err: "
                        + Failures.rootMessage(e) + " (Docker network " + name + ")", e);
            }
            createdNetworks.add(name);
            networks.put(n.name(), name);
        }
    }

    /** The workspace (a bind mount, or a volume filled with the context) and the task's secret volumes. */
    void prepareVolumes() throws RuntimeFailure, InterruptedException {
        if (setup.sharedVolume().isPresent()) {
            workspaceSource = setup.sharedVolume().get();
        } else if (setup.context().isPresent() && settings.bindWorkspace()) {
            workspaceSource = setup.context().get().toAbsolutePath().normalize().toString();
        } else {
            String vol = createVolume("acb_workspace-" + shortId);
            workspaceSource = vol;
            if (setup.context().isPresent()) {
                Path ctx = setup.context().get();
                fillVolume(vol, out -> ContextTar.write(ctx, DockerIgnore.of(List.of()), Map.of(), out),
                        "copying the context " + ctx + " into the workspace volume");
            }
        }
        for (Volume v : setup.task().volumes()) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (var e : v.secret().entrySet()) {
                byte[] decoded;
                try {
                    decoded = Base64.getMimeDecoder().decode(e.getValue());
                } catch (IllegalArgumentException ex) {
                    // The reference's wording (errors.md X-5), then where; never the value.
                    throw new RuntimeFailure(Kind.INVALID_STEP, "failed to decode Base64 value. please make sure value"
                            + " provided is Base64 encoded (volume " + v.name() + ", secret " + e.getKey() + ": "
                            + ex.getMessage() + ")");
                }
                // The reference writes the decoded text plus a newline (a here-document); we keep the
                // newline but, unlike it, never let a shell expand $ or backquotes in the secret.
                byte[] withNewline = new byte[decoded.length + 1];
                System.arraycopy(decoded, 0, withNewline, 0, decoded.length);
                withNewline[decoded.length] = '\n';
                files.put(e.getKey(), withNewline);
            }
            String name = createVolume(v.name() + "-" + shortId);
            volumes.put(v.name(), name);
            fillVolume(name, out -> writeFiles(files, out), "failed to populate container, volume " + v.name());
        }
    }

    private String createVolume(String name) throws RuntimeFailure {
        try {
            docker.createVolumeCmd().withName(name).withLabels(labels).exec();
        } catch (RuntimeException e) {
            throw Failures.map(host, "creating volume " + name, e);
        }
        createdVolumes.add(name);
        return name;
    }

    private interface TarWriter {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static void writeFiles(Map<String, byte[]> files, java.io.OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        for (var f : files.entrySet()) {
            TarArchiveEntry e = new TarArchiveEntry(f.getKey());
            e.setSize(f.getValue().length);
            e.setMode(0100644);
            tar.putArchiveEntry(e);
            tar.write(f.getValue());
            tar.closeArchiveEntry();
        }
        tar.finish();
        tar.flush();
    }

    /**
     * Fills a volume by copying a tar into a created, never-started helper container that mounts
     * it: the Engine API can write into a volume without running anything.
     */
    private void fillVolume(String volume, TarWriter writer, String what) throws RuntimeFailure, InterruptedException {
        Helpers.ensureHelperImage(docker, settings.helperImage(), host);
        String id;
        try {
            id = docker.createContainerCmd(settings.helperImage())
                    .withName("acb_fill-" + volume)
                    .withCmd("/nonexistent")
                    .withLabels(labels)
                    .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig()
                            .withBinds(com.github.dockerjava.api.model.Bind.parse(volume + ":/fill")))
                    .exec().getId();
        } catch (RuntimeException e) {
            throw Failures.map(host, what, e);
        }
        try {
            try (var stream = Helpers.pipe(writer::write)) {
                docker.copyArchiveToContainerCmd(id).withRemotePath("/fill").withTarInputStream(stream).exec();
                stream.rethrow();
            } catch (IOException e) {
                throw new RuntimeFailure(Kind.OTHER, what + ": " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            throw Failures.map(host, what, e);
        } finally {
            cleanup.removeContainer(id);
        }
    }

    /**
     * Removes the networks and volumes the run created; they are independent, so side by side.
     * One that a kept container uses stays with it, quietly.
     */
    void remove(boolean anyKept) {
        Runnable removeNetworks = () -> {
            for (String n : createdNetworks) {
                cleanup.removeNetwork(n, anyKept);
            }
        };
        CompletableFuture<Void> networksGone = null;
        if (!createdNetworks.isEmpty() && !createdVolumes.isEmpty()) {
            try {
                networksGone = CompletableFuture.runAsync(removeNetworks, background);
            } catch (RejectedExecutionException e) {
                // the runtime is closing: remove them here
            }
        }
        if (networksGone == null) {
            removeNetworks.run();
        }
        for (String v : createdVolumes) {
            cleanup.removeVolume(v, anyKept);
        }
        if (networksGone != null) {
            networksGone.join();
        }
    }
}
