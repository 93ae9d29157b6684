package io.multistep.runner;

import io.multistep.docker.DockerRuntime;
import io.multistep.engine.spi.RuntimeFailure;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code multistep prune}: removes the containers, networks and volumes of runs that died. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Removes leftovers (containers, networks, volumes labelled io.multistep.run-id) of runs that died.")
final class PruneCommand implements Callable<Integer> {

    @Option(names = "--older-than", paramLabel = "SECONDS",
            description = "Only resources created at least this long ago (default: all).")
    Long olderThan;

    @Option(names = "--run", paramLabel = "ID", description = "Only the resources of this run.")
    String runId;

    @Override
    public Integer call() {
        Logging.configure(false);
        try (DockerRuntime runtime = DockerRuntime.builder().build()) {
            List<String> removed = runId != null
                    ? runtime.pruneRun(runId)
                    : runtime.prune(Optional.ofNullable(olderThan).map(Duration::ofSeconds));
            removed.forEach(System.out::println);
            System.err.println("Removed " + removed.size() + " resource(s).");
            return Main.OK;
        } catch (RuntimeFailure e) {
            System.err.println("error: " + e.getMessage());
            return Main.FAILED;
        }
    }
}
