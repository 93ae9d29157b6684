package io.multistep.docker.internal;

import com.github.dockerjava.api.DockerClient;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.spec.ContainerStep;
import io.multistep.spec.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link NetworkSandbox}es of one run: one per task network that plain steps share, started in
 * the background when the session opens, joined by the steps, and removed at teardown.
 */
final class NetworkSandboxes {
    private static final Logger LOG = LoggerFactory.getLogger(DockerSession.class);

    private final DockerClient docker;
    private final Executor background;
    private final String platform;
    private final boolean share;
    private final String runId;
    private final String shortId;
    private final Map<String, String> labels;
    /** Task network name → Docker network name. */
    private final Map<String, String> networks;
    private final RunCleanup cleanup;
    private final BooleanSupplier closed;
    /** Docker network → the {@link NetworkSandbox} whose namespace the run's plain steps on it share. */
    private final Map<String, Sandbox> sandboxes = new ConcurrentHashMap<>();

    /**
     * @param share whether steps share namespaces at all ({@link RuntimeSettings#shareNetworkNamespaces()})
     * @param networks task network name → Docker network name, as created
     * @param closed whether the session has closed meanwhile (a sandbox not yet created then is not)
     */
    NetworkSandboxes(DockerClient docker, Executor background, String platform, boolean share, String runId,
            String shortId, Map<String, String> labels, Map<String, String> networks, RunCleanup cleanup,
            BooleanSupplier closed) {
        this.docker = docker;
        this.background = background;
        this.platform = platform;
        this.share = share;
        this.runId = runId;
        this.shortId = shortId;
        this.labels = labels;
        this.networks = Map.copyOf(networks);
        this.cleanup = cleanup;
        this.closed = closed;
    }

    /** Whether no sandbox was started. */
    boolean isEmpty() {
        return sandboxes.isEmpty();
    }

    /**
     * Starts a {@link NetworkSandbox} for each task network that steps can share, in the background:
     * the first step that joins one waits for it.
     */
    void start(List<Step> steps) {
        if (!share) {
            return;
        }
        if (!NetworkSandbox.supports(platform)) {
            LOG.debug("run {}: no network sandbox for the engine platform {}: every step gets its own network namespace",
                    runId, platform);
            return;
        }
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        for (Step s : steps) {
            if (sharesNamespace(s)) {
                aliases.computeIfAbsent(networks.get(networkOf(s)), k -> new ArrayList<>()).add(s.id());
            }
        }
        int n = 0;
        for (var e : aliases.entrySet()) {
            String name = "acb_netns" + n++ + "-" + shortId;
            String network = e.getKey();
            List<String> ids = e.getValue();
            try {
                // Steps create their containers once the holder exists, and start them once it runs.
                CompletableFuture<Optional<String>> created = CompletableFuture.supplyAsync(
                        () -> createSandbox(name, network, ids), background);
                CompletableFuture<Boolean> running = created.thenApplyAsync(
                        id -> id.isPresent() && startSandbox(name, network, id.get()), background);
                sandboxes.put(network, new Sandbox(created, running));
            } catch (RejectedExecutionException ex) {
                return; // the runtime is closing: steps get namespaces of their own
            }
        }
    }

    /** A network sandbox being prepared: its container id once created, and whether it then started. */
    private record Sandbox(CompletableFuture<Optional<String>> created, CompletableFuture<Boolean> running) {
        static final Sandbox NONE = new Sandbox(CompletableFuture.completedFuture(Optional.empty()),
                CompletableFuture.completedFuture(false));
    }

    private Optional<String> createSandbox(String name, String network, List<String> aliases) {
        if (closed.getAsBoolean()) {
            return Optional.empty();
        }
        try {
            NetworkSandbox.ensureImage(docker, platform);
            return Optional.of(NetworkSandbox.create(docker, name, network, aliases, labels));
        } catch (RuntimeFailure | RuntimeException e) {
            // Only slower without it.
            LOG.warn("run {}: steps on network {} get a network namespace each: cannot create the network sandbox {}: {}",
                    runId, network, name, Failures.daemonMessage(Failures.rootMessage(e)));
            return Optional.empty();
        }
    }

    private boolean startSandbox(String name, String network, String id) {
        try {
            long t0 = System.nanoTime();
            docker.startContainerCmd(id).exec();
            LOG.debug("run {}: network sandbox {} started in {} ms", runId, name, Nanos.ms(t0, System.nanoTime()));
            return true;
        } catch (RuntimeException e) {
            // Steps that joined it find out before they start and run without it; close() removes it.
            LOG.warn("run {}: steps on network {} get a network namespace each: cannot start the network sandbox {}: {}",
                    runId, network, name, Failures.daemonMessage(Failures.rootMessage(e)));
            return false;
        }
    }

    /** Whether a step joins its network's sandbox (see {@link NetworkSandbox#canJoin}). */
    private boolean sharesNamespace(Step step) {
        String network = networks.get(networkOf(step));
        return network != null && NetworkSandbox.canJoin(step, network);
    }

    /** The id of the sandbox the step joins, or {@code null} for a namespace of its own. */
    String sandboxFor(Step step) throws InterruptedException {
        Sandbox s = sharesNamespace(step) ? sandboxes.get(networks.get(networkOf(step))) : null;
        return s == null ? null : await(s.created(), Optional.<String>empty()).orElse(null);
    }

    /** Whether the step's sandbox has started (waiting for it if it is starting). */
    boolean running(Step step) throws InterruptedException {
        Sandbox s = sandboxes.get(networks.get(networkOf(step)));
        return s != null && await(s.running(), false);
    }

    private static <T> T await(CompletableFuture<T> f, T otherwise) throws InterruptedException {
        try {
            return f.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return otherwise;
        }
    }

    /** The sandbox's container is gone (removed or stopped by someone): later steps get their own namespaces. */
    void gone(Step step, String sandbox, String why) {
        String network = networks.get(networkOf(step));
        if (network != null) {
            sandboxes.put(network, Sandbox.NONE);
        }
        LOG.warn("run {}: the network sandbox {} of network {} is gone ({}): steps get a network namespace each",
                runId, sandbox, network, why);
    }

    /** Thrown when a step cannot join its sandbox because the sandbox is gone; the step runs without it. */
    static final class SandboxGone extends Exception {
        SandboxGone() {
            super(null, null, false, false);
        }
    }

    void removeAll() {
        for (Sandbox s : sandboxes.values()) {
            try {
                s.running().get(2, TimeUnit.MINUTES);
                s.created().get().ifPresent(cleanup::removeContainer);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // the label sweep of the teardown removes it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The network a step's container joins; a push has none. */
    private static String networkOf(Step step) {
        return step instanceof ContainerStep c ? c.container().network() : "";
    }
}
