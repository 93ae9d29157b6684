package io.multistep.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import io.multistep.docker.RunLabels;
import io.multistep.engine.spi.ImageDependency;
import io.multistep.engine.spi.RunSetup;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeFailure.Kind;
import io.multistep.engine.spi.RuntimeSession;
import io.multistep.engine.spi.StepAttempt;
import io.multistep.engine.spi.StepOutcome;
import io.multistep.engine.spi.StepOutput;
import io.multistep.spec.BuildStep;
import io.multistep.spec.CmdStep;
import io.multistep.spec.PushStep;
import io.multistep.spec.Step;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run on the Docker engine: composes the run's networks and volumes ({@link RunResources}),
 * its network sandboxes ({@link NetworkSandboxes}), its step containers ({@link StepContainers}),
 * image pulls ({@link ImagePuller}), builds ({@link ImageBuilder}) and pushes ({@link ImagePusher}),
 * and orders their teardown. Thread-safe: independent steps execute in parallel.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DockerSession implements RuntimeSession {
    private static final Logger LOG = LoggerFactory.getLogger(DockerSession.class);

    private final DockerConnection connection;
    private final DockerClient docker;
    private final RuntimeSettings settings;
    private final RunSetup setup;
    private final String shortId;
    private final Map<String, String> labels;
    private final RegistryAuth auth;
    private final RunCleanup cleanup;
    private final RunResources resources;
    private final ImagePuller puller;
    private final StepContainers containers;
    private volatile NetworkSandboxes sandboxes;
    private volatile RunLayout layout;
    private volatile boolean closed;

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
        this.cleanup = new RunCleanup(docker, connection.host(), setup.runId());
        this.resources = new RunResources(docker, connection.host(), connection.background(), settings, setup,
                shortId, labels, cleanup);
        this.puller = new ImagePuller(docker, auth, connection.host());
        this.containers = new StepContainers(docker, connection.host(), connection.background(), settings,
                setup.runId(), shortId, cleanup);
        this.sandboxes = sandboxes(); // none yet: a session that fails to open has none to remove
    }

    private NetworkSandboxes sandboxes() {
        return new NetworkSandboxes(docker, connection.background(), connection.platform(),
                settings.shareNetworkNamespaces(), setup.runId(), shortId, labels, resources.networks(), cleanup,
                () -> closed);
    }

    /**
     * Prepares a run: networks, home and workspace volumes, secret volumes. On failure everything
     * already created is removed before the failure is thrown.
     */
    public static DockerSession open(DockerConnection connection, RuntimeSettings settings, RunSetup setup)
            throws RuntimeFailure, InterruptedException {
        DockerClient docker = connection.negotiated();
        DockerSession s = new DockerSession(connection, docker, settings, setup);
        OpenRuns.register(s);
        try {
            long t0 = System.nanoTime();
            s.prepare();
            LOG.debug("run {}: session open in {} ms", setup.runId(), Nanos.ms(t0, System.nanoTime()));
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
        resources.createNetworksAndHome();
        // The sandboxes need the Docker networks' names: they are known now.
        NetworkSandboxes s = sandboxes();
        sandboxes = s;
        s.start(setup.task().steps());
        resources.prepareVolumes();
        layout = resources.layout();
        containers.ready(layout, s);
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
            return new ImageBuilder(docker, connection.host(), settings, layout, setup.context(), build, attempt, output).build();
        }
        PushStep push = (PushStep) step;
        return new ImagePusher(docker, auth, connection.host()).push(push, attempt.deadline(), output);
    }

    @Override
    public void prepare(Step step, StepOutput output) throws RuntimeFailure, InterruptedException {
        if (!(step instanceof CmdStep cmd) || !cmd.pull()) {
            return;
        }
        if (cmd.image().isEmpty()) {
            throw new RuntimeFailure(Kind.INVALID_STEP, "step " + step.id() + ": cmd names no image");
        }
        try {
            puller.ensure(step.id(), cmd.image(), true, cmd.cmdDownloadRetries(), cmd.cmdDownloadRetryDelay(), output);
        } catch (ImagePuller.PullFailure f) {
            // The reference pulls with `docker pull` in a container, which prints the engine's error
            // (each attempt's, above) and exits 1: the step fails with "exit status 1" (execution.md §3).
            throw new RuntimeFailure(f.kind(), "exit status 1", f);
        }
    }

    private StepOutcome runCmd(CmdStep step, StepAttempt attempt, StepOutput output)
            throws RuntimeFailure, InterruptedException {
        String id = step.id();
        if (step.image().isEmpty()) {
            throw new RuntimeFailure(Kind.INVALID_STEP, "step " + id + ": cmd names no image");
        }
        String image = step.image();
        // pull: true was done by prepare(), once, before the step's clock (execution.md §3); here
        // only a missing image is pulled, as docker run does.
        try {
            puller.ensure(id, image, false, step.cmdDownloadRetries(), step.cmdDownloadRetryDelay(), output);
        } catch (ImagePuller.PullFailure f) {
            // What `docker run` prints when it can neither find nor pull the image; it exits 125,
            // an ordinary failed attempt of the step (retries and ignoreErrors apply).
            output.line(StepOutput.Stream.STDERR, "Unable to find image '" + image + "' locally");
            output.line(StepOutput.Stream.STDERR, "docker: Error response from daemon: " + f.detail + ".");
            output.line(StepOutput.Stream.STDERR, "See 'docker run --help'.");
            return StepOutcome.exited(125);
        }
        String sandbox = sandboxes.sandboxFor(step);
        while (true) {
            try {
                return containers.run(step, attempt, createCmd(step), sandbox, output);
            } catch (NetworkSandboxes.SandboxGone e) {
                sandbox = null; // once more in a namespace of its own, which cannot fail this way
            }
        }
    }

    private CreateContainerCmd createCmd(CmdStep step) {
        CreateContainerCmd create = docker.createContainerCmd(step.image()).withCmd(step.args());
        if (!step.entryPoint().isEmpty()) {
            create.withEntrypoint(step.entryPoint());
        }
        return create;
    }

    @Override
    public void stop(String stepId) {
        containers.stop(stepId);
    }

    @Override
    public List<ImageDependency> populateDigests(List<ImageDependency> entries) {
        return RepoDigests.populate(docker, entries);
    }

    // ---------------------------------------------------------------------------------------------
    // Teardown

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
            NetworkSandboxes s = sandboxes;
            CompletableFuture<Void> sandboxesGone = CompletableFuture.completedFuture(null);
            if (!s.isEmpty()) {
                try {
                    sandboxesGone = CompletableFuture.runAsync(s::removeAll, connection.background());
                } catch (RejectedExecutionException e) {
                    s.removeAll();
                }
            }
            interrupted |= containers.removeAll();
            // The networks can go once their sandboxes have.
            try {
                sandboxesGone.get(3, TimeUnit.MINUTES);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // a sandbox still there makes its network's removal fail, which is logged; prune removes both
            } catch (InterruptedException e) {
                interrupted = true;
            }
            resources.remove(containers.anyKept());
        } finally {
            OpenRuns.unregister(this);
            LOG.debug("run {}: session closed in {} ms", setup.runId(), Nanos.ms(t0, System.nanoTime()));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
