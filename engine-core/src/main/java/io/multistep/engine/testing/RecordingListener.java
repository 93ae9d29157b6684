package io.multistep.engine.testing;

import io.multistep.engine.RunEvent;
import io.multistep.engine.RunListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * A {@link RunListener} that records every event, for tests; thread-safe. Lets a test wait for an
 * event.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RecordingListener implements RunListener {

    private final List<RunEvent> events = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();

    private record Waiter(Predicate<RunEvent> test, CountDownLatch latch) {}

    @Override
    public void onEvent(RunEvent event) {
        List<Waiter> hit = new ArrayList<>();
        synchronized (this) {
            events.add(event);
            for (Waiter w : waiters) {
                if (w.test().test(event)) {
                    hit.add(w);
                }
            }
        }
        hit.forEach(w -> w.latch().countDown());
    }

    /** Every event so far. @return a copy */
    public synchronized List<RunEvent> events() {
        return List.copyOf(events);
    }

    /** The events of one type. @param type the type @param <T> the type @return them in order */
    public synchronized <T extends RunEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Blocks until an event matching the test arrives (or has arrived).
     *
     * @param test the condition
     * @return whether it arrived within 10 seconds
     * @throws InterruptedException when interrupted
     */
    public boolean await(Predicate<RunEvent> test) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        synchronized (this) {
            if (events.stream().anyMatch(test)) {
                return true;
            }
            waiters.add(new Waiter(test, latch));
        }
        return latch.await(10, TimeUnit.SECONDS);
    }

    /** A compact description of each event, for ordering assertions. @return lines such as {@code StepStarted a} */
    public synchronized List<String> describe() {
        List<String> out = new ArrayList<>();
        for (RunEvent e : events) {
            String name = e.getClass().getSimpleName();
            if (e instanceof RunEvent.StepStarted s) {
                out.add(name + " " + s.stepId());
            } else if (e instanceof RunEvent.ContainerStarted s) {
                out.add(name + " " + s.stepId());
            } else if (e instanceof RunEvent.LogLine s) {
                out.add(name + " " + s.stepId() + " " + s.text());
            } else if (e instanceof RunEvent.StepRetried s) {
                out.add(name + " " + s.stepId());
            } else if (e instanceof RunEvent.StepFinished s) {
                out.add(name + " " + s.result().id() + " " + s.result().status());
            } else if (e instanceof RunEvent.RunFinished s) {
                out.add(name + " " + s.result().status());
            } else {
                out.add(name);
            }
        }
        return out;
    }
}
