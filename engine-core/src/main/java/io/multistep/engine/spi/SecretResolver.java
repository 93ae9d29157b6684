package io.multistep.engine.spi;

import io.multistep.spec.Secret;
import org.apiguardian.api.API;

/**
 * Resolves the value of a task's secret definition ({@code secrets:} entry), for example from a
 * vault, the environment or a mounted directory.
 *
 * <p>An engine holds an ordered list of resolvers; for each definition the first one whose
 * {@link #supports(Secret)} answers {@code true} resolves it. Implementations must be thread-safe:
 * concurrent runs resolve secrets at the same time.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface SecretResolver {

    /**
     * Whether this resolver can resolve the definition (for example: it has a value for its id, or
     * it understands its {@code keyvault} URL).
     *
     * @param secret the secret definition
     * @return {@code true} if {@link #resolve(Secret)} should be asked
     */
    boolean supports(Secret secret);

    /**
     * Resolves the secret's value.
     *
     * @param secret the secret definition, one that {@link #supports(Secret)} accepted
     * @return the value; never {@code null}
     * @throws SecretResolutionException when the value cannot be obtained (the run does not start)
     */
    String resolve(Secret secret) throws SecretResolutionException;
}
