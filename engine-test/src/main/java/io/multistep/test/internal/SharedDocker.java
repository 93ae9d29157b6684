package io.multistep.test.internal;

import io.multistep.docker.DockerRuntime;
import io.multistep.engine.spi.RuntimeFailure;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The Docker runtime shared by every {@code @MultistepTest} of a test run (kept in JUnit's root
 * store, closed when the test run ends), and whether its engine answered.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SharedDocker implements AutoCloseable {
    /** The JUnit configuration parameter (or system property) naming the Docker engine to use instead of {@code DOCKER_HOST}. */
    public static final String DOCKER_HOST_PARAMETER = "multistep.test.dockerHost";

    private final String host;
    private final DockerRuntime runtime;
    private final Optional<String> unreachable;

    private SharedDocker(String host) {
        this.host = host;
        DockerRuntime.Builder builder = DockerRuntime.builder().connectTimeout(Duration.ofSeconds(3));
        if (host != null && !host.isBlank()) {
            builder.dockerHost(host);
        }
        DockerRuntime created = null;
        Optional<String> problem;
        try {
            created = builder.build();
            created.ping();
            problem = Optional.empty();
        } catch (RuntimeFailure | RuntimeException e) {
            problem = Optional.of("no Docker engine answers at " + describeHost(host) + " ("
                    + (e instanceof RuntimeFailure ? "" : e.getClass().getSimpleName() + ": ") + e.getMessage()
                    + "); start one (scripts/docker-env.sh in the "
                    + "Multistep repository does) or set DOCKER_HOST, or use @MultistepTest(runtime = FAKE)");
        }
        this.runtime = created;
        this.unreachable = problem;
    }

    /**
     * Connects to the engine and checks that it answers.
     *
     * @param host the engine address, or {@code null} for {@code DOCKER_HOST} / the local socket
     * @return the shared runtime
     */
    public static SharedDocker connect(String host) {
        return new SharedDocker(host);
    }

    private static String describeHost(String host) {
        if (host != null && !host.isBlank()) {
            return host;
        }
        String env = System.getenv("DOCKER_HOST");
        return env != null && !env.isBlank() ? env + " (DOCKER_HOST)" : "unix:///var/run/docker.sock";
    }

    /** Why the engine cannot be used, if it cannot. @return the reason */
    public Optional<String> unreachable() {
        return unreachable;
    }

    /** The runtime; only when {@link #unreachable()} is empty. @return the runtime */
    public DockerRuntime runtime() {
        if (unreachable.isPresent()) {
            throw new IllegalStateException(unreachable.get());
        }
        return runtime;
    }

    /** The address asked for, or {@code null} for the default. @return the host */
    public String host() {
        return host;
    }

    @Override
    public void close() {
        if (runtime != null) {
            runtime.close();
        }
    }
}
