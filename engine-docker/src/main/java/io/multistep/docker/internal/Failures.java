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
     * Wraps an unexpected docker-java exception.
     *
     * @param dockerHost the engine address, for the unreachable message
     * @param what what was being done, including the step id
     * @param e the exception
     * @return the failure to throw
     */
    public static RuntimeFailure map(String dockerHost, String what, RuntimeException e) {
        if (isUnreachable(e)) {
            return new RuntimeFailure(RuntimeFailure.Kind.DAEMON_UNREACHABLE,
                    what + ": the Docker engine at " + dockerHost + " cannot be reached (" + rootMessage(e)
                            + "); is it running? (DOCKER_HOST selects another engine)", e);
        }
        return new RuntimeFailure(RuntimeFailure.Kind.OTHER, what + ": " + rootMessage(e), e);
    }

    /** The message of the exception, or of its cause when it has none. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.strip();
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
