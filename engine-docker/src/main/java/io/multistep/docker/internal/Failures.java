package io.multistep.docker.internal;

import io.multistep.engine.spi.RuntimeFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Locale;

/** Maps docker-java exceptions to {@link RuntimeFailure} kinds. */
public final class Failures {
    private Failures() {}

    /**
     * Whether the exception says the engine cannot be reached at all (socket missing, connection
     * refused), as opposed to the engine answering with an error.
     */
    public static boolean isUnreachable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) {
                return true;
            }
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (c instanceof IOException && (m.contains("connection refused") || m.contains("no such file")
                    || m.contains("connect timed out"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a registry message means missing or refused credentials. */
    public static boolean isAuthError(String message) {
        String m = String.valueOf(message).toLowerCase(Locale.ROOT);
        return m.contains("unauthorized") || m.contains("authentication required") || m.contains("denied")
                || m.contains("no basic auth credentials") || m.contains("401");
    }

    /**
     * Whether the exception says an established connection to the engine broke off (the engine
     * stopped or restarted mid-call), as opposed to never being reached.
     */
    public static boolean isConnectionLost(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String name = c.getClass().getSimpleName();
            if (name.equals("ConnectionClosedException") || name.equals("NoHttpResponseException")
                    || name.equals("MalformedChunkCodingException") || name.equals("TruncatedChunkException")
                    || c instanceof java.io.EOFException) {
                return true;
            }
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (c instanceof IOException && (m.contains("premature end") || m.contains("connection reset")
                    || m.contains("broken pipe") || m.contains("connection closed") || m.contains("end of stream"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the exception says the engine took longer to answer than allowed. */
    public static boolean isTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.net.SocketTimeoutException
                    && !String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT).contains("connect timed out")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the exception says the engine is gone: never reached, or the connection lost mid-call. */
    public static boolean isEngineGone(Throwable t) {
        return isUnreachable(t) || isConnectionLost(t);
    }

    /** Whether a failure of this kind means the engine itself is gone (not reached, or the connection lost). */
    public static boolean isEngineGone(RuntimeFailure.Kind kind) {
        return kind == RuntimeFailure.Kind.DAEMON_UNREACHABLE || kind == RuntimeFailure.Kind.CONNECTION_LOST;
    }

    /**
     * Wraps an unexpected docker-java exception in a typed failure whose message says what was being
     * done (including the step id), names the engine when the engine is at fault, and carries no
     * library class names.
     *
     * @param dockerHost the engine address, for the message
     * @param what what was being done, including the step id
     * @param e the exception
     * @return the failure to throw
     */
    public static RuntimeFailure map(String dockerHost, String what, Throwable e) {
        String detail = rootMessage(e);
        if (isUnreachable(e)) {
            return new RuntimeFailure(RuntimeFailure.Kind.DAEMON_UNREACHABLE,
                    what + ": the Docker engine at " + dockerHost + " cannot be reached (" + detail
                            + "); is it running? (DOCKER_HOST selects another engine)", e);
        }
        if (isConnectionLost(e)) {
            return new RuntimeFailure(RuntimeFailure.Kind.CONNECTION_LOST,
                    what + ": the connection to the Docker engine at " + dockerHost + " was lost (" + detail
                            + "); did the engine stop or restart?", e);
        }
        if (isTimeout(e)) {
            return new RuntimeFailure(RuntimeFailure.Kind.TIMED_OUT,
                    what + ": the Docker engine at " + dockerHost + " did not answer in time (" + detail + ")", e);
        }
        if (e instanceof com.github.dockerjava.api.exception.NotFoundException) {
            return new RuntimeFailure(RuntimeFailure.Kind.NOT_FOUND, what + ": " + daemonMessage(detail)
                    + " (Docker engine at " + dockerHost + ")", e);
        }
        if (e instanceof com.github.dockerjava.api.exception.ConflictException) {
            return new RuntimeFailure(RuntimeFailure.Kind.CONFLICT, what + ": " + daemonMessage(detail)
                    + " (Docker engine at " + dockerHost + ")", e);
        }
        if (e instanceof com.github.dockerjava.api.exception.UnauthorizedException
                || (e instanceof com.github.dockerjava.api.exception.DockerException d && d.getHttpStatus() == 401)) {
            return new RuntimeFailure(RuntimeFailure.Kind.AUTH_FAILED, what + ": " + daemonMessage(detail)
                    + " (Docker engine at " + dockerHost + ")", e);
        }
        // The engine's own words, as the docker CLI prints them, not docker-java's "Status 500: {json}".
        return new RuntimeFailure(RuntimeFailure.Kind.OTHER, what + ": " + daemonMessage(detail), e);
    }

    private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
            "\\b(?:[a-z_$][a-z0-9_$]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    /**
     * The message of the exception, or of its cause when it has none, without Java class names (a
     * message that is only a class name becomes its words: {@code connection closed}).
     */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (true) {
            String m = t.getMessage() == null ? "" : CLASS_NAME.matcher(t.getMessage()).replaceAll("").strip();
            if (!m.isEmpty()) {
                return m;
            }
            if (t.getCause() == null || t.getCause() == t) {
                return words(t.getClass().getSimpleName());
            }
            t = t.getCause();
        }
    }

    /** {@code ConnectionClosedException} → {@code connection closed}. */
    private static String words(String simpleName) {
        String base = simpleName.replaceFirst("(Exception|Error)$", "");
        return base.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static final java.util.regex.Pattern API_ERROR =
            java.util.regex.Pattern.compile("Status \\d+: (\\{.*})", java.util.regex.Pattern.DOTALL);

    /**
     * The engine's own words in a docker-java API error ({@code Status 500: {"message":"…"}} → {@code …}),
     * as the docker CLI prints them after "Error response from daemon: "; other text as it is.
     */
    public static String daemonMessage(String message) {
        var m = API_ERROR.matcher(message.strip());
        if (m.matches()) {
            try {
                var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.group(1));
                if (node.hasNonNull("message")) {
                    return node.get("message").asText();
                }
            } catch (java.io.IOException e) {
                // not JSON after all
            }
        }
        return message;
    }
}
