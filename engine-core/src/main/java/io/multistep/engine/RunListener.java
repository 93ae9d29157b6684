package io.multistep.engine;

import org.apiguardian.api.API;

/**
 * Observes runs. Every method has a no-op default: override what you need, or override
 * {@link #onEvent(RunEvent)} alone to receive every event as a value.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>The events of one run are delivered one at a time, never concurrently, so a listener used
 *       for a single run need not be thread-safe. A listener given to the {@link Engine} receives
 *       the events of all its runs, which may execute at the same time: it must be thread-safe.</li>
 *   <li>{@link RunEvent.RunStarted} is the first event of a run and {@link RunEvent.RunFinished}
 *       the last; it comes after the runtime session is closed.</li>
 *   <li>For one step: {@code StepStarted} → for each attempt {@code ContainerStarted} (when the
 *       runtime reports it) and its {@code LogLine}s in order (lines of one stream keep their
 *       order) → {@code StepRetried} between attempts → exactly one {@code StepFinished}. Lines a
 *       runtime delivers after its attempt returned are dropped.</li>
 *   <li>A step's {@code StepFinished} comes before the {@code StepStarted} of every step that
 *       depends on it. Skipped steps get a {@code StepFinished} only (at the end of the run).</li>
 *   <li>Every text in an event is masked (see {@link SecretMasker}).</li>
 *   <li>An exception thrown by a listener is logged and otherwise ignored: it never breaks the run
 *       or keeps other listeners from their events.</li>
 *   <li>Listener methods run on engine threads: return quickly (a slow listener slows the run's
 *       output, not its steps' containers).</li>
 * </ul>
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public interface RunListener {

    /**
     * Receives every event. The default dispatches to the typed methods below.
     *
     * @param event the event
     */
    default void onEvent(RunEvent event) {
        if (event instanceof RunEvent.RunStarted e) {
            runStarted(e);
        } else if (event instanceof RunEvent.StepStarted e) {
            stepStarted(e);
        } else if (event instanceof RunEvent.ContainerStarted e) {
            containerStarted(e);
        } else if (event instanceof RunEvent.LogLine e) {
            logLine(e);
        } else if (event instanceof RunEvent.StepRetried e) {
            stepRetried(e);
        } else if (event instanceof RunEvent.StepFinished e) {
            stepFinished(e);
        } else if (event instanceof RunEvent.RunFinished e) {
            runFinished(e);
        }
    }

    /** The run begins. @param event the event */
    default void runStarted(RunEvent.RunStarted event) {}

    /** A step begins. @param event the event */
    default void stepStarted(RunEvent.StepStarted event) {}

    /** An attempt's container runs. @param event the event */
    default void containerStarted(RunEvent.ContainerStarted event) {}

    /** A line of output. @param event the event */
    default void logLine(RunEvent.LogLine event) {}

    /** An attempt failed and will be retried. @param event the event */
    default void stepRetried(RunEvent.StepRetried event) {}

    /** A step ended (or was skipped). @param event the event */
    default void stepFinished(RunEvent.StepFinished event) {}

    /** The run ended. @param event the event */
    default void runFinished(RunEvent.RunFinished event) {}
}
