package io.multistep.docker.internal;

import io.multistep.engine.spi.StepOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns a stream of byte chunks (Docker frames) into whole lines for a {@link StepOutput}. A line
 * may span frames; each stream keeps its own partial line, so stdout and stderr never mix.
 */
public final class OutputLines {
    private final StepOutput output;
    private final StepOutput.Stream stream;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    /**
     * @param output where complete lines go
     * @param stream the stream these bytes belong to
     */
    public OutputLines(StepOutput output, StepOutput.Stream stream) {
        this.output = output;
        this.stream = stream;
    }

    /** Adds bytes; emits every line they complete. */
    public synchronized void accept(byte[] bytes) {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                partial.write(bytes, start, i - start);
                emit();
                start = i + 1;
            }
        }
        partial.write(bytes, start, bytes.length - start);
    }

    /** Adds text (build and push streams are text). */
    public void accept(String text) {
        accept(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Emits the last line if it had no terminator. */
    public synchronized void flush() {
        if (partial.size() > 0) {
            emit();
        }
    }

    private void emit() {
        // Decode whole lines only, so a UTF-8 sequence split across frames stays intact.
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        output.line(stream, line);
    }
}
