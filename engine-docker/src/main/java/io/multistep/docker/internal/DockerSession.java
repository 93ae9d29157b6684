package io.multistep.docker.internal;

import io.multistep.docker.RunLabels;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.WaitContainerCondition;
import com.github.dockerjava.api.model.WaitResponse;
import io.multistep.engine.spi.RunSetup;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeFailure.Kind;
import io.multistep.engine.spi.RuntimeSession;
import io.multistep.engine.spi.StepAttempt;
import io.multistep.engine.spi.StepOutcome;
import io.multistep.engine.spi.StepOutput;
import io.multistep.spec.BuildStep;
import io.multistep.spec.CmdStep;
import io.multistep.spec.Network;
import io.multistep.spec.PushStep;
import io.multistep.spec.Step;
import io.multistep.spec.StepOptions;
import io.multistep.spec.Volume;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run on the Docker engine: its networks, volumes and containers, and the execution of its
 * step attempts. Thread-safe: independent steps execute in parallel.
 */
public final class DockerSession implements RuntimeSession {
    private static final Logger LOG = LoggerFactory.getLogger(DockerSession.class);

    private final DockerConnection connection;
    private final DockerClient docker;
    private final RuntimeSettings settings;
    private final RunSetup setup;
    private final String shortId;
    private final Map<String, String> labels;
    /** Task network name → Docker network name (the created ones carry the short run id). */
    private final Map<String, String> networks = new ConcurrentHashMap<>();
    /** Task volume name → Docker volume name. */
    private final Map<String, String> volumes = new ConcurrentHashMap<>();
    private final List<String> createdNetworks = new CopyOnWriteArrayList<>();
    private final List<String> createdVolumes = new CopyOnWriteArrayList<>();
    /** Step id → ids of containers of its current attempt (detached ones stay until close). */
    private final Map<String, Set<String>> containers = new ConcurrentHashMap<>();
    private final Set<String> kept = ConcurrentHashMap.newKeySet();
    /** Step id → its first kept container, which holds the step's name for the rest of the run. */
    private final Map<String, String> keptByStep = new ConcurrentHashMap<>();
    /** Container name → its removal in progress, off the critical path; close() waits for them all. */
    private final Map<String, CompletableFuture<Void>> removals = new ConcurrentHashMap<>();
    /** Docker network → the {@link NetworkSandbox} whose namespace the run's plain steps on it share. */
    private final Map<String, Sandbox> sandboxes = new ConcurrentHashMap<>();
    /** Images seen present in this run. */
    private final Set<String> knownImages = ConcurrentHashMap.newKeySet();
    private final RegistryAuth auth;
    private volatile String workspaceSource;
    private volatile String homeVolume;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicBoolean engineGoneReported =
            new java.util.concurrent.atomic.AtomicBoolean();

    private DockerSession(DockerConnection connection, DockerClient docker, RuntimeSettings settings, RunSetup setup) {
        this.connection = connection;
        this.docker = docker;
        this.settings = settings;
        this.setup = setup;
        this.shortId = shortRunId(setup.runId());
        Map<String, String> l = new LinkedHashMap<>(setup.labels());
        l.put(RunLabels.RUN_ID, setup.runId());
        l.put(RunLabels.CREATED, Long.toString(Instant.now().getEpochSecond()));
        l.putAll(Owner.current().labels()); // prune leaves the run alone while this process runs
        this.labels = Map.copyOf(l);
        this.auth = new RegistryAuth(setup.credentials(), settings.dockerConfigDir());
    }

