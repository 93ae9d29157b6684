package io.multistep.engine.spi;

import io.multistep.spec.Step;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One attempt of one step, as the engine hands it to a {@link RuntimeSession}.
 *
 * @param step the normalised step (kind, command, env, mounts, network, ...)
 * @param iteration 0 for the first execution, then 1.. for each {@code repeat}
 * @param attempt 0 for the first try of an iteration, then 1.. for each retry
 * @param deadline when the step's {@code timeout} expires; the engine interrupts the attempt then
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StepAttempt(Step step, int iteration, int attempt, Instant deadline) {

    /** Checks the arguments. */
    public StepAttempt {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(deadline, "deadline");
    }
}
