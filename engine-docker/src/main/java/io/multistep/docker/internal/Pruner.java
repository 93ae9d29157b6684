package io.multistep.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.multistep.engine.spi.RunSetup;
import io.multistep.engine.spi.RuntimeFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Removes labelled leftovers of runs: containers first, then networks and volumes they used. */
public final class Pruner {
    private Pruner() {}

    /**
     * @param connection the engine
     * @param olderThan only resources whose creation label is at least this old
     * @param runId only this run's resources (then even an open session's)
     * @return what was removed
     */
    public static List<String> prune(DockerConnection connection, Optional<Duration> olderThan, Optional<String> runId)
            throws RuntimeFailure {
        DockerClient docker = connection.negotiated();
        Set<String> open = runId.isPresent() ? Set.of() : DockerConnection.openRunIds();
        long cutoff = olderThan.map(d -> Instant.now().minus(d).getEpochSecond()).orElse(Long.MAX_VALUE);
        List<String> removed = new ArrayList<>();
        try {
            for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(filter(runId)).exec()) {
                if (eligible(c.getLabels(), open, cutoff)) {
                    try {
                        docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
                        removed.add("container " + c.getNames()[0] + " (" + c.getLabels().get(RunSetup.RUN_ID_LABEL) + ")");
                    } catch (NotFoundException e) {
                        // gone meanwhile
                    }
                }
            }
            for (var n : docker.listNetworksCmd().withFilter("label", List.of(label(runId))).exec()) {
                if (eligible(n.getLabels(), open, cutoff)) {
                    try {
                        docker.removeNetworkCmd(n.getId()).exec();
                        removed.add("network " + n.getName() + " (" + n.getLabels().get(RunSetup.RUN_ID_LABEL) + ")");
                    } catch (NotFoundException e) {
                        // gone
                    }
                }
            }
            var vols = docker.listVolumesCmd().withFilter("label", List.of(label(runId))).exec().getVolumes();
            if (vols != null) {
                for (var v : vols) {
                    if (eligible(v.getLabels(), open, cutoff)) {
                        try {
                            docker.removeVolumeCmd(v.getName()).exec();
                            removed.add("volume " + v.getName() + " (" + v.getLabels().get(RunSetup.RUN_ID_LABEL) + ")");
                        } catch (NotFoundException e) {
                            // gone
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            throw Failures.map(connection.host(), "pruning leftovers", e);
        }
        return removed;
    }

    private static String label(Optional<String> runId) {
        return runId.map(id -> RunSetup.RUN_ID_LABEL + "=" + id).orElse(RunSetup.RUN_ID_LABEL);
    }

    private static Map<String, String> filter(Optional<String> runId) {
        return runId.isPresent() ? Map.of(RunSetup.RUN_ID_LABEL, runId.get()) : Map.of(RunSetup.RUN_ID_LABEL, "");
    }

    private static boolean eligible(Map<String, String> labels, Set<String> open, long cutoff) {
        if (labels == null) {
            return false;
        }
        if (open.contains(labels.get(RunSetup.RUN_ID_LABEL))) {
            return false;
        }
        if (cutoff == Long.MAX_VALUE) {
            return true;
        }
        try {
            return Long.parseLong(labels.getOrDefault(DockerSession.CREATED_LABEL, "0")) <= cutoff;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