    /**
     * Prepares a run: networks, home and workspace volumes, secret volumes. On failure everything
     * already created is removed before the failure is thrown.
     */
    public static DockerSession open(DockerConnection connection, RuntimeSettings settings, RunSetup setup)
            throws RuntimeFailure, InterruptedException {
        DockerClient docker = connection.negotiated();
        DockerSession s = new DockerSession(connection, docker, settings, setup);
        DockerConnection.register(s);
        try {
            long t0 = System.nanoTime();
            s.prepare();
            LOG.debug("run {}: session open in {} ms", setup.runId(), ms(t0, System.nanoTime()));
            return s;
        } catch (RuntimeFailure | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    String runId() {
        return setup.runId();
    }

    /** A short, name-safe form of the run id: container and network names must be unique per run. */
    static String shortRunId(String runId) {
        String clean = runId.replaceAll("[^a-zA-Z0-9_.-]", "");
        if (!clean.isEmpty() && clean.length() <= 12) {
            return clean;
        }
        String hash = Integer.toHexString(runId.hashCode() & 0xfffffff);
        String head = clean.length() > 6 ? clean.substring(0, 6) : clean;
        return (head.isEmpty() ? "r" : head) + hash;
    }

    private void prepare() throws RuntimeFailure, InterruptedException {
        // The reference shares one volume literally named "home" between all runs; a volume per run
        // keeps parallel runs from seeing each other's docker login state. It is created while the
        // networks are (independent calls), and waited for before anything can fail out of here.
        CompletableFuture<Object> home = CompletableFuture.supplyAsync(() -> {
            try {
                return createVolume("acb_home-" + shortId);
            } catch (RuntimeFailure | RuntimeException f) {
                return f;
            }
        }, connection.background());
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
        startSandboxes();
        prepareVolumes();
    }

    /**
     * Starts a {@link NetworkSandbox} for each task network that steps can share, in the background:
     * the first step that joins one waits for it.
     */
    private void startSandboxes() {
        if (!settings.shareNetworkNamespaces()) {
            return;
        }
        if (!NetworkSandbox.supports(connection.platform())) {
            LOG.debug("run {}: no network sandbox for the engine platform {}: every step gets its own network namespace",
                    setup.runId(), connection.platform());
            return;
        }
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        for (Step s : setup.task().steps()) {
            if (sharesNamespace(s)) {
                aliases.computeIfAbsent(networks.get(s.options().network()), k -> new ArrayList<>()).add(s.id());
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
                        () -> createSandbox(name, network, ids), connection.background());
                CompletableFuture<Boolean> running = created.thenApplyAsync(
                        id -> id.isPresent() && startSandbox(name, network, id.get()), connection.background());
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
        if (closed) {
            return Optional.empty();
        }
        try {
            NetworkSandbox.ensureImage(docker, connection.platform());
            return Optional.of(NetworkSandbox.create(docker, name, network, aliases, labels));
        } catch (RuntimeFailure | RuntimeException e) {
            // Only slower without it.
            LOG.warn("run {}: steps on network {} get a network namespace each: cannot create the network sandbox {}: {}",
                    setup.runId(), network, name, Failures.daemonMessage(Failures.rootMessage(e)));
            return Optional.empty();
        }
    }

    private boolean startSandbox(String name, String network, String id) {
        try {
            long t0 = System.nanoTime();
            docker.startContainerCmd(id).exec();
            LOG.debug("run {}: network sandbox {} started in {} ms", setup.runId(), name, ms(t0, System.nanoTime()));
            return true;
        } catch (RuntimeException e) {
            // Steps that joined it find out before they start and run without it; close() removes it.
            LOG.warn("run {}: steps on network {} get a network namespace each: cannot start the network sandbox {}: {}",
                    setup.runId(), network, name, Failures.daemonMessage(Failures.rootMessage(e)));
            return false;
        }
    }

    /** Whether a step joins its network's sandbox (see {@link NetworkSandbox#canJoin}). */
    private boolean sharesNamespace(Step step) {
        String network = networks.get(step.options().network());
        return network != null && NetworkSandbox.canJoin(step, network);
    }

    /** The id of the sandbox the step joins, or {@code null} for a namespace of its own. */
    private String sandboxFor(Step step) throws InterruptedException {
        Sandbox s = sharesNamespace(step) ? sandboxes.get(networks.get(step.options().network())) : null;
        return s == null ? null : await(s.created(), Optional.<String>empty()).orElse(null);
    }

    /** Whether the step's sandbox has started (waiting for it if it is starting). */
    private boolean sandboxRunning(Step step) throws InterruptedException {
        Sandbox s = sandboxes.get(networks.get(step.options().network()));
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
    private void sandboxGone(Step step, String sandbox, String why) {
        String network = networks.get(step.options().network());
        if (network != null) {
            sandboxes.put(network, Sandbox.NONE);
        }
        LOG.warn("run {}: the network sandbox {} of network {} is gone ({}): steps get a network namespace each",
                setup.runId(), sandbox, network, why);
    }

    /** Thrown when a step cannot join its sandbox because the sandbox is gone; the step runs without it. */
    private static final class SandboxGone extends Exception {
        SandboxGone() {
            super(null, null, false, false);
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
                RuntimeFailure f = wrap("failed to create network: " + n.name(), e);
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

    private void prepareVolumes() throws RuntimeFailure, InterruptedException {
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
            throw wrap("creating volume " + name, e);
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
        Helpers.ensureHelperImage(docker, settings.helperImage(), connection.host());
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
            throw wrap(what, e);
        }
        try {
            try (var stream = Helpers.pipe(writer::write)) {
                docker.copyArchiveToContainerCmd(id).withRemotePath("/fill").withTarInputStream(stream).exec();
                stream.rethrow();
            } catch (IOException e) {
                throw new RuntimeFailure(Kind.OTHER, what + ": " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            throw wrap(what, e);
        } finally {
            removeQuietly(id);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Execution

    @Override
    public StepOutcome execute(StepAttempt attempt, StepOutput output) throws RuntimeFailure, InterruptedException {
        if (closed) {
            throw new RuntimeFailure(Kind.OTHER, "step " + attempt.step().id() + ": the run's session is closed");
        }
        Step step = attempt.step();
        if (step instanceof CmdStep cmd) {
            return runCmd(cmd, attempt, output);
        }
        if (step instanceof BuildStep build) {
            return new ImageBuilder(this, build, attempt, output).build();
        }
        PushStep push = (PushStep) step;
        return new ImagePusher(docker, auth, connection.host()).push(push, attempt.deadline(), output);
    }

    @Override
    public void prepare(Step step, StepOutput output) throws RuntimeFailure, InterruptedException {
        if (!(step instanceof CmdStep cmd) || !step.options().pull()) {
            return;
        }
        List<String> words;
        try {
            words = ShellWords.split(cmd.cmd());
        } catch (IllegalArgumentException e) {
            throw new RuntimeFailure(Kind.INVALID_STEP, "step " + step.id() + ": cannot split cmd: " + e.getMessage());
        }
        if (words.isEmpty()) {
            throw new RuntimeFailure(Kind.INVALID_STEP, "step " + step.id() + ": cmd names no image");
        }
        StepOptions o = step.options();
        try {
            ensureImage(step.id(), words.get(0), true, o.cmdDownloadRetries(), o.cmdDownloadRetryDelay(), output);
        } catch (PullFailure f) {
            // The reference pulls with `docker pull` in a container, which prints the engine's error
            // (each attempt's, above) and exits 1: the step fails with "exit status 1" (execution.md §3).
            throw new RuntimeFailure(f.kind(), "exit status 1", f);
        }
    }

    private StepOutcome runCmd(CmdStep step, StepAttempt attempt, StepOutput output)
            throws RuntimeFailure, InterruptedException {
        String id = step.id();
        List<String> words;
        try {
            words = ShellWords.split(step.cmd());
        } catch (IllegalArgumentException e) {
            throw new RuntimeFailure(Kind.INVALID_STEP, "step " + id + ": cannot split cmd: " + e.getMessage());
        }
        if (words.isEmpty()) {
            throw new RuntimeFailure(Kind.INVALID_STEP, "step " + id + ": cmd names no image");
        }
        String image = words.get(0);
        StepOptions o = step.options();
        // pull: true was done by prepare(), once, before the step's clock (execution.md §3); here
        // only a missing image is pulled, as docker run does.
        try {
            ensureImage(id, image, false, o.cmdDownloadRetries(), o.cmdDownloadRetryDelay(), output);
        } catch (PullFailure f) {
            // What `docker run` prints when it can neither find nor pull the image; it exits 125,
            // an ordinary failed attempt of the step (retries and ignoreErrors apply).
            output.line(StepOutput.Stream.STDERR, "Unable to find image '" + image + "' locally");
            output.line(StepOutput.Stream.STDERR, "docker: Error response from daemon: " + f.detail + ".");
            output.line(StepOutput.Stream.STDERR, "See 'docker run --help'.");
            return StepOutcome.exited(125);
        }
        String sandbox = sandboxFor(step);
        while (true) {
            try {
                return runContainer(step, attempt, createCmd(image, words, o), sandbox, output);
            } catch (SandboxGone e) {
                sandbox = null; // once more in a namespace of its own, which cannot fail this way
            }
        }
    }

    private CreateContainerCmd createCmd(String image, List<String> words, StepOptions o) {
        CreateContainerCmd create = docker.createContainerCmd(image).withCmd(words.subList(1, words.size()));
        if (!o.entryPoint().isEmpty()) {
            create.withEntrypoint(o.entryPoint());
        }
        return create;
    }

    /** Name of a step's container: unique per run (the reference uses the bare step id, which forbids parallel runs). */
    String containerName(Step step, StepAttempt attempt) {
        String base = step.id().replaceAll("[^a-zA-Z0-9_.-]", "_") + "-" + shortId;
        if (step.options().keep() && (attempt.iteration() > 0 || attempt.attempt() > 0)) {
            // Kept containers of earlier attempts still hold the plain name.
            base += "-" + attempt.iteration() + "." + attempt.attempt();
        }
        return base;
    }

    /**
     * Runs a step's container to its end (or starts it, when detached).
     *
     * @param sandbox the network sandbox to join, or {@code null}
     * @throws SandboxGone when the sandbox cannot be joined; the container is removed again
     */
    private StepOutcome runContainer(Step step, StepAttempt attempt, CreateContainerCmd create, String sandbox,
            StepOutput output) throws RuntimeFailure, InterruptedException, SandboxGone {
        String stepId = step.id();
        StepOptions o = step.options();
        try {
            ContainerSpecs.apply(create, step, this, sandbox);
        } catch (IllegalArgumentException e) {
            throw new RuntimeFailure(Kind.INVALID_STEP, "step " + stepId + ": " + e.getMessage());
        }
        // The reference names every attempt's container after the step: a second attempt (repeat or
        // retry) conflicts with a kept container of an earlier one, or with a detached one that still
        // runs, and `docker run` exits 125 (execution.md §10, keep+repeat quirk).
        String holder = o.keep() ? keptByStep.get(stepId) : o.detach() ? runningDetached(stepId) : null;
        if (holder != null) {
            output.line(StepOutput.Stream.STDERR, "docker: Error response from daemon: Conflict. The container name \"/"
                    + stepId + "\" is already in use by container \"" + holder + "\". You have to remove (or rename)"
                    + " that container to be able to reuse that name.");
            output.line(StepOutput.Stream.STDERR, "See 'docker run --help'.");
            return StepOutcome.exited(125);
        }
        String name = containerName(step, attempt);
        create.withName(name);
        String containerId;
        long t0 = System.nanoTime();
        long tCreated = 0, tAttached = 0, tStarted = 0, tExited = 0, tDrained = 0;
        awaitRemoval(name); // an earlier attempt's container of the same name
        try {
            containerId = create.exec().getId();
            tCreated = System.nanoTime();
        } catch (ConflictException e) {
            throw new RuntimeFailure(Kind.OTHER, "step " + stepId + ": a container named " + name
                    + " already exists (a kept container of an earlier attempt?)", e);
        } catch (NotFoundException e) {
            String msg = Failures.rootMessage(e);
            if (sandbox != null && msg.contains(sandbox)) {
                sandboxGone(step, sandbox, msg);
                throw new SandboxGone();
            }
            if (msg.toLowerCase(java.util.Locale.ROOT).contains("network")) {
                // A step's network is passed verbatim and not checked (execution.md §6): `docker run
                // --network <missing>` prints the engine's error and exits 125, an ordinary failure.
                output.line(StepOutput.Stream.STDERR, "docker: Error response from daemon: " + msg + ".");
                return StepOutcome.exited(125);
            }
            throw new RuntimeFailure(Kind.IMAGE_NOT_FOUND, "step " + stepId + ": " + msg, e);
        } catch (RuntimeException e) {
            throw wrap("step " + stepId + ": creating container " + name, e);
        }
        containers.computeIfAbsent(stepId, k -> ConcurrentHashMap.newKeySet()).add(containerId);
        if (o.keep()) {
            kept.add(containerId);
            keptByStep.putIfAbsent(stepId, containerId);
        }
        if (o.detach()) {
            try {
                docker.startContainerCmd(containerId).exec();
            } catch (RuntimeException e) {
                discard(stepId, containerId);
                return startFailure(stepId, e, output);
            }
            output.containerStarted(containerId);
            output.line(StepOutput.Stream.STDOUT, containerId); // what `docker run --detach` prints
            return new StepOutcome(0, Optional.of(containerId), List.of(), List.of());
        }
        StartGate gate = new StartGate(output);
        OutputLines out = new OutputLines(gate, StepOutput.Stream.STDOUT);
        OutputLines err = new OutputLines(gate, StepOutput.Stream.STDERR);
        Streaming<Frame> attach = new Streaming<>() {
            @Override
            public void onNext(Frame frame) {
                switch (frame.getStreamType()) {
                    case STDERR -> err.accept(frame.getPayload());
                    case STDOUT, RAW -> out.accept(frame.getPayload());
                    default -> { }
                }
            }
        };
        Integer[] status = new Integer[1];
        Streaming<WaitResponse> wait = new Streaming<>() {
            @Override
            public void onNext(WaitResponse r) {
                status[0] = r.getStatusCode();
            }
        };
        boolean done = false;
        try {
            // As `docker run` does: attach and wait (for the next exit) before the start, so not a byte
            // of output and not the exit is missed. The two requests travel together; each is in place
            // once the engine has answered its headers.
            docker.attachContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(true)
                    .exec(attach);
            docker.waitContainerCmd(containerId).withCondition(WaitContainerCondition.NEXT_EXIT).exec(wait);
            // The sandbox may still be starting (the first steps of a run): wait for it meanwhile.
            if (sandbox != null && !sandboxRunning(step)) {
                sandboxGone(step, sandbox, "it did not start");
                throw new SandboxGone(); // the finally below removes this container
            }
            attach.awaitReady("attaching to " + name);
            wait.awaitReady("waiting for " + name);
            tAttached = System.nanoTime();
            try {
                docker.startContainerCmd(containerId).exec();
                tStarted = System.nanoTime();
            } catch (RuntimeException e) {
                String msg = Failures.rootMessage(e);
                if (sandbox != null && (msg.contains(sandbox) || msg.contains("non running container"))) {
                    sandboxGone(step, sandbox, msg);
                    throw new SandboxGone(); // the finally below removes this container
                }
                gate.release();
                StepOutcome failed = startFailure(stepId, e, output);
                done = true;
                return failed;
            }
            gate.started(containerId);
            long remaining = Duration.between(Instant.now(), attempt.deadline()).toMillis();
            if (!wait.awaitCompletion(Math.max(1, remaining), TimeUnit.MILLISECONDS)) {
                throw new RuntimeFailure(Kind.TIMED_OUT, "step " + stepId + ": timed out after "
                        + o.timeout() + " s (deadline " + attempt.deadline() + ")");
            }
            tExited = System.nanoTime();
            // The output stream ends when the container's streams close, right after it exits.
            attach.awaitCompletion(10, TimeUnit.SECONDS);
            tDrained = System.nanoTime();
            out.flush();
            err.flush();
            if (status[0] == null && wait.error() != null && !(wait.error() instanceof Error)) {
                throw Failures.map(connection.host(), "step " + stepId + ": waiting for container " + name, wait.error());
            }
            if (status[0] == null) {
                throw new RuntimeFailure(Kind.OTHER, "step " + stepId + ": the engine reported no exit code for "
                        + name + (wait.error() != null ? ": " + Failures.rootMessage(wait.error()) : ""));
            }
            done = true;
            return new StepOutcome(status[0], Optional.of(containerId), List.of(), List.of());
        } catch (RuntimeException e) {
            throw wrap("step " + stepId + ": running container " + name, e);
        } finally {
            closeQuietly(attach);
            closeQuietly(wait);
            gate.release(); // lines held back by a start that never came still reach the listener
            if (o.keep()) {
                if (!done) {
                    killQuietly(containerId); // interrupted or timed out: stop it, but keep it
                }
            } else if (done) {
                // The container has exited (or never started): its removal is off the critical path.
                // The next attempt of the step (same name) and close() wait for it.
                discardLater(stepId, name, containerId);
            } else {
                // Interrupted, timed out or failed: the "kill and remove" the SPI asks for, before returning.
                discard(stepId, containerId);
            }
            if (LOG.isDebugEnabled()) {
                long tEnd = System.nanoTime();
                LOG.debug("step {}: create {} ms, attach+wait {} ms, start {} ms, run {} ms, drain {} ms, remove {} ms",
                        stepId, ms(t0, tCreated), ms(tCreated, tAttached), ms(tAttached, tStarted),
                        ms(tStarted, tExited), ms(tExited, tDrained), ms(tDrained, tEnd));
            }
        }
    }

    /**
     * A streaming callback that knows when its request is in place (the engine answered the headers)
     * or failed: docker-java's {@code awaitStarted} never returns on an error.
     */
    private abstract static class Streaming<T> extends QuietCallback<T> {
        private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);

        @Override
        public void onStart(java.io.Closeable stream) {
            super.onStart(stream);
            ready.countDown();
        }

        @Override
        public void onError(Throwable throwable) {
            super.onError(throwable);
            ready.countDown();
        }

        void awaitReady(String what) throws InterruptedException {
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new DockerException(what + ": the engine did not answer within 30 s", 0);
            }
            Throwable e = error();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e != null) {
                throw new DockerException(what + ": " + e, 0);
            }
        }
    }

    private static String ms(long from, long to) {
        return from == 0 || to == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f", (to - from) / 1e6);
    }

    private StepOutcome startFailure(String stepId, RuntimeException e, StepOutput output) throws RuntimeFailure {
        // `docker run` exits 127 when the command does not exist and 126 when it cannot be run; the
        // step then fails like any non-zero exit (and can be retried) instead of being a runtime error.
        String msg = Failures.rootMessage(e);
        if (e instanceof DockerException && !Failures.isUnreachable(e)) {
            String lower = msg.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("executable file not found") || lower.contains("no such file or directory")) {
                output.line(StepOutput.Stream.STDERR, "docker: Error response from daemon: " + msg);
                return StepOutcome.exited(127);
            }
            if (lower.contains("permission denied")) {
                output.line(StepOutput.Stream.STDERR, "docker: Error response from daemon: " + msg);
                return StepOutcome.exited(126);
            }
            // Any other refusal of the engine to start it (e.g. runc cannot apply a privileged
            // container's capabilities): the CLI prints the error and exits 125, an ordinary failed
            // attempt of the step ("exit status 125") that retries and ignoreErrors apply to.
            output.line(StepOutput.Stream.STDERR, "docker: Error response from daemon: " + msg);
            return StepOutcome.exited(125);
        }
        throw wrap("step " + stepId + ": starting its container", e);
    }

    /** Makes sure the image exists, pulling it when missing or when the step asks (execution.md §3 pull). */
    void ensureImage(String stepId, String image, boolean forcePull, int retries, int retryDelaySeconds,
            StepOutput output) throws RuntimeFailure, InterruptedException {
        if (!forcePull && knownImages.contains(image)) {
            return; // saves a round trip per step; a removed image then fails at create (IMAGE_NOT_FOUND)
        }
        boolean present;
        try {
            docker.inspectImageCmd(image).exec();
            present = true;
            knownImages.add(image);
        } catch (NotFoundException e) {
            present = false;
        } catch (RuntimeException e) {
            throw wrap("step " + stepId + ": inspecting image " + image, e);
        }
        if (present && !forcePull) {
            return;
        }
        ImageRef ref = ImageRef.parse(image);
        int attempts = 1 + Math.max(0, forcePull ? retries : 0);
        String last = "";
        for (int i = 0; i < attempts; i++) {
            if (i > 0 && retryDelaySeconds > 0) {
                Thread.sleep(retryDelaySeconds * 1000L);
            }
            var pull = docker.pullImageCmd(ref.name()).withTag(ref.tagOrDigest());
            auth.forRegistry(ref.registry()).ifPresent(pull::withAuthConfig);
            var cb = new QuietCallback<PullResponseItem>() {
                volatile String error;

                @Override
                public void onNext(PullResponseItem item) {
                    if (item.getErrorDetail() != null || item.getError() != null) {
                        error = item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError();
                    } else if (item.getStatus() != null && item.getProgressDetail() == null) {
                        output.line(StepOutput.Stream.STDOUT,
                                (item.getId() != null ? item.getId() + ": " : "") + item.getStatus());
                    }
                }
            };
            try (cb) {
                pull.exec(cb);
                cb.awaitCompletion();
                if (cb.error == null) {
                    return;
                }
                last = cb.error;
            } catch (InterruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                if (Failures.isEngineGone(e)) {
                    throw wrap("step " + stepId + ": pulling " + image, e);
                }
                last = Failures.daemonMessage(Failures.rootMessage(e));
            } catch (IOException e) {
                last = e.getMessage();
            }
            if (forcePull) {
                output.line(StepOutput.Stream.STDERR, "Error response from daemon: " + last); // as `docker pull` prints it
            }
        }
        Kind kind = Failures.isAuthError(last) ? Kind.AUTH_FAILED : Kind.IMAGE_NOT_FOUND;
        throw new PullFailure(kind, "step " + stepId + ": expected image " + image
                + (present ? " to be pulled" : " locally or from its registry")
                + ", but the pull failed after " + attempts + " attempt(s): " + last, last);
    }

    /** An image that could not be pulled, with the engine's own words for why. */
    private static final class PullFailure extends RuntimeFailure {
        private static final long serialVersionUID = 1L;
        final String detail;

        PullFailure(Kind kind, String message, String detail) {
            super(kind, message);
            this.detail = detail;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Accessors for the container spec and the builder

    DockerClient docker() {
        return docker;
    }

    RuntimeSettings settings() {
        return settings;
    }

    RunSetup setup() {
        return setup;
    }

    Map<String, String> labels() {
        return labels;
    }

    String workspaceSource() {
        return workspaceSource;
    }

    String homeVolume() {
        return homeVolume;
    }

    /** The Docker network for a task network name (verbatim when it is not one of the task's). */
    String dockerNetwork(String taskName) {
        return networks.getOrDefault(taskName, taskName);
    }

    /** The Docker volume for a task volume name (verbatim when not declared). */
    String dockerVolume(String taskName) {
        return volumes.getOrDefault(taskName, taskName);
    }

    String host() {
        return connection.host();
    }

    RegistryAuth auth() {
        return auth;
    }

    RuntimeFailure wrap(String what, RuntimeException e) {
        return Failures.map(connection.host(), what, e);
    }

    // ---------------------------------------------------------------------------------------------
    // Stop and teardown

    @Override
    public void stop(String stepId) {
        Set<String> ids = containers.get(stepId);
        if (ids == null) {
            return;
        }
        for (String id : ids.toArray(new String[0])) {
            if (kept.contains(id)) {
                killQuietly(id);
            } else {
                discard(stepId, id);
            }
        }
    }

    /** Removes a finished container in the background; {@link #awaitRemoval} and close() wait for it. */
    private void discardLater(String stepId, String name, String containerId) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        removals.put(name, done);
        try {
            connection.background().execute(() -> {
                try {
                    discard(stepId, containerId);
                } finally {
                    removals.remove(name, done);
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException e) {
            try {
                discard(stepId, containerId); // the runtime is closing: remove it here
            } finally {
                removals.remove(name, done);
                done.complete(null);
            }
        }
    }

    /**
     * The container of an earlier attempt of a detached step that still runs, if any. One that
     * has exited is removed, as the reference's {@code docker run --rm} has done by then.
     */
    private String runningDetached(String stepId) {
        Set<String> ids = containers.get(stepId);
        if (ids == null) {
            return null;
        }
        for (String id : List.copyOf(ids)) {
            Boolean running;
            try {
                running = docker.inspectContainerCmd(id).exec().getState().getRunning();
            } catch (NotFoundException e) {
                ids.remove(id);
                continue;
            } catch (RuntimeException e) {
                running = Boolean.TRUE; // cannot tell: the create below would meet the name anyway
            }
            if (Boolean.TRUE.equals(running)) {
                return id;
            }
            discard(stepId, id);
        }
        return null;
    }

    /** Waits until the background removal of the container with this name (if any) has ended. */
    private void awaitRemoval(String name) throws InterruptedException {
        CompletableFuture<Void> pending = removals.get(name);
        if (pending != null) {
            try {
                pending.get();
            } catch (ExecutionException e) {
                // removal never throws; the create then reports any conflict
            }
        }
    }

    private void discard(String stepId, String containerId) {
        removeQuietly(containerId);
        Set<String> ids = containers.get(stepId);
        if (ids != null) {
            ids.remove(containerId);
        }
    }

    private void killQuietly(String id) {
        try {
            docker.killContainerCmd(id).exec();
        } catch (RuntimeException e) {
            LOG.debug("kill {}: {}", id, e.getMessage());
        }
    }

    private void removeQuietly(String id) {
        // Gone or being removed (a step's stop and its own teardown race on a timeout) is no news.
        Removal r = Removal.container(docker, id);
        if (r instanceof Removal.Failed f) {
            cannotRemove("container " + id, f.error());
        } else if (r instanceof Removal.InUse u) {
            LOG.debug("run {}: container {} stays: {}", setup.runId(), id, u.why());
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // the stream is gone either way
        }
    }

    @Override
    public List<io.multistep.engine.spi.ImageDependency> populateDigests(
            List<io.multistep.engine.spi.ImageDependency> entries) {
        return RepoDigests.populate(docker, entries);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        // Interrupted threads must still clean up: do the teardown with the interrupt flag cleared.
        boolean interrupted = Thread.interrupted();
        long t0 = System.nanoTime();
        try {
            // Network sandboxes side by side with the step containers: no step that joined one is
            // running any more. One still starting is waited for, so that it is not missed.
            CompletableFuture<Void> sandboxesGone = CompletableFuture.completedFuture(null);
            if (!sandboxes.isEmpty()) {
                try {
                    sandboxesGone = CompletableFuture.runAsync(this::removeSandboxes, connection.background());
                } catch (RejectedExecutionException e) {
                    removeSandboxes();
                }
            }
            // Removals handed to the background first: each resource is removed by the time close() returns.
            for (CompletableFuture<Void> f : removals.values()) {
                try {
                    f.get(2, TimeUnit.MINUTES);
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    // the sweep below removes what is left
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
            for (var e : containers.entrySet()) {
                for (String id : e.getValue()) {
                    if (!kept.contains(id)) {
                        removeQuietly(id);
                    }
                }
            }
            // Anything labelled with this run that we lost track of (a create whose answer was lost).
            try {
                for (Container c : docker.listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of(RunSetup.RUN_ID_LABEL, setup.runId())).exec()) {
                    if (!kept.contains(c.getId())) {
                        removeQuietly(c.getId());
                    }
                }
            } catch (RuntimeException e) {
                cannotRemove("its containers (listing them)", e);
            }
            // The networks can go once their sandboxes have.
            try {
                sandboxesGone.get(3, TimeUnit.MINUTES);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // a sandbox still there makes its network's removal fail, which is logged; prune removes both
            } catch (InterruptedException e) {
                interrupted = true;
            }
            // Networks and volumes are independent: removed side by side.
            Runnable removeNetworks = () -> {
                for (String n : createdNetworks) {
                    Removal r = Removal.network(docker, n);
                    if (r instanceof Removal.Failed f) {
                        cannotRemove("network " + n, f.error());
                    } else if (r instanceof Removal.InUse && kept.isEmpty()) {
                        LOG.warn("run {}: cannot remove network {}: {}", setup.runId(), n, why(r));
                    } else if (r instanceof Removal.InUse) {
                        LOG.debug("run {}: network {} stays with the kept containers: {}", setup.runId(), n, why(r));
                    }
                }
            };
            CompletableFuture<Void> networksGone = null;
            if (!createdNetworks.isEmpty() && !createdVolumes.isEmpty()) {
                try {
                    networksGone = CompletableFuture.runAsync(removeNetworks, connection.background());
                } catch (RejectedExecutionException e) {
                    // the runtime is closing: remove them here
                }
            }
            if (networksGone == null) {
                removeNetworks.run();
            }
            for (String v : createdVolumes) {
                Removal r = Removal.volume(docker, v);
                if (r instanceof Removal.Failed f) {
                    cannotRemove("volume " + v, f.error());
                } else if (r instanceof Removal.InUse && kept.isEmpty()) {
                    LOG.warn("run {}: cannot remove volume {}: {}", setup.runId(), v, why(r));
                } else if (r instanceof Removal.InUse) {
                    // A kept container uses it: it stays with the container, and prune removes both.
                    LOG.debug("run {}: volume {} stays with the kept containers: {}", setup.runId(), v, why(r));
                }
            }
            if (networksGone != null) {
                networksGone.join();
            }
        } finally {
            DockerConnection.unregister(this);
            LOG.debug("run {}: session closed in {} ms", setup.runId(), ms(t0, System.nanoTime()));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String why(Removal r) {
        return r instanceof Removal.InUse u ? u.why() : "";
    }

    /**
     * Logs a failed removal. An engine that is gone (down, restarting) is said once per run, not once
     * per resource: everything of the run is then left for prune.
     */
    private void cannotRemove(String what, RuntimeException error) {
        RuntimeFailure f = Failures.map(connection.host(), "removing " + what, error);
        if (!Failures.isEngineGone(f.kind())) {
            LOG.warn("run {}: {}", setup.runId(), f.getMessage()); // "removing <what>: <why>"
        } else if (engineGoneReported.compareAndSet(false, true)) {
            LOG.warn("run {}: {}; what is left of the run stays until `multistep prune` runs with the engine back",
                    setup.runId(), f.getMessage());
        } else {
            LOG.debug("run {}: cannot remove {}: {}", setup.runId(), what, f.getMessage());
        }
    }

    private void removeSandboxes() {
        for (Sandbox s : sandboxes.values()) {
            try {
                s.running().get(2, TimeUnit.MINUTES);
                s.created().get().ifPresent(this::removeQuietly);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // the label sweep of close() removes it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static String utf8(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }
}
