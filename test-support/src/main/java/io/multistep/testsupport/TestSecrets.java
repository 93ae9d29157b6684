package io.multistep.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The test suite's secret values, and the check that none leaks.
 *
 * <p>Convention: every secret value a test declares contains {@value #MARKER}, at its start
 * ({@link #value(String)} makes one), so that even the first characters of a value cut short in a
 * message are caught. {@link SecretLeakCheck} fails a test when the marker appears in anything the
 * test produced: {@code System.out}/{@code System.err} (log output included), the message of the
 * exception it failed with, report files it names through {@link #scanFile}, or text it captured
 * from a child process or an in-process command line and hands to {@link #scan}.
 */
public final class TestSecrets {

    /** What every test secret contains. */
    public static final String MARKER = "S3cr3t";

    /** A test secret as a message shows it: the marker and the characters around it that a value holds. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.+/-]*" + MARKER + "[A-Za-z0-9_.+/=-]*");

    private TestSecrets() {}

    /**
     * A test secret value.
     *
     * @param name what tells it from the test's other secrets (letters, digits, dashes)
     * @return {@code S3cr3t-<name>}
     */
    public static String value(String name) {
        return MARKER + "-" + name;
    }

    /**
     * Checks text a test captured (a child process's output, an in-process command's stdout); a
     * leak fails the running test when it ends.
     *
     * @param channel what the text is, e.g. {@code "stderr of multistep exec"}
     * @param text the text, may be {@code null}
     */
    public static void scan(String channel, String text) {
        if (text != null && text.contains(MARKER)) {
            SecretLeakCheck.record(channel, excerpt(text));
        }
    }

    /**
     * Checks a file the code under test wrote (a report); a missing file is no leak.
     *
     * @param file the file
     */
    public static void scanFile(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            scan("file " + file.getFileName(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Masks every test secret in a text.
     *
     * @param text the text
     * @return the text with each value that contains the marker shown as {@code S3***}
     */
    public static String mask(String text) {
        return text == null ? null : TOKEN.matcher(text).replaceAll("S3***");
    }

    /** The masked line around the first leak, short enough for a failure message. */
    static String excerpt(String text) {
        int at = text.indexOf(MARKER);
        int start = Math.max(0, Math.max(text.lastIndexOf('\n', at) + 1, at - 60));
        int newline = text.indexOf('\n', at);
        int end = Math.min(newline < 0 ? text.length() : newline, at + 60);
        return mask(text.substring(start, end)).strip();
    }
}
