package io.multistep.engine;

import io.multistep.engine.internal.EngineConfig;
import io.multistep.engine.internal.RunExecution;
import io.multistep.engine.spi.ContainerRuntime;
import io.multistep.engine.spi.SecretResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Runs ACR multi-step task files on a {@link ContainerRuntime}. Build one with {@link #builder()}
 * and reuse it: an engine is immutable and thread-safe, and any number of runs may execute at the
 * same time without interfering (each has its own session, threads and listeners).
 *
 * <pre>{@code
 * Engine engine = Engine.builder()
 *         .runtime(DockerRuntimes.local())
 *         .secretResolver(SecretResolvers.fromEnvironment("ACB_SECRET_"))
 *         .build();
 * RunResult result = engine.run(TaskSource.file(Path.of("acb.yaml")),
 *         RunOptions.builder().registry("127.0.0.1:5000").context(Path.of(".")).build());
 * if (!result.succeeded()) {
 *     System.err.println(result.failureMessage().orElseThrow());
 * }
 * }</pre>
 *
 * <p>Behaviour follows the reference runner ({@code acb}): steps start as soon as their
 * dependencies succeeded, a failed step ends the run (fail-fast) and the runtime session is always
 * closed. Deliberate improvements: a full {@link RunResult} for every run, {@code exitedWith} /
 * {@code exitedWithout} honoured, {@code totalTimeout}, cancellation, secret masking, an optional
 * cap on parallel steps, and no hang on duplicated dependencies.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Engine {

    private final EngineConfig config;

    private Engine(EngineConfig config) {
        this.config = config;
    }

    /** A new builder. @return the builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs a task and waits for its end. Interrupting the calling thread cancels the run; the
     * method then still waits for the cleanup, returns the {@link RunStatus#CANCELLED} result and
     * leaves the thread's interrupt flag set.
     *
     * @param source the task
     * @param options the run's inputs
     * @return the result, for failed, cancelled and timed-out runs too
     * @throws TaskLoadException when the task cannot be loaded (nothing ran)
     */
    public RunResult run(TaskSource source, RunOptions options) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        return new RunExecution(config, source, options).execute();
    }

    /**
     * Runs a task with default options and waits for its end.
     *
     * @param source the task
     * @return the result
     * @throws TaskLoadException when the task cannot be loaded
     */
    public RunResult run(TaskSource source) {
        return run(source, RunOptions.defaults());
    }

    /**
     * Starts a task on a new daemon thread ({@code multistep-<runId>}) and returns at once.
     *
     * @param source the task
     * @param options the run's inputs
     * @return a handle to wait for or cancel the run
     */
    public RunHandle start(TaskSource source, RunOptions options) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        RunExecution execution = new RunExecution(config, source, options);
        Thread thread = new Thread(() -> {
            try {
                execution.execute();
            } catch (RuntimeException | Error e) {
                // Already delivered through the handle's future.
            }
        }, "multistep-" + execution.runId());
        thread.setDaemon(true);
        thread.start();
        return execution;
    }

    /** The runtime steps run on. @return the runtime */
    public ContainerRuntime runtime() {
        return config.runtime();
    }

    /** The cap on parallel steps of one run; 0 means unlimited. @return the cap */
    public int maxParallelSteps() {
        return config.maxParallelSteps();
    }

    /** Builds an {@link Engine}. Not thread-safe; the engine it builds is. */
    public static final class Builder {
        private ContainerRuntime runtime;
        private final List<SecretResolver> secretResolvers = new ArrayList<>();
        private final List<RunListener> listeners = new ArrayList<>();
        private final Map<String, String> imageAliases = new LinkedHashMap<>();
        private int maxParallelSteps;
        private Clock clock = Clock.systemUTC();
        private Duration taskSecond = Duration.ofSeconds(1);
        private boolean environmentFunctions = true;

        private Builder() {}

        /** Sets where steps run (required). @param value the runtime @return this builder */
        public Builder runtime(ContainerRuntime value) {
            this.runtime = Objects.requireNonNull(value, "runtime");
            return this;
        }

        /**
         * Adds a secret resolver. Resolvers are asked in the order added; the first whose
         * {@link SecretResolver#supports} accepts a secret definition resolves it.
         *
         * @param value the resolver
         * @return this builder
         */
        public Builder secretResolver(SecretResolver value) {
            this.secretResolvers.add(Objects.requireNonNull(value, "secretResolver"));
            return this;
        }

        /** Adds a listener for every run of the engine; it must be thread-safe. @param value the listener @return this builder */
        public Builder listener(RunListener value) {
            this.listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /** Adds image aliases ({@code $name} → image) available to every task file. @param aliases the aliases @return this builder */
        public Builder imageAliases(Map<String, String> aliases) {
            this.imageAliases.putAll(aliases);
            return this;
        }

        /**
         * Caps how many steps of one run execute at the same time (the reference has no cap).
         *
         * @param value the cap; 0 means unlimited (the default)
         * @return this builder
         */
        public Builder maxParallelSteps(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxParallelSteps must be >= 0: " + value);
            }
            this.maxParallelSteps = value;
            return this;
        }

        /** Sets the clock for timestamps and {@code .Run.Date} (not for waiting). @param value the clock @return this builder */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets how long one second of a task file ({@code timeout}, {@code startDelay},
         * {@code retryDelay}, {@code totalTimeout}) lasts. One second by default; tests and
         * simulations shorten it (for example to 10 ms) to run time-dependent tasks fast.
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder timeScale(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeScale must be positive: " + value);
            }
            this.taskSecond = value;
            return this;
        }

        /**
         * Whether the templates' {@code env} and {@code expandenv} functions read this process's
         * environment, as the reference runner's do (default). Turn it off when task files come from
         * people who must not read the embedding application's environment; the functions then
         * see an empty environment.
         *
         * @param value {@code false} to hide the environment from templates
         * @return this builder
         */
        public Builder environmentFunctions(boolean value) {
            this.environmentFunctions = value;
            return this;
        }

        /**
         * Builds the engine.
         *
         * @return the engine
         * @throws IllegalStateException when no runtime was set
         */
        public Engine build() {
            if (runtime == null) {
                throw new IllegalStateException("an Engine needs a runtime: call runtime(...)");
            }
            return new Engine(new EngineConfig(runtime, secretResolvers, listeners, imageAliases, maxParallelSteps,
                    clock, taskSecond, environmentFunctions));
        }
    }
}
