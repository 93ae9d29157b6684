package io.multistep.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every fuzz target of this module checks about an error the code under test reported: it
 * is located, it reads as the reference's words (no Java class name, no stack trace, no
 * "internal error"), and its position lies inside the text that was given.
 */
public final class FuzzChecks {

    /** A qualified Java class name, a JDK exception's simple name, a stack frame, our fallback words. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(java|javax|jdk|sun|org\\.yaml|io\\.multistep)\\.[a-z]+\\.|\\b[A-Z][A-Za-z]*(Exception|Error)\\b"
                    + "|\\bat [\\w.$/]+\\(\\w+\\.java:\\d+\\)|internal error");

    private FuzzChecks() {
    }

    /**
     * Sends every {@code http(s)} request of the code under test to a closed loopback port: the
     * alias {@code src} list fetches URLs, and fuzzed input must never reach the network.
     */
    public static void noNetwork() {
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 9)));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        });
    }

    /**
     * Fails when {@code message} shows a Java class name, a stack frame or an internal error that
     * is not simply part of {@code input} echoed back (the fuzzer learns these words too).
     */
    public static void readsAsOurs(String what, String message, String input) {
        if (message == null || message.isBlank()) {
            throw new AssertionError(what + " has no message");
        }
        Matcher m = INTERNALS.matcher(message);
        while (m.find()) {
            if (!input.contains(m.group())) {
                throw new AssertionError(what + " shows Java internals (" + m.group() + "): " + message);
            }
        }
    }

    /**
     * Fails unless the location {@code locFile:line:column} names {@code file} and, when known
     * (line above 0), lies within {@code text}.
     */
    public static void inside(String what, String locFile, int line, int column, String file, String text) {
        if (!locFile.equals(file)) {
            throw new AssertionError(what + " names " + locFile + " instead of " + file);
        }
        if (line <= 0) {
            return;
        }
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        if (line > lines || column < 1) {
            throw new AssertionError(what + " is at " + locFile + ":" + line + ":" + column + " outside the "
                    + lines + " line(s) of the text");
        }
    }
}
