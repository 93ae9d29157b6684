package io.multistep.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A loaded task file: rendered, parsed, validated and normalised.
 *
 * @param source the source name (the path as given, or {@code decoded})
 * @param version the version as written ({@code v1.0.0} when absent)
 * @param stepTimeout the default step timeout in seconds (600 when absent or {@code <= 0})
 * @param workingDirectory the task working directory, possibly from the command line; empty means
 *     {@code /workspace}
 * @param env the task environment merged with the command-line {@code --env} items
 * @param secrets the secret definitions
 * @param networks the networks, including the one from {@code --network} and the default network
 *     the reference adds when none is declared
 * @param volumes the secret volumes
 * @param steps the steps in file order
 * @param totalTimeout the whole run's limit in seconds ({@code totalTimeout}, our extension), if set
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Task(
        String source,
        String version,
        int stepTimeout,
        String workingDirectory,
        List<String> env,
        List<Secret> secrets,
        List<Network> networks,
        List<Volume> volumes,
        List<Step> steps,
        Optional<Integer> totalTimeout) {

    /** Checks the arguments and freezes the lists. */
    public Task {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        env = List.copyOf(env);
        secrets = List.copyOf(secrets);
        networks = List.copyOf(networks);
        volumes = List.copyOf(volumes);
        steps = List.copyOf(steps);
        Objects.requireNonNull(totalTimeout, "totalTimeout");
    }

    /**
     * The default network: the last network marked {@code isDefault}, as the reference resolves it.
     */
    public Optional<Network> defaultNetwork() {
        for (int i = networks.size() - 1; i >= 0; i--) {
            if (networks.get(i).isDefault()) {
                return Optional.of(networks.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The dependency graph of the steps, built and checked on each call.
     *
     * @throws StepGraph.InvalidGraphException when the steps do not form a graph (only a task built
     *     by hand can be such)
     */
    public StepGraph graph() {
        return StepGraph.of(this);
    }

    /** The step with this id, if any. */
    public Optional<Step> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
