package io.multistep.spec;

import org.apiguardian.api.API;

/**
 * A network of the task: declared under {@code networks}, given with {@code --network}, or the
 * default {@code acb_default_network}.
 *
 * @param name the Docker network name
 * @param driver the network driver, empty for Docker's default
 * @param ipv6 whether the network is created with IPv6
 * @param skipCreation whether the network already exists (neither created nor removed)
 * @param isDefault whether it may become the default network of steps without {@code network}
 * @param location where it is declared, or {@link SourceLocation#UNKNOWN} for implicit networks
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Network(String name, String driver, boolean ipv6, boolean skipCreation, boolean isDefault,
        SourceLocation location) {

    /** The name of the network the reference creates when a task declares none. */
    public static final String DEFAULT_NETWORK_NAME = "acb_default_network";
}
