package io.multistep.engine.spi;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A username and password for one registry, already resolved (no vault references).
 *
 * @param registry the registry host, for example {@code 127.0.0.1:5000} or {@code contoso.azurecr.io}
 * @param username the user name
 * @param password the password or token; a secret: never log it
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RegistryCredential(String registry, String username, String password) {

    /** Checks the arguments. */
    public RegistryCredential {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Shows the registry and user, never the password. */
    @Override
    public String toString() {
        return "RegistryCredential[registry=" + registry + ", username=" + username + ", password=***]";
    }
}
