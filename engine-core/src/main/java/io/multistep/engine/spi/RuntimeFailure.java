package io.multistep.engine.spi;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An attempt, or a run's preparation, could not run to its end. The {@link Kind} says what
 * happened, so messages and retry rules can tell an absent image from a refused login.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class RuntimeFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The image does not exist locally and cannot be pulled. */
        IMAGE_NOT_FOUND,
        /** A registry refused the credentials (or asked for some). */
        AUTH_FAILED,
        /** An operation ran out of time. */
        TIMED_OUT,
        /** The container platform cannot be reached. */
        DAEMON_UNREACHABLE,
        /** The connection to the container platform broke off mid-call (it stopped or restarted). */
        CONNECTION_LOST,
        /** The container platform does not know a container, network, volume or image it was asked about. */
        NOT_FOUND,
        /** The container platform refused because of the state of something (a name in use, a removal under way). */
        CONFLICT,
        /** A build failed (Dockerfile error, failing {@code RUN}, bad context). */
        BUILD_FAILED,
        /** A push failed for a reason other than authentication. */
        PUSH_FAILED,
        /** The step asks for something this runtime does not support. */
        UNSUPPORTED,
        /** The step's definition cannot be carried out (bad {@code cmd} quoting, missing Dockerfile, ...). */
        INVALID_STEP,
        /** Anything else. */
        OTHER
    }

    private final Kind kind;

    /**
     * Creates a failure.
     *
     * @param kind what went wrong
     * @param message what happened, for a person
     */
    public RuntimeFailure(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * Creates a failure with a cause.
     *
     * @param kind what went wrong
     * @param message what happened, for a person
     * @param cause the underlying exception
     */
    public RuntimeFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }
}
