package io.multistep.engine.internal;

import io.multistep.engine.RunEvent;
import io.multistep.engine.RunListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one run's events to its listeners, one event at a time, isolating the run from
 * listener exceptions. Events are masked by whoever creates them.
 */
final class EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(EventSink.class);

    private final List<RunListener> listeners;

    EventSink(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** Delivers an event; synchronized so a run's listeners never see two events at once. */
    synchronized void emit(RunEvent event) {
        for (RunListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                // A listener must never break a run: log (type only, the message may echo a secret we cannot see) and go on.
                LOG.warn("run {}: listener {} threw {} on {}; ignored", event.runId(), listener.getClass().getName(),
                        t.getClass().getName(), event.getClass().getSimpleName());
            }
        }
    }
}
