package io.multistep.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.WaitContainerCondition;
import com.github.dockerjava.api.model.WaitResponse;
import io.multistep.docker.RunLabels;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeFailure.Kind;
import io.multistep.engine.spi.StepAttempt;
import io.multistep.engine.spi.StepOutcome;
import io.multistep.engine.spi.StepOutput;
import io.multistep.spec.Step;
import io.multistep.spec.ContainerSettings;
import io.multistep.spec.ContainerStep;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step containers of one run: running one (create, attach, wait, start, drain) the way
 * {@code docker run} does, and keeping track of them until they are removed: at once, off the
 * critical path, or at teardown; kept ones stay.
 */
final class StepContainers {
    private static final Logger LOG = LoggerFactory.getLogger(DockerSession.class);

    private final DockerClient docker;
    private final String host;
    private final Executor background;
    private final RuntimeSettings settings;
    private final String runId;
    private final String shortId;
    private final RunCleanup cleanup;
    private volatile RunLayout layout;
    private volatile NetworkSandboxes sandboxes;
    /** Step id → ids of containers of its current attempt (detached ones stay until close). */
    private final Map<String, Set<String>> containers = new ConcurrentHashMap<>();
    private final Set<String> kept = ConcurrentHashMap.newKeySet();
    /** Step id → its first kept container, which holds the step's name for the rest of the run. */
    private final Map<String, String> keptByStep = new ConcurrentHashMap<>();
    /** Container name → its removal in progress, off the critical path; the teardown waits for them all. */
    private final Map<String, CompletableFuture<Void>> removals = new ConcurrentHashMap<>();

    StepContainers(DockerClient docker, String host, Executor background, RuntimeSettings settings, String runId,
            String shortId, RunCleanup cleanup) {
        this.docker = docker;
        this.host = host;
        this.background = background;
        this.settings = settings;
        this.runId = runId;
        this.shortId = shortId;
        this.cleanup = cleanup;
    }

    /** Once the session is open: where its steps live, and the sandboxes they join. */
    void ready(RunLayout layout, NetworkSandboxes sandboxes) {
        this.layout = layout;
        this.sandboxes = sandboxes;
    }

    /** Whether the run kept a container (its networks and volumes then may stay with it). */
    boolean anyKept() {
        return !kept.isEmpty();
    }

    /** Name of a step's container: unique per run (the reference uses the bare step id, which forbids parallel runs). */
    String containerName(Step step, StepAttempt attempt) {
        String base = step.id().replaceAll("[^a-zA-Z0-9_.-]", "_") + "-" + shortId;
        if (step instanceof ContainerStep c && c.container().keep() && (attempt.iteration() > 0 || attempt.attempt() > 0)) {
            // Kept containers of earlier attempts still hold the plain name.
            base += "-" + attempt.iteration() + "." + attempt.attempt();
        }
        return base;
    }

