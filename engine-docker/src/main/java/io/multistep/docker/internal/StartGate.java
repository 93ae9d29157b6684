package io.multistep.docker.internal;

import io.multistep.engine.spi.StepOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds back a container's output lines until its start has been reported. The output is attached
 * before the start (so no byte is lost), which lets the first lines arrive before the start call
 * returns; listeners are promised "container started" before the container's lines.
 */
final class StartGate implements StepOutput {

    private final StepOutput output;
    private List<Object[]> held = new ArrayList<>();

    StartGate(StepOutput output) {
        this.output = output;
    }

    @Override
    public synchronized void line(Stream stream, String text) {
        if (held != null) {
            held.add(new Object[] {stream, text});
        } else {
            output.line(stream, text);
        }
    }

    /** Reports the start, then lets the held lines and all later ones through. */
    synchronized void started(String containerId) {
        if (held != null) {
            output.containerStarted(containerId);
            release();
        }
    }

    /** Lets the held lines through without a start (the start failed). Idempotent. */
    synchronized void release() {
        if (held == null) {
            return;
        }
        List<Object[]> lines = held;
        held = null;
        for (Object[] l : lines) {
            output.line((Stream) l[0], (String) l[1]);
        }
    }
}
