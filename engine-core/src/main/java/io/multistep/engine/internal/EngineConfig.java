package io.multistep.engine.internal;

import io.multistep.engine.RunListener;
import io.multistep.engine.spi.ContainerRuntime;
import io.multistep.engine.spi.SecretResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The settings an {@code Engine} was built with, shared by all its runs.
 *
 * @param runtime where steps run
 * @param secretResolvers resolvers in order of preference
 * @param listeners engine-wide listeners
 * @param imageAliases extra image aliases for task files
 * @param maxParallelSteps cap on concurrently running steps of one run; 0 = unlimited
 * @param clock source of timestamps
 * @param taskSecond how long one task-file second lasts (1 s except in tests and simulations)
 * @param environmentFunctions whether the templates' {@code env}/{@code expandenv} read the process environment
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record EngineConfig(
        ContainerRuntime runtime,
        List<SecretResolver> secretResolvers,
        List<RunListener> listeners,
        Map<String, String> imageAliases,
        int maxParallelSteps,
        Clock clock,
        Duration taskSecond,
        boolean environmentFunctions) {

    /** Checks the arguments and freezes the collections. */
    public EngineConfig {
        Objects.requireNonNull(runtime, "runtime");
        secretResolvers = List.copyOf(secretResolvers);
        listeners = List.copyOf(listeners);
        imageAliases = Map.copyOf(imageAliases);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(taskSecond, "taskSecond");
    }

    /** Converts task-file seconds to a duration, honouring {@link #taskSecond()}. */
    Duration seconds(int seconds) {
        return seconds <= 0 ? Duration.ZERO : taskSecond.multipliedBy(seconds);
    }
}
