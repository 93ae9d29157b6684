package io.multistep.test.internal;

import io.multistep.engine.RunEvent;
import io.multistep.engine.RunListener;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/** Records which runs an engine started and which finished, so a test's runs can be cleaned up. */
public final class RunTracker implements RunListener {
    private final Set<String> started = new LinkedHashSet<>();
    private final Set<String> finished = new LinkedHashSet<>();

    @Override
    public synchronized void runStarted(RunEvent.RunStarted event) {
        started.add(event.runId());
    }

    @Override
    public synchronized void runFinished(RunEvent.RunFinished event) {
        finished.add(event.runId());
        notifyAll();
    }

    /** The ids of every run started so far. @return a copy */
    public synchronized Set<String> started() {
        return Set.copyOf(started);
    }

    /**
     * Waits until every started run has finished (a test may have left one running with
     * {@code Engine.start}).
     *
     * @param limit how long to wait at most
     * @return the runs still unfinished after the wait
     * @throws InterruptedException when interrupted
     */
    public synchronized Set<String> awaitFinished(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!finished.containsAll(started)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        Set<String> open = new LinkedHashSet<>(started);
        open.removeAll(finished);
        return open;
    }
}
