package io.multistep.engine.spi;

import org.apiguardian.api.API;

/**
 * Where steps run: the SPI a container platform implements (the Docker runtime is the default;
 * a remote Docker or a Kubernetes runtime fit the same shape).
 *
 * <p>The engine opens one {@link RuntimeSession} per run, executes step attempts through it, and
 * closes it when the run ends, whatever the outcome. Retries, repeats, timeouts, start delays,
 * {@code ignoreErrors} and exit-code rules are the engine's business: a runtime executes one
 * attempt at a time and reports what happened.
 *
 * <p>Implementations must be thread-safe: one runtime serves many concurrent runs, and one session
 * executes independent steps in parallel.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ContainerRuntime extends AutoCloseable {

    /**
     * Prepares a run: its networks, its workspace and its secret volumes.
     *
     * @param setup what the run needs
     * @return the session through which the run's steps execute
     * @throws RuntimeFailure when the run cannot be prepared (nothing is left behind then)
     * @throws InterruptedException when the calling thread is interrupted
     */
    RuntimeSession open(RunSetup setup) throws RuntimeFailure, InterruptedException;

    /**
     * A short human name for reports and logs, for example {@code docker 24.0.7 (unix:///var/run/docker.sock)}.
     */
    default String describe() {
        return getClass().getSimpleName();
    }

    /** Releases the runtime's own resources (connections, threads). Sessions must be closed first. */
    @Override
    default void close() {}
}
