package io.multistep.runner;

import io.multistep.docker.DockerRuntime;
import io.multistep.docker.PruneOptions;
import io.multistep.docker.PruneReport;
import io.multistep.engine.spi.RuntimeFailure;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code multistep prune}: removes the containers, networks and volumes of runs that died. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Removes leftovers (containers, networks, volumes labelled io.multistep.run-id) of runs whose"
                + " runner process is gone. Runs still going and kept containers (keep: true) are left."})
final class PruneCommand implements Callable<Integer> {

    @Option(names = "--older-than", paramLabel = "SECONDS",
            description = "Runs owned by a process on another host (which cannot be checked from here) count as"
                    + " gone once their resources are this old (default: 21600, six hours).")
    Long olderThan;

    @Option(names = "--kept", description = "Also remove the kept containers (keep: true) of runs that are gone.")
    boolean kept;

    @Option(names = "--run", paramLabel = "ID",
            description = "Remove every resource of this run, kept containers included, even while it runs.")
    String runId;

    @Override
    public Integer call() {
        Logging.configure(false);
        PruneOptions options = runId != null ? PruneOptions.run(runId) : PruneOptions.abandoned().withKept(kept);
        if (olderThan != null) {
            if (olderThan < 0) {
                System.err.println("error: --older-than expects a number of seconds >= 0, but got " + olderThan);
                return Main.INVALID;
            }
            options = options.withForeignOwnerAge(Duration.ofSeconds(olderThan));
        }
        try (DockerRuntime runtime = DockerRuntime.builder().build()) {
            PruneReport report = runtime.prune(options);
            report.removed().forEach(r -> System.out.println("removed " + r));
            report.spared().forEach(s -> System.out.println("spared " + s));
            System.err.println("Removed " + report.removed().size() + " resource(s), spared "
                    + report.spared().size() + ".");
            return Main.OK;
        } catch (RuntimeFailure e) {
            System.err.println("error: " + e.getMessage());
            return Main.FAILED;
        }
    }
}
