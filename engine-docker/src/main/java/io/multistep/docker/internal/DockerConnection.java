package io.multistep.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.multistep.engine.spi.RuntimeFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * One pooled connection to a Docker engine, with the API version negotiated on first use (the
 * sessions still open at JVM shutdown are closed by {@link OpenRuns}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DockerConnection {
    /** The newest Engine API version this runtime was verified with (Docker 20.10). */
    static final String MAX_API_VERSION = "1.41";

    private final DefaultDockerClientConfig baseConfig;
    private final DockerHttpClient http;
    private final String fixedApiVersion;
    private volatile DockerClient client;
    private volatile String description;
    /** The engine's operating system and architecture as Go names them ({@code linux/amd64}), once negotiated. */
    private volatile String platform = "";
    /**
     * Daemon threads for work kept off a step's critical path (removing finished containers, the
     * independent calls of a session's setup and teardown); sessions wait for what they hand over.
     */
    private final ExecutorService background = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "multistep-docker-bg-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    private DockerConnection(DefaultDockerClientConfig baseConfig, DockerHttpClient http, String fixedApiVersion) {
        this.baseConfig = baseConfig;
        this.http = http;
        this.fixedApiVersion = fixedApiVersion;
    }

    /** Creates the connection (nothing is sent to the engine yet). */
    public static DockerConnection create(String dockerHost, Boolean tlsVerify, String certPath, String apiVersion,
            Duration connectTimeout, Duration responseTimeout, int maxConnections) {
        // createDefaultConfigBuilder reads DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH and ~/.docker-java.properties.
        DefaultDockerClientConfig.Builder b = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (dockerHost != null) {
            b.withDockerHost(dockerHost);
        }
        if (tlsVerify != null) {
            b.withDockerTlsVerify(tlsVerify);
        }
        if (certPath != null) {
            b.withDockerCertPath(certPath);
        }
        DefaultDockerClientConfig config = b.build();
        ZerodepDockerHttpClient.Builder hb = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(maxConnections)
                .connectionTimeout(connectTimeout);
        if (responseTimeout != null) {
            hb.responseTimeout(responseTimeout);
        }
        return new DockerConnection(config, hb.build(), apiVersion);
    }

    /** Whether the engine runs on this machine (a unix socket or named pipe), so bind mounts see our files. */
    public boolean isLocal() {
        String scheme = baseConfig.getDockerHost().getScheme();
        return "unix".equals(scheme) || "npipe".equals(scheme);
    }

    /** The engine address. */
    public String host() {
        return baseConfig.getDockerHost().toString();
    }

    /**
     * The client speaking the negotiated API version: the engine's own version capped at
     * {@value #MAX_API_VERSION}, as the Docker CLI negotiates (an older engine is spoken to in its
     * version; a newer one in the version we know).
     *
     * @throws RuntimeFailure DAEMON_UNREACHABLE when the engine does not answer
     */
    public DockerClient negotiated() throws RuntimeFailure {
        DockerClient c = client;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (client != null) {
                return client;
            }
            String version = fixedApiVersion;
            // An unversioned request is answered in the engine's newest version.
            DockerClient probe = DockerClientImpl.getInstance(baseConfig, http);
            Version v;
            try {
                v = probe.versionCmd().exec();
            } catch (RuntimeException e) {
                throw Failures.map(host(), "connecting to the Docker engine", e);
            }
            if (version == null) {
                RemoteApiVersion server = RemoteApiVersion.parseConfig(v.getApiVersion());
                RemoteApiVersion max = RemoteApiVersion.parseConfig(MAX_API_VERSION);
                version = server.isGreaterOrEqual(max) ? MAX_API_VERSION : v.getApiVersion();
            }
            description = "docker " + v.getVersion() + " (" + host() + ", API " + version + ")";
            platform = v.getOperatingSystem() + "/" + v.getArch();
            client = withVersion(version);
            return client;
        }
    }

    private DockerClient withVersion(String version) {
        DockerClientConfig cfg = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(baseConfig.getDockerHost().toString())
                .withDockerTlsVerify(baseConfig.getSSLConfig() != null)
                .withDockerCertPath(certPath())
                .withApiVersion(version)
                .build();
        return DockerClientImpl.getInstance(cfg, http);
    }

    private String certPath() {
        var ssl = baseConfig.getSSLConfig();
        if (ssl instanceof com.github.dockerjava.core.LocalDirectorySSLConfig l) {
            return l.getDockerCertPath();
        }
        return null;
    }

    /** The engine's {@code os/arch} in Go's names ({@code linux/amd64}); empty before {@link #negotiated()}. */
    String platform() {
        return platform;
    }

    /** A description for reports. */
    public String describe() {
        String d = description;
        return d != null ? d : "docker (" + host() + ")";
    }

    /** Where sessions run calls off the critical path; they wait for them before they close. */
    Executor background() {
        return background;
    }

    /** Closes the connection pool. */
    public void close() {
        background.shutdown();
        try {
            http.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
