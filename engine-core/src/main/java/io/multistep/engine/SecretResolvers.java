package io.multistep.engine;

import io.multistep.engine.spi.SecretResolutionException;
import io.multistep.engine.spi.SecretResolver;
import io.multistep.spec.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Built-in {@link SecretResolver}s, each selected by the secret's id. Combine several on the
 * engine builder; the first that supports a definition resolves it.
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class SecretResolvers {

    private SecretResolvers() {}

    /**
     * Values from a map of secret id to value.
     *
     * @param values id → value (copied)
     * @return the resolver
     */
    public static SecretResolver fromMap(Map<String, String> values) {
        Map<String, String> copy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        return new SecretResolver() {
            @Override
            public boolean supports(Secret secret) {
                return copy.containsKey(secret.id());
            }

            @Override
            public String resolve(Secret secret) {
                return copy.get(secret.id());
            }

            @Override
            public String toString() {
                return "SecretResolvers.fromMap(" + copy.size() + " ids)";
            }
        };
    }

    /**
     * Values from environment variables named {@code <prefix><ID>}, where {@code ID} is the secret
     * id upper-cased with every character other than a letter, digit or {@code _} replaced by
     * {@code _} (so {@code my-token} with prefix {@code ACB_SECRET_} reads {@code ACB_SECRET_MY_TOKEN}).
     * The variable named with the id exactly as written is tried first.
     *
     * @param prefix the variable name prefix, may be empty
     * @return the resolver
     */
    public static SecretResolver fromEnvironment(String prefix) {
        return fromEnvironment(prefix, System::getenv);
    }

    /**
     * Like {@link #fromEnvironment(String)}, reading variables through a lookup function (for
     * tests, or a captured environment).
     *
     * @param prefix the variable name prefix, may be empty
     * @param env variable name → value, {@code null} when unset
     * @return the resolver
     */
    public static SecretResolver fromEnvironment(String prefix, Function<String, String> env) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(env, "env");
        return new LookupResolver("environment variable", id -> {
            String exact = env.apply(prefix + id);
            if (exact != null) {
                return exact;
            }
            return env.apply(prefix + id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_"));
        });
    }

    /**
     * Values from environment variables named by a mapping of secret id to variable name.
     *
     * @param idToVariable secret id → environment variable name (copied)
     * @return the resolver
     */
    public static SecretResolver fromEnvironment(Map<String, String> idToVariable) {
        Map<String, String> copy = Map.copyOf(idToVariable);
        return new LookupResolver("environment variable", id -> {
            String var = copy.get(id);
            return var == null ? null : System.getenv(var);
        });
    }

    /**
     * Values from files in a directory, each named by the secret id (the Docker/Kubernetes
     * secret-mount convention). The file is read as UTF-8 and one trailing line break is removed.
     *
     * @param directory the directory
     * @return the resolver
     */
    public static SecretResolver fromDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return new SecretResolver() {
            @Override
            public boolean supports(Secret secret) {
                Path file = file(secret);
                return file != null && Files.isRegularFile(file);
            }

            @Override
            public String resolve(Secret secret) throws SecretResolutionException {
                Path file = file(secret);
                if (file == null) {
                    throw new SecretResolutionException("secret ID " + secret.id() + " is not a valid file name");
                }
                try {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    if (text.endsWith("\r\n")) {
                        return text.substring(0, text.length() - 2);
                    }
                    if (text.endsWith("\n")) {
                        return text.substring(0, text.length() - 1);
                    }
                    return text;
                } catch (IOException e) {
                    // The message names the file, never its content.
                    throw new SecretResolutionException("failed to read secret ID " + secret.id() + " from " + file
                            + ": " + e.getClass().getSimpleName(), e);
                }
            }

            private Path file(Secret secret) {
                String id = secret.id();
                // Ids come from task files: never let one escape the directory.
                if (id.isEmpty() || id.contains("/") || id.contains("\\") || id.equals(".") || id.equals("..")) {
                    return null;
                }
                return directory.resolve(id);
            }

            @Override
            public String toString() {
                return "SecretResolvers.fromDirectory(" + directory + ")";
            }
        };
    }

    /** A resolver backed by a lookup function that answers {@code null} for unknown ids. */
    private static final class LookupResolver implements SecretResolver {
        private final String what;
        private final Function<String, String> lookup;

        LookupResolver(String what, Function<String, String> lookup) {
            this.what = what;
            this.lookup = lookup;
        }

        @Override
        public boolean supports(Secret secret) {
            return lookup.apply(secret.id()) != null;
        }

        @Override
        public String resolve(Secret secret) throws SecretResolutionException {
            String value = lookup.apply(secret.id());
            if (value == null) {
                throw new SecretResolutionException("no " + what + " for secret ID " + secret.id());
            }
            return value;
        }

        @Override
        public String toString() {
            return "SecretResolvers(" + what + ")";
        }
    }
}
