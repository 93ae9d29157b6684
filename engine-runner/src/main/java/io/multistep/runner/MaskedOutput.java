package io.multistep.runner;

import io.multistep.engine.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Stdout and stderr of a command that prints a task ({@code render}, {@code validate},
 * {@code graph}, {@code exec --dry-run}): collected, then written with every secret value masked,
 * as {@code exec} masks what its steps print. Their output is small, so it is masked whole.
 */
final class MaskedOutput implements AutoCloseable {

    private final SecretMasker masker;
    private final PrintStream realOut;
    private final PrintStream realErr;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    MaskedOutput(SecretMasker masker, PrintStream realOut, PrintStream realErr) {
        this.masker = masker;
        this.realOut = realOut;
        this.realErr = realErr;
    }

    /** Where the command writes its stdout. */
    PrintStream out() {
        return out;
    }

    /** Where the command writes its stderr. */
    PrintStream err() {
        return err;
    }

    /** Writes what was collected, masked, to the real streams. */
    @Override
    public void close() {
        write(errBytes, realErr);
        write(outBytes, realOut);
    }

    private void write(ByteArrayOutputStream bytes, PrintStream to) {
        String text = bytes.toString(StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            // Bytes, not print(): the text is UTF-8 whatever the platform's charset.
            to.writeBytes(masker.mask(text).getBytes(StandardCharsets.UTF_8));
            to.flush();
        }
    }
}
