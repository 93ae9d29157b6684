package io.multistep.runner;

import io.multistep.engine.SecretMasker;
import io.multistep.engine.SecretResolvers;
import io.multistep.engine.spi.SecretResolutionException;
import io.multistep.engine.spi.SecretResolver;
import io.multistep.spec.Secret;
import io.multistep.spec.SecretValues;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The flags that give secret values ({@code {{.Secrets.x}}}): shared by {@code exec}, {@code render},
 * {@code validate} and {@code graph}, so that a file renders the same in all four and its secret
 * values are masked in what each prints.
 */
final class SecretFlags {

    @Option(names = "--secret", paramLabel = "ID=VALUE", description = "A secret's value (repeatable).")
    List<String> secrets = new ArrayList<>();

    @Option(names = "--secret-env", paramLabel = "ID=VAR",
            description = "Takes a secret's value from an environment variable (repeatable).")
    List<String> secretEnv = new ArrayList<>();

    @Option(names = "--secrets-file", paramLabel = "FILE",
            description = "A YAML or properties file of secret id to value.")
    Path secretsFile;

    /** The secret values as the flags give them, read once. */
    record Given(Map<String, String> values, Map<String, String> variables) {

        /** The engine's resolvers for these values: the given values first, then the variables. */
        List<SecretResolver> resolvers() {
            return List.of(SecretResolvers.fromMap(values), SecretResolvers.fromEnvironment(variables));
        }

        /** Hides every given value (and each set variable's value), whether the task uses it or not. */
        SecretMasker masker() {
            List<String> all = new ArrayList<>(values.values());
            variables.values().stream().map(System::getenv).filter(v -> v != null).forEach(all::add);
            return SecretMasker.of(all);
        }

        /**
         * Resolves a task's secret definitions for the parser, as {@code exec} does. With
         * {@code lenient}, a secret no flag gives renders as empty text, so that a file can be
         * checked without its secrets; otherwise it fails the load as in {@code exec}.
         */
        SecretValues lookup(boolean lenient) {
            List<SecretResolver> resolvers = resolvers();
            return definitions -> {
                Map<String, String> out = new LinkedHashMap<>();
                for (Secret secret : definitions) {
                    SecretResolver resolver = resolvers.stream().filter(r -> r.supports(secret)).findFirst().orElse(null);
                    if (resolver == null) {
                        if (lenient) {
                            continue;
                        }
                        throw new IllegalStateException("failed to resolve secret ID: " + secret.id()
                                + ": no secret resolver supports it");
                    }
                    try {
                        out.put(secret.id(), resolver.resolve(secret));
                    } catch (SecretResolutionException e) {
                        throw new IllegalStateException(masker().mask("failed to resolve secret ID: " + secret.id()
                                + ": " + e.getMessage()));
                    }
                }
                return out;
            };
        }
    }

    /**
     * Reads the flags.
     *
     * @throws IllegalArgumentException for a malformed pair or secrets file
     * @throws IOException when the secrets file cannot be read
     */
    Given given() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (secretsFile != null) {
            values.putAll(SecretsFile.read(secretsFile));
        }
        for (String s : secrets) {
            if (s.indexOf('=') <= 0) {
                // The text may be the secret itself, given without its id: never echo it.
                throw new IllegalArgumentException("--secret expects ID=VALUE, found "
                        + (s.startsWith("=") ? "no ID before '='" : "no '='") + " (the value is not shown)");
            }
            String[] kv = ExecCommand.splitPair(s, "--secret", "ID=VALUE");
            values.put(kv[0], kv[1]);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String s : secretEnv) {
            String[] kv = ExecCommand.splitPair(s, "--secret-env", "ID=VAR");
            env.put(kv[0], kv[1]);
        }
        return new Given(values, env);
    }
}
