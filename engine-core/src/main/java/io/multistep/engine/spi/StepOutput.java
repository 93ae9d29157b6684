package io.multistep.engine.spi;

import org.apiguardian.api.API;

/**
 * Receives what a step attempt prints and does, as it happens. Implemented by the engine, which
 * masks secrets and forwards to listeners; calls may come from any thread, but the lines of one
 * stream arrive in order.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface StepOutput {

    /** Which of a container's output streams a line came from. */
    enum Stream {
        /** Standard output. */
        STDOUT,
        /** Standard error. */
        STDERR
    }

    /**
     * One line of output, without its line terminator.
     *
     * @param stream the stream it came from
     * @param text the line's text
     */
    void line(Stream stream, String text);

    /**
     * The step's container is running (so a silent step is visibly alive).
     *
     * @param containerId the runtime's id of the container
     */
    default void containerStarted(String containerId) {}
}
