package io.multistep.docker.internal;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * The runtime's configuration, as the builder collected it.
 *
 * @param helperImage image of never-started helper containers that fill volumes
 * @param dockerCli the Docker CLI, for BuildKit builds
 * @param dockerConfigDir the Docker CLI configuration folder (credentials)
 * @param publishAddress host address for {@code ports} without one; empty for all interfaces
 * @param mountDockerSocket mount {@code /var/run/docker.sock} into steps
 * @param bindWorkspace bind-mount the context folder instead of copying it into a volume
 * @param shareNetworkNamespaces run plain steps in one network namespace per task network
 *     ({@link NetworkSandbox}) instead of giving each container its own
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record RuntimeSettings(String helperImage, String dockerCli, Path dockerConfigDir, String publishAddress,
        boolean mountDockerSocket, boolean bindWorkspace, boolean shareNetworkNamespaces) {
    /** The helper image the runtime builds itself from {@code scratch} when missing. */
    public static final String DEFAULT_HELPER_IMAGE = "multistep/volume-helper:1";
}
