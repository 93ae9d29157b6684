package io.multistep.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Fails a test that leaks a test secret (see {@link TestSecrets}): registered for every test through
 * {@code META-INF/services} (Jupiter's extension autodetection, which the build turns on).
 *
 * <p>It tees {@code System.out} and {@code System.err} (where log output goes too) and checks each
 * line; it checks the message (and causes) of the exception a test fails with, and replaces it by a
 * masked one so the leak does not reach the report either; and it collects what tests hand to
 * {@link TestSecrets#scan}. After each test (and after each class, for output outside a test) any
 * leak found fails it, naming the test, the channel and the leaked text with the value masked.
 */
public final class SecretLeakCheck implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback, TestExecutionExceptionHandler {

    private static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();
    private static volatile LineScanner out;
    private static volatile LineScanner err;

    /** Used by the service loader. */
    public SecretLeakCheck() {}

    /** Records a leak for the running test. */
    static void record(String channel, String maskedExcerpt) {
        LEAKS.add(channel + ": " + maskedExcerpt);
    }

    private static synchronized void installTee() {
        // Again when a test or a runner set its own streams back: the check follows System.out.
        if (out == null || System.out != out.print) {
            out = new LineScanner("stdout", System.out);
            System.setOut(out.print);
        }
        if (err == null || System.err != err.print) {
            err = new LineScanner("stderr", System.err);
            System.setErr(err.print);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        installTee();
        check(context, "before the class's tests");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        installTee();
        check(context, "before it ran");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        check(context, null);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(context, "outside its tests");
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains(TestSecrets.MARKER)) {
                AssertionError masked = new AssertionError(context.getDisplayName() + " failed with an exception"
                        + " whose message holds a test secret (masked here): " + t.getClass().getName() + ": "
                        + TestSecrets.mask(message));
                masked.setStackTrace(t.getStackTrace());
                throw masked;
            }
        }
        throw thrown;
    }

    private static void check(ExtensionContext context, String when) {
        flushPartialLines();
        List<String> leaks = new ArrayList<>();
        for (String leak = LEAKS.poll(); leak != null; leak = LEAKS.poll()) {
            leaks.add(leak);
        }
        if (!leaks.isEmpty()) {
            String who = context.getRequiredTestClass().getSimpleName()
                    + context.getTestMethod().map(m -> "#" + m.getName()).orElse("");
            throw new AssertionError("test secret leaked by " + who + (when == null ? "" : " (" + when + ")")
                    + " on " + String.join("; on ", leaks));
        }
    }

    private static void flushPartialLines() {
        LineScanner o = out;
        LineScanner e = err;
        if (o != null) {
            o.flushLine();
        }
        if (e != null) {
            e.flushLine();
        }
    }

    /** Passes bytes on to the original stream and checks each complete line for the marker. */
    private static final class LineScanner extends OutputStream {
        private static final int MAX_LINE = 64 * 1024;
        private final String channel;
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        final PrintStream print;

        LineScanner(String channel, PrintStream target) {
            this.channel = channel;
            this.target = target;
            this.print = new PrintStream(this, true, Charset.defaultCharset());
        }

        @Override
        public synchronized void write(int b) {
            target.write(b);
            line.write(b);
            if (b == '\n' || line.size() >= MAX_LINE) {
                flushLine();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            target.write(b, off, len);
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n' || line.size() + (i - start) >= MAX_LINE) {
                    line.write(b, start, i + 1 - start);
                    start = i + 1;
                    flushLine();
                }
            }
            line.write(b, start, off + len - start);
        }

        @Override
        public void flush() {
            target.flush();
        }

        synchronized void flushLine() {
            if (line.size() > 0) {
                String text = line.toString(Charset.defaultCharset());
                line.reset();
                if (text.contains(TestSecrets.MARKER)) {
                    record(channel, TestSecrets.excerpt(text));
                }
            }
        }
    }
}
