package io.multistep.docker.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.multistep.engine.spi.RunSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 support for tests that need the real Docker engine, the local registry and the base image.
 *
 * <p>Use it with {@code @ExtendWith(DockerTestEnvironment.class)}; test methods and constructors may
 * then take a {@link DockerClient} or the {@code DockerTestEnvironment} itself as parameters. Outside
 * JUnit, {@link #get()} gives the same shared instance.
 *
 * <p>On first use it checks that the engine answers (failing with a message that names
 * {@code DOCKER_HOST} and {@code scripts/docker-env.sh} when it does not) and makes sure the base
 * image {@value #BASE_IMAGE} exists, running {@code <multistep.root>/scripts/docker-env.sh} if it is
 * missing. After the whole test run (the JUnit root store closes) it fails when a container, network
 * or volume labelled {@value RunSetup#RUN_ID_LABEL} that was not there when the suite started is
 * still present: every test must leave the engine as it found it.
 */
public final class DockerTestEnvironment implements BeforeAllCallback, ParameterResolver {
    /** The local base image every Docker test uses (no public registry is reachable). */
    public static final String BASE_IMAGE = "multistep/busybox:test";
    /** The local registry the tests push to. */
    public static final String REGISTRY = "127.0.0.1:5000";

    private static final Object LOCK = new Object();
    private static volatile DockerTestEnvironment instance;

    private final DockerClient client;
    private final Path repoRoot;
    private final Set<String> labelledAtStart;
    private final String runIdPrefix = "it" + UUID.randomUUID().toString().substring(0, 6);
    private final AtomicInteger runIds = new AtomicInteger();

    private DockerTestEnvironment(DockerClient client, Path repoRoot) {
        this.client = client;
        this.repoRoot = repoRoot;
        this.labelledAtStart = Set.copyOf(labelledResources());
    }

    /** The JUnit constructor; the state lives in the shared instance. */
    public DockerTestEnvironment() {
        this.client = null;
        this.repoRoot = null;
        this.labelledAtStart = Set.of();
    }

    /**
     * The shared environment, checked and prepared on first use.
     *
     * @return the environment
     * @throws IllegalStateException when the engine does not answer or the base image cannot be made
     */
    public static DockerTestEnvironment get() {
        DockerTestEnvironment env = instance;
        if (env != null) {
            return env;
        }
        synchronized (LOCK) {
            if (instance == null) {
                instance = create();
            }
            return instance;
        }
    }

    /**
     * A docker-java client of its own for another engine (a throwaway one), for tests that need
     * raw Engine API calls there; the caller closes it.
     *
     * @param host the engine address
     * @return the client
     */
    public static DockerClient clientFor(String host) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    private static DockerTestEnvironment create() {
        Path root = repoRootFromProperty();
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        DockerClient client = DockerClientImpl.getInstance(config, http);
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The Docker engine at " + config.getDockerHost()
                    + " (DOCKER_HOST=" + System.getenv().getOrDefault("DOCKER_HOST", "<unset>")
                    + ") does not answer: " + e.getMessage()
                    + ". Start the test environment with: bash " + root.resolve("scripts/docker-env.sh"), e);
        }
        if (!imageExists(client, BASE_IMAGE)) {
            runEnvScript(root);
            if (!imageExists(client, BASE_IMAGE)) {
                throw new IllegalStateException("The base image " + BASE_IMAGE + " is still missing after running "
                        + root.resolve("scripts/docker-env.sh"));
            }
        }
        DockerTestEnvironment env = new DockerTestEnvironment(client, root);
        // Closing the client at JVM exit releases the pooled connections; the leak check runs earlier,
        // when JUnit closes its root store.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                client.close();
            } catch (IOException | RuntimeException ignored) {
                // exiting anyway
            }
        }, "docker-test-client-close"));
        return env;
    }

    private static Path repoRootFromProperty() {
        String prop = System.getProperty("multistep.root");
        if (prop != null && !prop.isBlank()) {
            return Paths.get(prop).toAbsolutePath();
        }
        // Running from an IDE in a module folder: the repo root holds scripts/docker-env.sh.
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("scripts/docker-env.sh"))) {
            p = p.getParent();
        }
        return p != null ? p : Paths.get("").toAbsolutePath();
    }

    private static boolean imageExists(DockerClient client, String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static void runEnvScript(Path root) {
        Path script = root.resolve("scripts/docker-env.sh");
        try {
            Process p = new ProcessBuilder("bash", script.toString()).inheritIO().start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(script + " failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + script, e);
        }
    }

    /** The shared docker-java client (do not close it). */
    public DockerClient client() {
        return client;
    }

    /** The repository root ({@code multistep.root}). */
    public Path repoRoot() {
        return repoRoot;
    }

    /** A fresh run id for a test, unique in this suite and across suites. */
    public String newRunId() {
        return runIdPrefix + "-" + runIds.incrementAndGet();
    }

    /**
     * Describes every container, network and volume carrying the run-id label, as
     * {@code kind name (run-id)} strings.
     */
    public List<String> labelledResources() {
        List<String> out = new ArrayList<>();
        String label = RunSetup.RUN_ID_LABEL;
        for (Container c : client.listContainersCmd().withShowAll(true).withLabelFilter(List.of(label)).exec()) {
            String name = c.getNames() != null && c.getNames().length > 0 ? c.getNames()[0] : c.getId();
            out.add("container " + name + " (" + c.getLabels().get(label) + ")");
        }
        for (var n : client.listNetworksCmd().withFilter("label", List.of(label)).exec()) {
            out.add("network " + n.getName() + " (" + n.getLabels().get(label) + ")");
        }
        var volumes = client.listVolumesCmd().withFilter("label", List.of(label)).exec().getVolumes();
        if (volumes != null) {
            for (var v : volumes) {
                Map<String, String> labels = v.getLabels();
                out.add("volume " + v.getName() + " (" + (labels == null ? "" : labels.get(label)) + ")");
            }
        }
        return out;
    }

    /**
     * Runs a task text through an engine under a new run id, then checks that nothing labelled with
     * that run id is left on the engine.
     *
     * @throws AssertionError when a container, network or volume of the run is left
     */
    public io.multistep.engine.RunResult runLeavingNothing(io.multistep.engine.Engine engine, String taskText,
            Path context) {
        String runId = newRunId();
        io.multistep.engine.RunResult result = engine.run(io.multistep.engine.TaskSource.text(taskText, "acb.yaml"),
                io.multistep.engine.RunOptions.builder().runId(runId).context(context).build());
        List<String> left = labelledResources().stream().filter(r -> r.endsWith("(" + runId + ")")).toList();
        if (!left.isEmpty()) {
            throw new AssertionError("run " + runId + " left " + left);
        }
        return result;
    }

    /** Labelled resources that appeared since the suite started. */
    public List<String> newLabelledResources() {
        List<String> now = new ArrayList<>(labelledResources());
        now.removeAll(labelledAtStart);
        return now;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        DockerTestEnvironment env = get();
        // One leak check per test run: a CloseableResource in the root store closes after all tests.
        context.getRoot().getStore(ExtensionContext.Namespace.create(DockerTestEnvironment.class))
                .getOrComputeIfAbsent("leak-check", k -> new LeakCheck(env), LeakCheck.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        Class<?> type = pc.getParameter().getType();
        return type == DockerClient.class || type == DockerTestEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        DockerTestEnvironment env = get();
        return pc.getParameter().getType() == DockerClient.class ? env.client() : env;
    }

    /** Fails the test run when labelled resources created during it remain. */
    private static final class LeakCheck implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final DockerTestEnvironment env;

        LeakCheck(DockerTestEnvironment env) {
            this.env = env;
        }

        @Override
        public void close() throws InterruptedException {
            // Another suite sharing the engine may be tearing a run down right now: give removals a
            // moment before calling anything a leak.
            List<String> left = env.newLabelledResources();
            for (int i = 0; i < 20 && !left.isEmpty(); i++) {
                Thread.sleep(500);
                left = env.newLabelledResources();
            }
            if (!left.isEmpty()) {
                Set<String> unique = new HashSet<>(left);
                throw new AssertionError("Docker resources labelled " + RunSetup.RUN_ID_LABEL
                        + " remain after the test run (a session was not closed, or a test kept a container): "
                        + unique);
            }
        }
    }
}