    /**
     * Runs a step's container to its end (or starts it, when detached).
     *
     * @param sandbox the network sandbox to join, or {@code null}
     * @throws NetworkSandboxes.SandboxGone when the sandbox cannot be joined; the container is removed again
     */
    StepOutcome run(Step step, StepAttempt attempt, CreateContainerCmd create, String sandbox,
            StepOutput output) throws RuntimeFailure, InterruptedException, NetworkSandboxes.SandboxGone {
        String stepId = step.id();
        ContainerSettings o = ((ContainerStep) step).container();
        try {
            ContainerSpecs.apply(create, step, layout, settings, sandbox);
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
                sandboxes.gone(step, sandbox, msg);
                throw new NetworkSandboxes.SandboxGone();
            }
            if (msg.toLowerCase(java.util.Locale.ROOT).contains("network")) {
                // A step's network is passed verbatim and not checked (execution.md §6): `docker run
                // --network <missing>` prints the engine's error and exits 125, an ordinary failure.
                output.line(StepOutput.Stream.STDERR, "docker: Error response from daemon: " + msg + ".");
                return StepOutcome.exited(125);
            }
            throw new RuntimeFailure(Kind.IMAGE_NOT_FOUND, "step " + stepId + ": " + msg, e);
        } catch (RuntimeException e) {
            throw Failures.map(host, "step " + stepId + ": creating container " + name, e);
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
            if (sandbox != null && !sandboxes.running(step)) {
                sandboxes.gone(step, sandbox, "it did not start");
                throw new NetworkSandboxes.SandboxGone(); // the finally below removes this container
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
                    sandboxes.gone(step, sandbox, msg);
                    throw new NetworkSandboxes.SandboxGone(); // the finally below removes this container
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
                        + step.schedule().timeout() + " s (deadline " + attempt.deadline() + ")");
            }
            tExited = System.nanoTime();
            // The output stream ends when the container's streams close, right after it exits.
            attach.awaitCompletion(10, TimeUnit.SECONDS);
            tDrained = System.nanoTime();
            out.flush();
            err.flush();
            if (status[0] == null && wait.error() != null && !(wait.error() instanceof Error)) {
                throw Failures.map(host, "step " + stepId + ": waiting for container " + name, wait.error());
            }
            if (status[0] == null) {
                throw new RuntimeFailure(Kind.OTHER, "step " + stepId + ": the engine reported no exit code for "
                        + name + (wait.error() != null ? ": " + Failures.rootMessage(wait.error()) : ""));
            }
            done = true;
            return new StepOutcome(status[0], Optional.of(containerId), List.of(), List.of());
        } catch (RuntimeException e) {
            throw Failures.map(host, "step " + stepId + ": running container " + name, e);
        } finally {
            closeQuietly(attach);
            closeQuietly(wait);
            gate.release(); // lines held back by a start that never came still reach the listener
            if (o.keep()) {
                if (!done) {
                    cleanup.kill(containerId); // interrupted or timed out: stop it, but keep it
                }
            } else if (done) {
                // The container has exited (or never started): its removal is off the critical path.
                // The next attempt of the step (same name) and the teardown wait for it.
                discardLater(stepId, name, containerId);
            } else {
                // Interrupted, timed out or failed: the "kill and remove" the SPI asks for, before returning.
                discard(stepId, containerId);
            }
            if (LOG.isDebugEnabled()) {
                long tEnd = System.nanoTime();
                LOG.debug("step {}: create {} ms, attach+wait {} ms, start {} ms, run {} ms, drain {} ms, remove {} ms",
                        stepId, Nanos.ms(t0, tCreated), Nanos.ms(tCreated, tAttached), Nanos.ms(tAttached, tStarted),
                        Nanos.ms(tStarted, tExited), Nanos.ms(tExited, tDrained), Nanos.ms(tDrained, tEnd));
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
        throw Failures.map(host, "step " + stepId + ": starting its container", e);
    }

    /** Kills and removes the step's containers (kills only, for kept ones). */
    void stop(String stepId) {
        Set<String> ids = containers.get(stepId);
        if (ids == null) {
            return;
        }
        for (String id : ids.toArray(new String[0])) {
            if (kept.contains(id)) {
                cleanup.kill(id);
            } else {
                discard(stepId, id);
            }
        }
    }

    /** Removes a finished container in the background; {@link #awaitRemoval} and the teardown wait for it. */
    private void discardLater(String stepId, String name, String containerId) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        removals.put(name, done);
        try {
            background.execute(() -> {
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
        cleanup.removeContainer(containerId);
        Set<String> ids = containers.get(stepId);
        if (ids != null) {
            ids.remove(containerId);
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

    /**
     * Waits for the removals handed to the background, then removes every container of the run
     * that is not kept, including any labelled with the run that was lost track of (a create
     * whose answer was lost).
     *
     * @return whether the wait was interrupted (the removal still happens)
     */
    boolean removeAll() {
        boolean interrupted = false;
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
                    cleanup.removeContainer(id);
                }
            }
        }
        try {
            for (Container c : docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(RunLabels.RUN_ID, runId)).exec()) {
                if (!kept.contains(c.getId())) {
                    cleanup.removeContainer(c.getId());
                }
            }
        } catch (RuntimeException e) {
            cleanup.cannotRemove("its containers (listing them)", e);
        }
        return interrupted;
    }
}
