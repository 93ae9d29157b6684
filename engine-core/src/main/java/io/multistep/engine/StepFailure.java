package io.multistep.engine;

import io.multistep.engine.spi.RuntimeFailure;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Why a step did not succeed.
 *
 * @param message the cause as the reference words it, masked: {@code exit status 1}, {@code timed out},
 *     a runtime's message, or several {@code repeat} iterations' errors joined with {@code ", "}
 * @param reason the kind of cause
 * @param runtimeKind the runtime's classification when {@code reason} is {@link Reason#RUNTIME}
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public record StepFailure(String message, Reason reason, Optional<RuntimeFailure.Kind> runtimeKind) {

    /** The kinds of cause. */
    public enum Reason {
        /** The container exited with a code that counts as failure ({@code exitedWith}/{@code exitedWithout} or non-zero). */
        EXIT_CODE,
        /** The runtime could not run the attempt to its end; see {@link StepFailure#runtimeKind()}. */
        RUNTIME,
        /** The step's own timeout expired. */
        TIMED_OUT,
        /** The run's total timeout expired while the step ran. */
        RUN_TIMED_OUT,
        /** The run was cancelled while the step ran. */
        CANCELLED,
        /** Another step failed while this one ran (fail-fast). */
        ANOTHER_STEP_FAILED
    }

    /** Checks the arguments. */
    public StepFailure {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(runtimeKind, "runtimeKind");
    }
}
