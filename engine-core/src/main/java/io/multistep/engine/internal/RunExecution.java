package io.multistep.engine.internal;

import io.multistep.engine.RunEvent;
import io.multistep.engine.RunHandle;
import io.multistep.engine.RunListener;
import io.multistep.engine.RunOptions;
import io.multistep.engine.RunResult;
import io.multistep.engine.RunStatus;
import io.multistep.engine.SecretMasker;
import io.multistep.engine.StepFailure;
import io.multistep.engine.StepResult;
import io.multistep.engine.TaskLoadException;
import io.multistep.engine.TaskSource;
import io.multistep.engine.spi.ImageDependency;
import io.multistep.engine.spi.RegistryCredential;
import io.multistep.engine.spi.RunSetup;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeSession;
import io.multistep.spec.Step;
import io.multistep.spec.StepGraph;
import io.multistep.spec.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run: loads the task, opens the runtime session, schedules the step graph and produces the
 * result. The scheduler is event-driven: each node counts its unfinished dependencies, and the
 * thread of a finishing step releases its dependents (no polling). Each running step has its own
 * daemon thread from the run's pool, named {@code multistep-<runId>-<stepId>} while it serves the
 * step; timers run on one daemon thread per run.
 * Every thread of a run has ended when {@link #execute()} returns.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunExecution implements RunHandle {

    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);

    /** After an abort, how long to wait for steps to honour their interrupt before closing the session under them. */
    private static final long ABORT_GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Why the run stopped early. */
    record Abort(RunStatus status, String message, StepFailure.Reason reasonForRunning) {}

    /** A step of the graph; mutable state guarded by {@link #lock}. */
    static final class Node {
        final Step step;
        final int index;
        final List<Node> children = new ArrayList<>();
        int remaining;
        boolean started;
        StepExecution execution;
        StepResult result;

        Node(Step step, int index) {
            this.step = step;
            this.index = index;
        }
    }

    private final EngineConfig config;
    private final TaskSource source;
    private final RunOptions options;
    private final String runId;
    private final CompletableFuture<RunResult> future = new CompletableFuture<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Node> ready = new ArrayDeque<>();
    /**
     * The run's own pool: unbounded (the cap is applied by the scheduler), threads reused within the
     * run for speed, daemon, shut down at the end of the run.
     */
    private final ThreadPoolExecutor workers;

    private volatile boolean cancelRequested;
    private volatile Thread coordinator;
    private final Object openGuard = new Object();
    private boolean opening; // guarded by openGuard

    // Set once during execute(), before any step thread starts.
    private Task task;
    private List<Node> nodes;
    private SecretMasker masker = SecretMasker.none();
    private EventSink events;
    private RuntimeSession session;
    private ScheduledExecutorService timers;

    // Guarded by lock.
    private int running;
    private Abort abort;
    private long abortedAtNanos;
    private boolean sessionClosed;

    /**
     * Prepares a run; nothing happens until {@link #execute()}.
     *
     * @param config the engine's settings
     * @param source where the task comes from
     * @param options the run's inputs
     */
    public RunExecution(EngineConfig config, TaskSource source, RunOptions options) {
        this.config = config;
        this.source = source;
        this.options = options;
        this.runId = options.runId().orElseGet(() -> UUID.randomUUID().toString());
        this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "multistep-" + runId + "-idle");
                    t.setDaemon(true);
                    return t;
                });
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public CompletableFuture<RunResult> result() {
        return future;
    }

    @Override
    public void cancel() {
        cancelRequested = true;
        lock.lock();
        try {
            if (nodes != null) {
                abortLocked(new Abort(RunStatus.CANCELLED, "run cancelled", StepFailure.Reason.CANCELLED));
            }
        } finally {
            lock.unlock();
        }
        synchronized (openGuard) {
            Thread c = coordinator;
            if (opening && c != null) {
                // Only while the session is being opened: elsewhere the coordinator waits on the lock's condition.
                c.interrupt();
            }
        }
    }

    /**
     * Runs on the calling thread until the run has ended; an interrupt of that thread cancels the
     * run (the interrupt flag is restored before returning).
     *
     * @return the result (also completes {@link #result()})
     * @throws TaskLoadException when the task cannot be loaded
     */
    public RunResult execute() {
        coordinator = Thread.currentThread();
        boolean interrupted = false;
        Instant startedAt = config.clock().instant();
        Secrets secrets = new Secrets(config.secretResolvers());
        List<String> staticMasks = new ArrayList<>(options.maskedValues());
        for (RegistryCredential c : options.credentials()) {
            staticMasks.add(c.password());
        }
        try {
            try {
                task = TaskLoading.load(source, options, config, secrets, runId,
                        options.date().orElse(startedAt));
                masker = SecretMasker.of(staticMasks).with(secrets.values());
                buildGraph(task);
            } catch (TaskLoadException e) {
                SecretMasker m = SecretMasker.of(staticMasks).with(secrets.values());
                TaskLoadException masked = new TaskLoadException(m.mask(e.getMessage()),
                        m.maskAll(e.problems()), null);
                masked.setStackTrace(e.getStackTrace());
                future.completeExceptionally(masked);
                throw masked;
            }
            List<RunListener> listeners = new ArrayList<>(config.listeners());
            listeners.addAll(options.listeners());
            events = new EventSink(listeners);
            events.emit(new RunEvent.RunStarted(runId, config.clock().instant(), task,
                    task.steps().stream().map(Step::id).toList(), masker));
            LOG.debug("run {}: started, {} steps", runId, nodes.size());

            String setupFailure = null;
            if (!cancelRequested) {
                synchronized (openGuard) {
                    opening = true;
                }
                try {
                    session = config.runtime().open(new RunSetup(runId, task, options.context(),
                            options.sharedVolume(), options.credentials(), options.labels()));
                } catch (RuntimeFailure f) {
                    // The reference prints a setup error as it is (errors.md X-1..X-7): no prefix here.
                    setupFailure = masker.mask(String.valueOf(f.getMessage()));
                    LOG.debug("run {}: {}", runId, setupFailure);
                } catch (InterruptedException e) {
                    // cancel() sets the flag before it interrupts; otherwise the caller of run() interrupted us.
                    interrupted |= !cancelRequested;
                    cancelRequested = true;
                } finally {
                    synchronized (openGuard) {
                        opening = false;
                        if (Thread.interrupted()) {
                            interrupted |= !cancelRequested;
                            cancelRequested = true;
                        }
                    }
                }
                if (cancelRequested && session != null) {
                    LOG.debug("run {}: cancelled while the session was being opened", runId);
                }
            }

            RunStatus status;
            Optional<String> failureMessage;
            if (setupFailure != null) {
                status = RunStatus.FAILED;
                failureMessage = Optional.of(finalMessage(setupFailure));
            } else {
                if (session != null) {
                    interrupted |= schedule();
                }
                lock.lock();
                try {
                    if (abort == null && cancelRequested) {
                        abort = new Abort(RunStatus.CANCELLED, "run cancelled", StepFailure.Reason.CANCELLED);
                    }
                    status = abort == null ? RunStatus.SUCCEEDED : abort.status();
                    failureMessage = abort == null ? Optional.empty()
                            : Optional.of(finalMessage(masker.mask(abort.message())));
                } finally {
                    lock.unlock();
                }
            }
            if (status == RunStatus.SUCCEEDED && session != null) {
                populateDigests();
            }
            closeSession();
            workers.shutdown();
            if (timers != null) {
                timers.shutdownNow();
                interrupted |= awaitTermination(timers);
            }

            List<StepResult> results = new ArrayList<>(nodes.size());
            for (Node node : nodes) {
                if (node.result == null) {
                    node.result = StepResult.skipped(node.step.id(), node.step.kind());
                    events.emit(new RunEvent.StepFinished(runId, config.clock().instant(), node.result));
                }
                results.add(node.result);
            }
            Instant endedAt = config.clock().instant();
            RunResult result = new RunResult(runId, status, failureMessage, results, startedAt, endedAt,
                    Duration.between(startedAt, endedAt));
            LOG.debug("run {}: finished {}", runId, status);
            events.emit(new RunEvent.RunFinished(runId, config.clock().instant(), result));
            future.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            // Never leave resources behind, whatever went wrong in here.
            closeSession();
            workers.shutdownNow();
            if (timers != null) {
                timers.shutdownNow();
            }
            future.completeExceptionally(e);
            throw e;
        } finally {
            coordinator = null;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Checks the graph (ids, dependencies, cycles: {@link StepGraph}'s rules) and builds the nodes from it. */
    private void buildGraph(Task t) {
        StepGraph graph;
        try {
            graph = t.graph();
        } catch (StepGraph.InvalidGraphException e) {
            throw new TaskLoadException(e.getMessage(), List.of(), null);
        }
        List<Node> list = new ArrayList<>();
        Map<String, Node> byId = new HashMap<>();
        for (String id : graph.ids()) {
            Node node = new Node(graph.step(id), list.size());
            byId.put(id, node);
            list.add(node);
        }
        for (Node node : list) {
            node.remaining = graph.dependenciesOf(node.step.id()).size();
            for (String child : graph.dependentsOf(node.step.id())) {
                node.children.add(byId.get(child));
            }
        }
        nodes = List.copyOf(list);
    }

    /** Starts the roots and waits until the graph is done; returns whether the caller was interrupted. */
    private boolean schedule() {
        boolean interrupted = false;
        timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "multistep-" + runId + "-timer");
            t.setDaemon(true);
            return t;
        });
        ((ScheduledThreadPoolExecutor) timers).setRemoveOnCancelPolicy(true);
        Optional<Duration> total = options.totalTimeout()
                .or(() -> task.totalTimeout().filter(s -> s > 0).map(config::seconds));
        total.ifPresent(d -> timers.schedule(() -> {
            lock.lock();
            try {
                abortLocked(new Abort(RunStatus.TIMED_OUT, "run timed out: totalTimeout of " + format(d)
                        + " exceeded", StepFailure.Reason.RUN_TIMED_OUT));
            } finally {
                lock.unlock();
            }
        }, d.toNanos(), TimeUnit.NANOSECONDS));

        lock.lock();
        try {
            if (cancelRequested) {
                abortLocked(new Abort(RunStatus.CANCELLED, "run cancelled", StepFailure.Reason.CANCELLED));
            }
            for (Node n : nodes) {
                if (n.remaining == 0) {
                    ready.add(n);
                }
            }
            dispatchLocked();
            while (!(running == 0 && (abort != null || ready.isEmpty()))) {
                try {
                    if (abort != null) {
                        long waited = System.nanoTime() - abortedAtNanos;
                        if (waited >= ABORT_GRACE_NANOS && !sessionClosed) {
                            // Steps ignore their interrupt: closing the session removes their containers under them.
                            LOG.warn("run {}: {} step(s) still running {} s after the run was stopped; closing the session",
                                    runId, running, TimeUnit.NANOSECONDS.toSeconds(waited));
                            lock.unlock();
                            try {
                                closeSession();
                            } finally {
                                lock.lock();
                            }
                            continue;
                        }
                        changed.awaitNanos(Math.max(1, ABORT_GRACE_NANOS - waited));
                    } else {
                        changed.await();
                    }
                } catch (InterruptedException e) {
                    // An interrupt of the thread in run() cancels the run.
                    interrupted = true;
                    cancelRequested = true;
                    abortLocked(new Abort(RunStatus.CANCELLED, "run cancelled", StepFailure.Reason.CANCELLED));
                }
            }
        } finally {
            lock.unlock();
        }
        // Every step has reported; let the pool's threads (and pending stop calls) end so none outlives the run.
        workers.shutdown();
        interrupted |= awaitTermination(workers);
        return interrupted;
    }

    /** Runs a task under a thread name that says which run and step it serves (pool threads are reused). */
    private static Runnable named(String name, Runnable task) {
        return () -> {
            Thread t = Thread.currentThread();
            String previous = t.getName();
            t.setName(name);
            try {
                task.run();
            } finally {
                t.setName(previous);
            }
        };
    }

    /** Starts ready steps while the cap allows. */
    private void dispatchLocked() {
        int cap = config.maxParallelSteps();
        while (abort == null && !ready.isEmpty() && (cap <= 0 || running < cap)) {
            Node node = ready.poll();
            node.started = true;
            running++;
            StepExecution execution = new StepExecution(this, node);
            node.execution = execution;
            workers.execute(named("multistep-" + runId + "-" + node.step.id(), execution));
        }
    }

    /** Called by a step's thread once its result (and StepFinished event) is out. */
    void stepDone(Node node, StepResult result) {
        lock.lock();
        try {
            node.result = result;
            running--;
            if (result.isSuccessful()) {
                if (abort == null) {
                    for (Node child : node.children) {
                        if (--child.remaining == 0) {
                            ready.add(child);
                        }
                    }
                }
            } else if (result.status() == io.multistep.engine.StepStatus.FAILED
                    || result.status() == io.multistep.engine.StepStatus.TIMED_OUT) {
                if (abort == null) {
                    String cause = result.failure().map(StepFailure::message).orElse("failed");
                    boolean stepTimeout = result.failure().map(f -> f.reason() == StepFailure.Reason.TIMED_OUT)
                            .orElse(false);
                    abortLocked(new Abort(stepTimeout ? RunStatus.TIMED_OUT : RunStatus.FAILED,
                            "failed to run step ID: " + node.step.id() + ": " + cause,
                            StepFailure.Reason.ANOTHER_STEP_FAILED));
                }
            }
            dispatchLocked();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Fail-fast, cancel and total timeout: the first abort wins; running steps are interrupted and stopped. */
    private void abortLocked(Abort reason) {
        if (abort != null || nodes == null) {
            return;
        }
        abort = reason;
        abortedAtNanos = System.nanoTime();
        ready.clear();
        LOG.debug("run {}: stopping: {}", runId, masker.mask(reason.message()));
        List<StepExecution> toStop = new ArrayList<>();
        for (Node n : nodes) {
            if (n.started && n.result == null && n.execution != null) {
                toStop.add(n.execution);
            }
        }
        for (StepExecution e : toStop) {
            // Interrupt now (cheap); the runtime's stop() may block, so it runs on the step's stopper thread.
            e.abort(reason.reasonForRunning(), reason.message());
        }
        changed.signalAll();
    }

    /** The reference's end-of-run digest pass over every build step's dependency report. */
    private void populateDigests() {
        for (Node node : nodes) {
            StepResult r = node.result;
            if (r == null || r.dependencies().isEmpty()) {
                continue;
            }
            try {
                List<ImageDependency> filled = session.populateDigests(r.dependencies());
                node.result = new StepResult(r.id(), r.kind(), r.status(), r.exitCode(), r.attempts(), r.startedAt(),
                        r.endedAt(), r.duration(), r.failure(), r.images(), filled, r.outputTail());
            } catch (RuntimeException e) {
                LOG.debug("run {}: populating the digests of step {} failed: {}", runId, r.id(), masker.mask(String.valueOf(e)));
            }
        }
    }

    /** Closes the session once; never throws. */
    private void closeSession() {
        RuntimeSession s;
        lock.lock();
        try {
            if (sessionClosed || session == null) {
                sessionClosed = true;
                return;
            }
            sessionClosed = true;
            s = session;
        } finally {
            lock.unlock();
        }
        try {
            s.close();
        } catch (RuntimeException e) {
            LOG.warn("run {}: closing the runtime session failed: {}", runId, masker.mask(String.valueOf(e)));
        }
    }

    private static boolean awaitTermination(java.util.concurrent.ExecutorService executor) {
        boolean interrupted = false;
        while (true) {
            try {
                if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
                    return interrupted;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    /** The reference shows every {@code context deadline exceeded} of its final message as {@code timed out} (execution.md §2). */
    static String finalMessage(String message) {
        return message.replace("context deadline exceeded", "timed out");
    }

    static String format(Duration d) {
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }

    // --- what step executions need ---

    EngineConfig config() {
        return config;
    }

    SecretMasker masker() {
        return masker;
    }

    EventSink events() {
        return events;
    }

    RuntimeSession session() {
        return session;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    /** Stops a step's container without blocking the caller (timers and aborts must stay responsive). */
    void stopAsync(String stepId) {
        Runnable stop = () -> {
            try {
                session.stop(stepId);
            } catch (RuntimeException e) {
                LOG.warn("run {}: stopping step {} failed: {}", runId, stepId, masker.mask(String.valueOf(e)));
            }
        };
        try {
            workers.execute(named("multistep-" + runId + "-" + stepId + "-stop", stop));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            stop.run(); // the run is ending: stop inline rather than not at all
        }
    }
}
