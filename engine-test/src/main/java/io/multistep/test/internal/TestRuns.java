package io.multistep.test.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.multistep.docker.DockerRuntime;
import io.multistep.engine.Engine;
import io.multistep.engine.RunOptions;
import io.multistep.engine.spi.ContainerRuntime;
import io.multistep.engine.spi.RunSetup;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.testing.FakeRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one test uses: its engine (on the shared Docker runtime or its own fake runtime), the run ids
 * it handed out, the runs it saw start, and the clean-up after the test.
 */
public final class TestRuns {
    /** The label every resource of a test's runs carries, with a per-test value. */
    public static final String TEST_LABEL = "io.multistep.test-id";

    private static final Logger LOG = LoggerFactory.getLogger(TestRuns.class);
    private static final Duration UNFINISHED_RUN_WAIT = Duration.ofSeconds(30);

    private final String testName;
    private final String testId = RunIds.next();
    private final Optional<DockerRuntime> docker;
    private final Optional<FakeRuntime> fake;
    private final RunTracker tracker = new RunTracker();
    private final Engine engine;
    private final String registry;
    private final Optional<Path> context;
    private final Set<String> handedOut = new LinkedHashSet<>();

    private TestRuns(String testName, Optional<DockerRuntime> docker, Optional<FakeRuntime> fake, String registry,
            Optional<Path> context) {
        this.testName = testName;
        this.docker = docker;
        this.fake = fake;
        this.registry = registry;
        this.context = context;
        ContainerRuntime runtime = docker.isPresent() ? docker.get() : fake.orElseThrow();
        this.engine = Engine.builder().runtime(runtime).listener(tracker).build();
    }

    /** A test on the shared Docker runtime. @param testName for messages @param runtime the runtime @param registry the default registry @param context the default context @return the state */
    public static TestRuns docker(String testName, DockerRuntime runtime, String registry, Optional<Path> context) {
        return new TestRuns(testName, Optional.of(runtime), Optional.empty(), registry, context);
    }

    /** A test on a new fake runtime. @param testName for messages @param registry the default registry @param context the default context @return the state */
    public static TestRuns fake(String testName, String registry, Optional<Path> context) {
        return new TestRuns(testName, Optional.empty(), Optional.of(new FakeRuntime()), registry, context);
    }

    /** The test's engine. @return the engine */
    public Engine engine() {
        return engine;
    }

    /** The fake runtime, with the FAKE runtime. @return the runtime */
    public Optional<FakeRuntime> fake() {
        return fake;
    }

    /** The Docker runtime, with the DOCKER runtime. @return the runtime */
    public Optional<DockerRuntime> docker() {
        return docker;
    }

    /**
     * Fresh options: a new run id, the test's label, the default registry and context.
     *
     * @return the builder
     */
    public synchronized RunOptions.Builder newOptions() {
        String runId = RunIds.next();
        handedOut.add(runId);
        RunOptions.Builder b = RunOptions.builder().runId(runId).label(TEST_LABEL, testId);
        if (!registry.isEmpty()) {
            b.registry(registry);
        }
        context.ifPresent(b::context);
        return b;
    }

    /** Every run id handed out and every run the engine started. @return the ids */
    public synchronized Set<String> runIds() {
        Set<String> all = new LinkedHashSet<>(handedOut);
        all.addAll(tracker.started());
        return all;
    }

    /**
     * Removes every resource of the test's runs and checks that nothing is left.
     *
     * @throws AssertionError when a resource could not be removed
     * @throws InterruptedException when interrupted
     */
    public void cleanUp() throws InterruptedException {
        Set<String> unfinished = tracker.awaitFinished(UNFINISHED_RUN_WAIT);
        if (!unfinished.isEmpty()) {
            LOG.warn("{}: runs {} still running {} after the test; removing their resources anyway", testName,
                    unfinished, UNFINISHED_RUN_WAIT);
        }
        if (docker.isEmpty()) {
            return;
        }
        DockerRuntime runtime = docker.get();
        Set<String> ids = runIds();
        List<String> removed = new ArrayList<>();
        try {
            for (String id : ids) {
                removed.addAll(runtime.pruneRun(id));
            }
            // Runs started through the injected options but with another run id carry the test label.
            for (String id : runIdsLabelled(runtime.client())) {
                if (!ids.contains(id)) {
                    removed.addAll(runtime.pruneRun(id));
                }
            }
        } catch (RuntimeFailure e) {
            throw new AssertionError(testName + ": could not remove the resources of runs " + ids + ": "
                    + e.getMessage(), e);
        }
        if (!removed.isEmpty()) {
            LOG.info("{}: removed what its runs left (kept steps): {}", testName, removed);
        }
        List<String> left = leftovers(runtime.client(), ids);
        if (!left.isEmpty()) {
            throw new AssertionError(testName + ": resources of its runs remain on the Docker engine after clean-up: "
                    + left);
        }
    }

    private Set<String> runIdsLabelled(DockerClient client) {
        Set<String> ids = new LinkedHashSet<>();
        for (Container c : client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(TEST_LABEL, testId))
                .exec()) {
            if (c.getLabels() != null && c.getLabels().get(RunSetup.RUN_ID_LABEL) != null) {
                ids.add(c.getLabels().get(RunSetup.RUN_ID_LABEL));
            }
        }
        for (var n : client.listNetworksCmd().withFilter("label", List.of(TEST_LABEL + "=" + testId)).exec()) {
            if (n.getLabels() != null && n.getLabels().get(RunSetup.RUN_ID_LABEL) != null) {
                ids.add(n.getLabels().get(RunSetup.RUN_ID_LABEL));
            }
        }
        var volumes = client.listVolumesCmd().withFilter("label", List.of(TEST_LABEL + "=" + testId)).exec()
                .getVolumes();
        if (volumes != null) {
            for (var v : volumes) {
                if (v.getLabels() != null && v.getLabels().get(RunSetup.RUN_ID_LABEL) != null) {
                    ids.add(v.getLabels().get(RunSetup.RUN_ID_LABEL));
                }
            }
        }
        return ids;
    }

    private List<String> leftovers(DockerClient client, Set<String> ids) {
        List<String> out = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        filters.add(TEST_LABEL + "=" + testId);
        for (String id : ids) {
            filters.add(RunSetup.RUN_ID_LABEL + "=" + id);
        }
        for (String filter : filters) {
            String[] kv = filter.split("=", 2);
            for (Container c : client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(kv[0], kv[1]))
                    .exec()) {
                String name = c.getNames() != null && c.getNames().length > 0 ? c.getNames()[0] : c.getId();
                out.add("container " + name);
            }
            for (var n : client.listNetworksCmd().withFilter("label", List.of(filter)).exec()) {
                out.add("network " + n.getName());
            }
            var volumes = client.listVolumesCmd().withFilter("label", List.of(filter)).exec().getVolumes();
            if (volumes != null) {
                for (var v : volumes) {
                    out.add("volume " + v.getName());
                }
            }
        }
        return out.stream().distinct().toList();
    }
}
