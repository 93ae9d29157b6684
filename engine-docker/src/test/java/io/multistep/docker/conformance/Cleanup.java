package io.multistep.docker.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.multistep.engine.spi.RunSetup;
import java.util.List;
import java.util.Map;

/** Removes what a run with {@code keep: true} left on purpose, then checks nothing of it is left. */
final class Cleanup {
    private Cleanup() {}

    static void run(DockerClient docker, ConformanceRuns runs, String runId) {
        for (var c : docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(RunSetup.RUN_ID_LABEL, runId)).exec()) {
            docker.removeContainerCmd(c.getId()).withForce(true).exec();
        }
        for (var n : docker.listNetworksCmd().withFilter("label", List.of(RunSetup.RUN_ID_LABEL + "=" + runId)).exec()) {
            try {
                docker.removeNetworkCmd(n.getId()).exec();
            } catch (NotFoundException e) {
                // gone
            }
        }
        var volumes = docker.listVolumesCmd().withFilter("label", List.of(RunSetup.RUN_ID_LABEL + "=" + runId))
                .exec().getVolumes();
        if (volumes != null) {
            for (var v : volumes) {
                try {
                    docker.removeVolumeCmd(v.getName()).exec();
                } catch (NotFoundException e) {
                    // gone
                }
            }
        }
        assertThat(runs.leftovers(runId)).as("nothing of run %s is left", runId).isEmpty();
    }
}
