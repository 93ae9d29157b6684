package io.multistep.docker;

import io.multistep.docker.internal.DockerConnection;
import io.multistep.docker.internal.DockerSession;
import io.multistep.docker.internal.Leftovers;
import io.multistep.docker.internal.Pruner;
import io.multistep.docker.internal.RegistryAuth;
import io.multistep.docker.internal.RuntimeSettings;
import io.multistep.engine.spi.ContainerRuntime;
import io.multistep.engine.spi.RunSetup;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The default {@link ContainerRuntime}: runs steps on a Docker engine through the Engine API
 * (docker-java), the way Microsoft's {@code acb} does with the Docker CLI.
 *
 * <p>Create one with {@link #builder()}; one runtime serves many runs concurrently and holds one
 * pooled connection to the engine. Every container, network and volume a run creates is labelled
 * {@value RunSetup#RUN_ID_LABEL}{@code =<run id>} and removed when the run's session closes; a JVM
 * shutdown hook closes sessions still open, and {@link #prune(PruneOptions)} removes what runs of dead
 * processes left behind (each resource also records its owner: host, process id and start time;
 * {@link RunLabels} names the labels). {@link #leftovers(String)} lists what a run left.
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class DockerRuntime implements ContainerRuntime {
    private final DockerConnection connection;
    private final RuntimeSettings settings;

    private DockerRuntime(DockerConnection connection, RuntimeSettings settings) {
        this.connection = connection;
        this.settings = settings;
    }

    /** A builder with the defaults: {@code DOCKER_HOST} (else the local socket), negotiated API version. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public RuntimeSession open(RunSetup setup) throws RuntimeFailure, InterruptedException {
        Objects.requireNonNull(setup, "setup");
        return DockerSession.open(connection, settings, setup);
    }

    @Override
    public String describe() {
        return connection.describe();
    }

    /**
     * Removes the labelled containers, networks and volumes of runs whose owner process is gone
     * (for example after the runner was killed); see {@link PruneOptions} for what counts as gone.
     * Runs still going and kept containers are left. Resources still in use are left, not an error.
     *
     * @param options what to remove
     * @return what was removed and what was spared, and why
     * @throws RuntimeFailure when the engine cannot be reached or the connection to it is lost
     */
    public PruneReport prune(PruneOptions options) throws RuntimeFailure {
        return Pruner.prune(connection, Objects.requireNonNull(options, "options"));
    }

    /**
     * Removes the leftovers of abandoned runs, kept containers excepted.
     *
     * @param olderThan how old resources of owners on other hosts must be (default
     *     {@link PruneOptions#DEFAULT_FOREIGN_OWNER_AGE}); runs of this host go once their process is gone
     * @return what was removed, one {@code kind name (run id)} entry each
     * @throws RuntimeFailure when the engine cannot be reached
     */
    public List<String> prune(Optional<Duration> olderThan) throws RuntimeFailure {
        PruneOptions o = PruneOptions.abandoned();
        return prune(olderThan.map(o::withForeignOwnerAge).orElse(o)).removed();
    }

    /**
     * Removes every labelled resource of one run, kept containers included (for example a run whose
     * kept containers are no longer wanted).
     *
     * @param runId the run id
     * @return what was removed
     * @throws RuntimeFailure when the engine cannot be reached
     */
    public List<String> pruneRun(String runId) throws RuntimeFailure {
        return prune(PruneOptions.run(runId)).removed();
    }

    /**
     * Checks that the engine answers, negotiating the API version as a first run would.
     *
     * @throws RuntimeFailure {@code DAEMON_UNREACHABLE} when it does not answer
     */
    public void ping() throws RuntimeFailure {
        connection.negotiated();
    }

    /**
     * The containers, networks and volumes of one run still on the engine (kept containers, or what
     * a killed runner left), containers first.
     *
     * @param runId the run id
     * @return what is left, empty when the run cleaned up after itself
     * @throws RuntimeFailure when the engine cannot be reached
     */
    public List<Leftover> leftovers(String runId) throws RuntimeFailure {
        return labelled(RunLabels.RUN_ID, Objects.requireNonNull(runId, "runId"));
    }

    /**
     * The containers, networks and volumes of every run still on the engine, of any process.
     *
     * @return what is left, containers first
     * @throws RuntimeFailure when the engine cannot be reached
     */
    public List<Leftover> leftovers() throws RuntimeFailure {
        return Leftovers.labelled(connection, RunLabels.RUN_ID);
    }

    /**
     * The resources of runs that carry a label of their own ({@link RunSetup#labels()}), for example
     * a test's id.
     *
     * @param key the label key
     * @param value its value
     * @return what carries {@code key=value}, containers first
     * @throws RuntimeFailure when the engine cannot be reached
     */
    public List<Leftover> labelled(String key, String value) throws RuntimeFailure {
        return Leftovers.labelled(connection, Objects.requireNonNull(key, "key") + "="
                + Objects.requireNonNull(value, "value"));
    }

    /** Closes the connection pool. Sessions must be closed first. */
    @Override
    public void close() {
        connection.close();
    }

    /** Configures a {@link DockerRuntime}. */
    public static final class Builder {
        private String dockerHost;
        private Boolean tlsVerify;
        private String certPath;
        private String apiVersion;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout;
        private int maxConnections = 100;
        private String helperImage = RuntimeSettings.DEFAULT_HELPER_IMAGE;
        private String dockerCli = "docker";
        private Path dockerConfigDir = RegistryAuth.defaultConfigDir();
        private String publishAddress = "127.0.0.1";
        private boolean mountDockerSocket = true;
        private Boolean bindWorkspace;
        private boolean shareNetworkNamespaces = true;

        private Builder() {}

        /** The engine address, for example {@code unix:///var/run/docker.sock} or {@code tcp://host:2376}; default {@code DOCKER_HOST}. */
        public Builder dockerHost(String value) {
            this.dockerHost = value;
            return this;
        }

        /** Whether to verify TLS (default {@code DOCKER_TLS_VERIFY}). */
        public Builder tlsVerify(boolean value) {
            this.tlsVerify = value;
            return this;
        }

        /** The folder with {@code ca.pem}, {@code cert.pem}, {@code key.pem} (default {@code DOCKER_CERT_PATH}). */
        public Builder certPath(String value) {
            this.certPath = value;
            return this;
        }

        /** A fixed Engine API version such as {@code 1.41}; default: the engine's, capped at 1.41. */
        public Builder apiVersion(String value) {
            this.apiVersion = value;
            return this;
        }

        /** How long to wait for a connection to the engine (default 10 s). */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How long one API response may take (default: unlimited, because waiting for a container or
         * following its output legitimately takes as long as the step).
         */
        public Builder responseTimeout(Duration value) {
            this.responseTimeout = value;
            return this;
        }

        /** The size of the connection pool (default 100). */
        public Builder maxConnections(int value) {
            this.maxConnections = value;
            return this;
        }

        /**
         * The image of the never-started helper containers that fill volumes (workspace copies,
         * secret volumes). Default: a tiny {@code FROM scratch} image the runtime builds itself.
         */
        public Builder helperImage(String value) {
            this.helperImage = Objects.requireNonNull(value);
            return this;
        }

        /** The Docker CLI used for BuildKit builds only (default {@code docker} on the PATH). */
        public Builder dockerCli(String value) {
            this.dockerCli = Objects.requireNonNull(value);
            return this;
        }

        /** The Docker CLI configuration folder for registry credentials (default {@code $DOCKER_CONFIG} or {@code ~/.docker}). */
        public Builder dockerConfigDir(Path value) {
            this.dockerConfigDir = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The host address a {@code ports} entry without an address binds to. Default
         * {@code 127.0.0.1}: a task file from elsewhere should not open ports to the network
         * (the reference, like {@code docker run -p}, binds all interfaces). Empty means all
         * interfaces; an entry that names its address ({@code 0.0.0.0:8080:80}) keeps it.
         */
        public Builder publishAddress(String value) {
            this.publishAddress = Objects.requireNonNull(value);
            return this;
        }

        /** Whether steps get {@code /var/run/docker.sock} mounted, as in the reference (default true). */
        public Builder mountDockerSocket(boolean value) {
            this.mountDockerSocket = value;
            return this;
        }

        /**
         * Whether the run's context folder is bind-mounted at {@code /workspace} (default: when the
         * engine is local, i.e. a unix socket); otherwise it is copied into a per-run volume.
         */
        public Builder bindWorkspace(boolean value) {
            this.bindWorkspace = value;
            return this;
        }

        /**
         * Whether plain steps share one network namespace per task network (default true). Each
         * step still gets its own container and is reached by its id on the task's network, but
         * a namespace held by a small per-run container is joined instead of created, which is
         * most of what starting a container costs the engine. Steps with {@code ports},
         * {@code expose}, {@code detach}, {@code privileged} or {@code keep} always get their own.
         * What sharing changes (steps that run at the same time cannot listen on the same port)
         * is written down in {@code docs/differences.md}; {@code false} gives every container its
         * own namespace, as the reference does.
         */
        public Builder shareNetworkNamespaces(boolean value) {
            this.shareNetworkNamespaces = value;
            return this;
        }

        /** Creates the runtime; the engine is contacted on first use. */
        public DockerRuntime build() {
            DockerConnection connection = DockerConnection.create(dockerHost, tlsVerify, certPath, apiVersion,
                    connectTimeout, responseTimeout, maxConnections);
            boolean bind = bindWorkspace != null ? bindWorkspace : connection.isLocal();
            RuntimeSettings settings = new RuntimeSettings(helperImage, dockerCli, dockerConfigDir, publishAddress,
                    mountDockerSocket, bind, shareNetworkNamespaces);
            return new DockerRuntime(connection, settings);
        }
    }
}
