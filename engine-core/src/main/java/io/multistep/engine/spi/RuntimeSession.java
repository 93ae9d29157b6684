package io.multistep.engine.spi;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One run on a {@link ContainerRuntime}: executes step attempts and, when closed, removes
 * everything the run created (containers, networks, volumes), except what a step asked to
 * {@code keep}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface RuntimeSession extends AutoCloseable {

    /**
     * Executes one attempt of one step and blocks until it ends; a detached step returns as soon
     * as its container runs.
     *
     * <p>A non-zero exit code is not a failure here: it is reported in the outcome, and the
     * engine decides (with {@code exitedWith}, {@code retries}, ...) what it means.
     *
     * @param attempt which step, which attempt
     * @param output receives the step's output as it happens, line by line
     * @return what the attempt did
     * @throws RuntimeFailure when the attempt could not run to its end (image missing, auth
     *     refused, daemon gone, ...)
     * @throws InterruptedException when the engine interrupts the attempt (timeout, cancellation,
     *     fail-fast); the implementation stops what it started before it throws
     */
    StepOutcome execute(StepAttempt attempt, StepOutput output) throws RuntimeFailure, InterruptedException;

    /**
     * Prepares a step before its clock starts: the reference's {@code pull: true} pull of a cmd
     * step's image (with {@code cmdDownloadRetries}). Called once per step, after its
     * {@code startDelay} and before its first attempt; not covered by the step's {@code timeout}
     * and not part of its duration, as in the reference. A failure fails the step without retries.
     *
     * @param step the step
     * @param output receives what the preparation prints (pull progress)
     * @throws RuntimeFailure when the step cannot be prepared
     * @throws InterruptedException when the engine interrupts the preparation (cancellation)
     */
    default void prepare(io.multistep.spec.Step step, StepOutput output) throws RuntimeFailure, InterruptedException {}

    /**
     * Fills in the digests a build's dependency report could not know when the build ended, as the
     * reference does once every step has run: the built image's digest after a later step pushed
     * it, and base images' digests the engine knows. Called once, after the last step of a
     * successful run and before {@link #close()}. The default changes nothing.
     *
     * @param entries one build step's report entries
     * @return the entries with the digests found (never fewer entries); problems leave digests empty
     */
    default List<ImageDependency> populateDigests(List<ImageDependency> entries) {
        return entries;
    }

    /**
     * Stops and removes what the step's current attempt created (its container), unless the step
     * asked to keep it. Safe to call from any thread, at any time, more than once.
     *
     * @param stepId the step id
     */
    void stop(String stepId);

    /**
     * Tears the run down: stops and removes every container, network and volume the run created
     * (containers of {@code keep} steps stay). Never throws; problems are logged.
     */
    @Override
    void close();
}
