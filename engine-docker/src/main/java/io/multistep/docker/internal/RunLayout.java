package io.multistep.docker.internal;

import java.util.Map;

/**
 * Where a run's steps live on the engine, once its session is open: what container specs and
 * builders need of the run, without the session.
 *
 * @param labels the labels of every resource of the run (run id, owner, the run's own labels)
 * @param workspaceSource what is mounted at {@code /workspace}: a folder or a volume name
 * @param homeVolume the per-run volume mounted at {@link ContainerSpecs#HOME}
 * @param networks task network name → Docker network name
 * @param volumes task volume name → Docker volume name
 */
record RunLayout(Map<String, String> labels, String workspaceSource, String homeVolume,
        Map<String, String> networks, Map<String, String> volumes) {
    RunLayout {
        labels = Map.copyOf(labels);
        networks = Map.copyOf(networks);
        volumes = Map.copyOf(volumes);
    }

    /** The Docker network for a task network name (verbatim when it is not one of the task's). */
    String dockerNetwork(String taskName) {
        return networks.getOrDefault(taskName, taskName);
    }

    /** The Docker volume for a task volume name (verbatim when not declared). */
    String dockerVolume(String taskName) {
        return volumes.getOrDefault(taskName, taskName);
    }
}
