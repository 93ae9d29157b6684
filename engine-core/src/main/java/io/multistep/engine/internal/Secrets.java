package io.multistep.engine.internal;

import io.multistep.engine.TaskLoadException;
import io.multistep.engine.spi.SecretResolutionException;
import io.multistep.engine.spi.SecretResolver;
import io.multistep.spec.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a task's secret definitions with the engine's resolvers and remembers every value, so
 * the run can mask them. Thread-safe.
 */
final class Secrets {

    private static final Logger LOG = LoggerFactory.getLogger(Secrets.class);

    private final List<SecretResolver> resolvers;
    private final List<String> values = new ArrayList<>();

    Secrets(List<SecretResolver> resolvers) {
        this.resolvers = List.copyOf(resolvers);
    }

    /**
     * Resolves every definition; any failure fails the load (as in the reference, where a secret
     * that cannot be fetched aborts the run before any step).
     */
    Map<String, String> resolveStrict(List<Secret> definitions) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Secret secret : definitions) {
            SecretResolver resolver = find(secret);
            if (resolver == null) {
                throw new TaskLoadException("failed to resolve secret ID: " + secret.id()
                        + ": no secret resolver supports it", List.of(), null);
            }
            try {
                String value = resolver.resolve(secret);
                if (value == null) {
                    throw new SecretResolutionException("resolver returned no value");
                }
                remember(value);
                out.put(secret.id(), value);
            } catch (SecretResolutionException | RuntimeException e) {
                throw new TaskLoadException(masker().mask("failed to resolve secret ID: " + secret.id() + ": "
                        + e.getMessage()), List.of(), null);
            }
        }
        return out;
    }

    /**
     * Resolves what can be resolved, for masking only (the task was loaded elsewhere, so its
     * values were used already; we still must not print them).
     */
    void resolveForMasking(List<Secret> definitions) {
        for (Secret secret : definitions) {
            SecretResolver resolver = find(secret);
            if (resolver == null) {
                LOG.debug("secret ID {} has no resolver; its value cannot be masked", secret.id());
                continue;
            }
            try {
                String value = resolver.resolve(secret);
                if (value != null) {
                    remember(value);
                }
            } catch (SecretResolutionException | RuntimeException e) {
                LOG.debug("secret ID {} could not be resolved for masking", secret.id());
            }
        }
    }

    private SecretResolver find(Secret secret) {
        for (SecretResolver r : resolvers) {
            if (r.supports(secret)) {
                return r;
            }
        }
        return null;
    }

    synchronized void remember(String value) {
        values.add(value);
    }

    synchronized List<String> values() {
        return List.copyOf(values);
    }

    io.multistep.engine.SecretMasker masker() {
        return io.multistep.engine.SecretMasker.of(values());
    }
}
