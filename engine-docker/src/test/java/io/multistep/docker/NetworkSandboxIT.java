package io.multistep.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.engine.Engine;
import io.multistep.engine.RunEvent;
import io.multistep.engine.RunListener;
import io.multistep.engine.RunResult;
import io.multistep.engine.spi.RunSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain steps share one network namespace per task network (the runtime's network sandbox): they
 * keep what the reference gives them (their own container, reachable by id on the task network, the
 * network's DNS), and the steps that need a namespace of their own get one.
 */
@ExtendWith(DockerTestEnvironment.class)
class NetworkSandboxIT {
    private static final String IMG = DockerTestEnvironment.BASE_IMAGE;
    private static final String SANDBOX_LABEL = RunLabels.NETWORK_SANDBOX;
    private static DockerRuntime shared;
    private static DockerRuntime isolated;
    private static DockerTestEnvironment env;

    @BeforeAll
    static void start(DockerTestEnvironment e) {
        env = e;
        shared = DockerRuntime.builder().build();
        isolated = DockerRuntime.builder().shareNetworkNamespaces(false).build();
    }

    @AfterAll
    static void stop() {
        shared.close();
        isolated.close();
    }

    /** Records each step's container network mode, read from the engine while the container runs. */
    private static final class NetworkModes implements RunListener {
        final Map<String, String> byStep = new ConcurrentHashMap<>();

        @Override
        public void containerStarted(RunEvent.ContainerStarted event) {
            byStep.put(event.stepId(), env.client().inspectContainerCmd(event.containerId()).exec()
                    .getHostConfig().getNetworkMode());
        }
    }

    /** The ids of a run's network sandbox containers. */
    private static List<String> sandboxesOf(String runId) {
        return env.client().listContainersCmd().withLabelFilter(Map.of(RunSetup.RUN_ID_LABEL, runId)).exec().stream()
                .filter(c -> c.getLabels().containsKey(SANDBOX_LABEL)).map(Container::getId).toList();
    }

    private RunResult run(DockerRuntime runtime, String task, Path context, RunListener... listeners) {
        Engine.Builder builder = Engine.builder().runtime(runtime);
        for (RunListener l : listeners) {
            builder.listener(l);
        }
        return env.runLeavingNothing(builder.build(), task, context);
    }

    @Test
    void parallelStepsInTheSandboxReachEachOtherByIdOnTheTaskNetwork(@TempDir Path ctx) throws Exception {
        Files.createDirectories(ctx.resolve("www"));
        Files.writeString(ctx.resolve("www/index.html"), "served by step server\n");
        // httpd without -f goes to the background; the server step ends once the client has its page.
        String task = """
                steps:
                  - id: server
                    cmd: %1$s sh -c 'httpd -p 8080 -h /workspace/www; for i in $(seq 1 100); do [ -f /workspace/done ] && exit 0; sleep 0.1; done; exit 1'
                    when: ["-"]
                  - id: client
                    cmd: %1$s sh -c 'for i in $(seq 1 50); do wget -q -O - http://server:8080/index.html && touch /workspace/done && exit 0; sleep 0.1; done; touch /workspace/done; exit 1'
                    when: ["-"]
                  - id: dns
                    cmd: %1$s sh -c 'grep nameserver /etc/resolv.conf'
                    when: [server, client]
                """.formatted(IMG);
        NetworkModes modes = new NetworkModes();
        RunResult r = run(shared, task, ctx, modes);

        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(r.step("client").outputTail()).endsWith("served by step server");
        // The task network's embedded DNS, not the default bridge's copy of the host's resolv.conf.
        assertThat(r.step("dns").outputTail()).containsExactly("nameserver 127.0.0.11");
        assertThat(modes.byStep).hasSize(3);
        assertThat(modes.byStep.values()).allMatch(m -> m.startsWith("container:"), "joined the sandbox");
        assertThat(modes.byStep.values()).as("one sandbox for the task network")
                .allMatch(m -> m.equals(modes.byStep.get("server")));
    }

    @Test
    void detachedAndPublishingStepsGetANamespaceOfTheirOwn(@TempDir Path ctx) {
        String task = """
                steps:
                  - id: plain
                    cmd: %1$s true
                  - id: service
                    cmd: %1$s sleep 30
                    detach: true
                  - id: published
                    cmd: %1$s true
                    ports: ["8080"]
                  - id: exposed
                    cmd: %1$s true
                    expose: ["8080"]
                  - id: isolated
                    cmd: %1$s true
                    network: none
                """.formatted(IMG);
        NetworkModes modes = new NetworkModes();
        RunResult r = run(shared, task, ctx, modes);

        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(modes.byStep.get("plain")).startsWith("container:");
        for (String own : List.of("service", "published", "exposed")) {
            assertThat(modes.byStep.get(own)).as(own).startsWith("acb_default_network");
        }
        assertThat(modes.byStep.get("isolated")).isEqualTo("none");
    }

    @Test
    void withSharingOffEveryStepHasItsOwnNamespaceAndNoSandboxIsStarted(@TempDir Path ctx) {
        String task = """
                steps:
                  - id: a
                    cmd: %1$s true
                  - id: b
                    cmd: %1$s true
                """.formatted(IMG);
        NetworkModes modes = new NetworkModes();
        List<String> sandboxesSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunListener sandboxWatch = new RunListener() {
            @Override
            public void containerStarted(RunEvent.ContainerStarted event) {
                sandboxesSeen.addAll(sandboxesOf(event.runId()));
            }
        };
        RunResult r = run(isolated, task, ctx, modes, sandboxWatch);

        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(modes.byStep.values()).hasSize(2).allMatch(m -> m.startsWith("acb_default_network"));
        assertThat(sandboxesSeen).isEmpty();
    }

    @Test
    void aStepRunsInANamespaceOfItsOwnWhenTheSandboxIsGone(@TempDir Path ctx) {
        String task = """
                steps:
                  - id: first
                    cmd: %1$s sleep 1
                  - id: second
                    cmd: %1$s sh -c 'grep nameserver /etc/resolv.conf'
                """.formatted(IMG);
        // Someone removes the sandbox while the first step runs.
        RunListener remover = new RunListener() {
            @Override
            public void containerStarted(RunEvent.ContainerStarted event) {
                if (!event.stepId().equals("first")) {
                    return;
                }
                for (String id : sandboxesOf(event.runId())) {
                    env.client().removeContainerCmd(id).withForce(true).exec();
                }
            }
        };
        NetworkModes modes = new NetworkModes();
        RunResult r = run(shared, task, ctx, remover, modes);

        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(modes.byStep.get("first")).startsWith("container:");
        assertThat(modes.byStep.get("second")).startsWith("acb_default_network");
        assertThat(r.step("second").outputTail()).containsExactly("nameserver 127.0.0.11");
    }
}
