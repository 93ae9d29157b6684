package io.multistep.docker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfig;
import io.multistep.engine.spi.RegistryCredential;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * Finds credentials for a registry, in order: the run's credentials, the {@code auths} of the
 * Docker CLI's {@code config.json}, then its credential helpers ({@code credHelpers} for the host,
 * else {@code credsStore}) through {@code docker-credential-<name> get}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RegistryAuth {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUB_SERVER = "https://index.docker.io/v1/";

    private final List<RegistryCredential> credentials;
    private final Path dockerConfigDir;

    /**
     * @param credentials the run's credentials
     * @param dockerConfigDir the Docker CLI configuration folder (holding {@code config.json})
     */
    public RegistryAuth(List<RegistryCredential> credentials, Path dockerConfigDir) {
        this.credentials = List.copyOf(credentials);
        this.dockerConfigDir = dockerConfigDir;
    }

    /** The default configuration folder: {@code $DOCKER_CONFIG}, else {@code ~/.docker}. */
    public static Path defaultConfigDir() {
        String env = System.getenv("DOCKER_CONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".docker");
    }

    /**
     * Credentials for the registry of an image reference, if any are known.
     *
     * @param registry the registry host ({@link ImageRef#DOCKER_HUB} for Docker Hub)
     * @return the auth config for the Engine API
     */
    public Optional<AuthConfig> forRegistry(String registry) {
        String host = normalise(registry);
        for (RegistryCredential c : credentials) {
            if (normalise(c.registry()).equals(host)) {
                return Optional.of(new AuthConfig().withUsername(c.username()).withPassword(c.password())
                        .withRegistryAddress(serverAddress(host)));
            }
        }
        JsonNode config = readConfig();
        if (config == null) {
            return Optional.empty();
        }
        JsonNode auths = config.path("auths");
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext();) {
            var e = it.next();
            if (!normalise(e.getKey()).equals(host)) {
                continue;
            }
            JsonNode entry = e.getValue();
            AuthConfig auth = new AuthConfig().withRegistryAddress(serverAddress(host));
            String b64 = entry.path("auth").asText("");
            if (!b64.isEmpty()) {
                String decoded = new String(Base64.getDecoder().decode(b64.strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    auth.withUsername(decoded.substring(0, colon)).withPassword(decoded.substring(colon + 1));
                }
            }
            String token = entry.path("identitytoken").asText("");
            if (!token.isEmpty()) {
                auth.withIdentityToken(token);
            }
            if (auth.getUsername() != null || auth.getIdentitytoken() != null) {
                return Optional.of(auth);
            }
        }
        String helper = config.path("credHelpers").path(host).asText("");
        if (helper.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = config.path("credHelpers").fields(); it.hasNext();) {
                var e = it.next();
                if (normalise(e.getKey()).equals(host)) {
                    helper = e.getValue().asText("");
                }
            }
        }
        if (helper.isEmpty()) {
            helper = config.path("credsStore").asText("");
        }
        if (!helper.isEmpty()) {
            return fromHelper(helper, host);
        }
        return Optional.empty();
    }

    private Optional<AuthConfig> fromHelper(String helper, String host) {
        String server = serverAddress(host);
        try {
            Process p = new ProcessBuilder("docker-credential-" + helper, "get").redirectErrorStream(false).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(server.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            if (p.exitValue() != 0) {
                return Optional.empty(); // "credentials not found in native keychain"
            }
            JsonNode n = JSON.readTree(out);
            String user = n.path("Username").asText("");
            String secret = n.path("Secret").asText("");
            AuthConfig auth = new AuthConfig().withRegistryAddress(server);
            if (user.equals("<token>")) {
                auth.withIdentityToken(secret);
            } else {
                auth.withUsername(user).withPassword(secret);
            }
            return Optional.of(auth);
        } catch (IOException e) {
            return Optional.empty(); // helper not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private JsonNode readConfig() {
        Path f = dockerConfigDir.resolve("config.json");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return JSON.readTree(f.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    private static String serverAddress(String host) {
        return host.equals(ImageRef.DOCKER_HUB) ? HUB_SERVER : host;
    }

    /** {@code https://host/v1/} and {@code host} compare equal; every Docker Hub alias becomes {@code docker.io}. */
    static String normalise(String registry) {
        String r = registry.strip();
        int scheme = r.indexOf("://");
        if (scheme >= 0) {
            r = r.substring(scheme + 3);
        }
        int slash = r.indexOf('/');
        if (slash >= 0) {
            r = r.substring(0, slash);
        }
        r = r.toLowerCase(java.util.Locale.ROOT);
        if (r.equals("index.docker.io") || r.equals("registry-1.docker.io") || r.equals("registry.hub.docker.com")) {
            return ImageRef.DOCKER_HUB;
        }
        return r;
    }
}
