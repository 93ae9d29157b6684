package io.multistep.engine.spi;

import org.apiguardian.api.API;

/**
 * A {@link SecretResolver} could not obtain a secret's value. The message must not contain the
 * value (or any part of it).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class SecretResolutionException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for a person (never the secret value)
     */
    public SecretResolutionException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong, for a person (never the secret value)
     * @param cause the underlying exception
     */
    public SecretResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
