package io.multistep.test.internal;

import io.multistep.docker.DockerRuntime;
import io.multistep.docker.Leftover;
import io.multistep.engine.Engine;
import io.multistep.engine.RunOptions;
import io.multistep.engine.spi.ContainerRuntime;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.testing.FakeRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one test uses: its engine (on the shared Docker runtime or its own fake runtime), the run ids
 * it handed out, the runs it saw start, and the clean-up after the test.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
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
            for (String id : runIdsLabelled(runtime)) {
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
        List<String> left;
        try {
            left = leftovers(runtime, ids);
        } catch (RuntimeFailure e) {
            throw new AssertionError(testName + ": could not list the resources of runs " + ids + ": "
                    + e.getMessage(), e);
        }
        if (!left.isEmpty()) {
            throw new AssertionError(testName + ": resources of its runs remain on the Docker engine after clean-up: "
                    + left);
        }
    }

    private Set<String> runIdsLabelled(DockerRuntime runtime) throws RuntimeFailure {
        Set<String> ids = new LinkedHashSet<>();
        for (Leftover l : runtime.labelled(TEST_LABEL, testId)) {
            if (!l.runId().isEmpty()) {
                ids.add(l.runId());
            }
        }
        return ids;
    }

    private List<String> leftovers(DockerRuntime runtime, Set<String> ids) throws RuntimeFailure {
        List<Leftover> out = new ArrayList<>(runtime.labelled(TEST_LABEL, testId));
        for (String id : ids) {
            out.addAll(runtime.leftovers(id));
        }
        return out.stream().map(l -> l.kind() == Leftover.Kind.CONTAINER ? "container /" + l.name() : l.toString())
                .distinct().toList();
    }
}
