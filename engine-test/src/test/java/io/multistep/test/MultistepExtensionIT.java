package io.multistep.test;

import static io.multistep.test.MultistepAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.multistep.docker.DockerRuntime;
import io.multistep.docker.Leftover;
import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.engine.Engine;
import io.multistep.engine.RunOptions;
import io.multistep.engine.RunResult;
import io.multistep.engine.TaskSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The extension and the assertions on the real Docker engine. */
@MultistepTest(registry = DockerTestEnvironment.REGISTRY)
@ExtendWith(DockerTestEnvironment.class)
class MultistepExtensionIT {

    @Test
    @TaskContext("tasks/greet")
    void runsATaskFileOnDocker(Engine engine, RunOptions.Builder options, DockerRuntime docker) {
        RunOptions o = options.build();
        assertThat(engine.runtime()).isSameAs(docker);

        RunResult result = engine.run(TaskSource.file(o.context().orElseThrow().resolve("acb.yaml")), o);

        assertThat(result).succeeded()
                .stepsRanInOrder("compile", "unit", "deploy")
                .stepsOverlapped("unit", "lint")
                .step("unit").hasExitCode(0).outputContains("PASS unit").tookLessThan(Duration.ofSeconds(60))
                .step("deploy").outputContains("deployed");
    }

    @Test
    void aFailingStepIsReportedWithItsOutput(Engine engine, RunOptions.Builder options) {
        RunResult result = engine.run(TaskSource.text("""
                version: v1.1.0
                steps:
                  - id: test
                    cmd: 'multistep/busybox:test sh -c "echo FAIL: expected 2, got 3; exit 4"'
                  - id: deploy
                    cmd: multistep/busybox:test echo never
                """, "acb.yaml"), options.build());

        assertThat(result).failed().wasSkipped("deploy")
                .step("test").hasExitCode(4).outputContains("FAIL: expected 2");
    }

    /** Runs a task that keeps a container; the extension must remove it after the test. */
    @MultistepTest(registry = DockerTestEnvironment.REGISTRY)
    static class KeepsAContainer {
        static volatile String runId;
        static volatile List<String> keptDuringTheTest = List.of();

        @Test
        @TaskContext("tasks/image")
        void buildsPushesAndKeeps(Engine engine, RunOptions.Builder options, DockerRuntime docker) throws Exception {
            RunOptions o = options.build();
            runId = o.runId().orElseThrow();
            RunResult result = engine.run(TaskSource.file(o.context().orElseThrow().resolve("acb.yaml")), o);

            assertThat(result).succeeded()
                    .stepsRanInOrder("build", "push", "run")
                    .pushed(DockerTestEnvironment.REGISTRY + "/multistep-test-kit:" + runId)
                    .step("run").outputContains("hello from the test kit image");
            keptDuringTheTest = docker.leftovers(runId).stream().filter(l -> l.kind() == Leftover.Kind.CONTAINER)
                    .map(Leftover::name).toList();
        }
    }

    @Test
    void removesWhatTheTestsRunsKeptAfterTheTest(DockerTestEnvironment env) {
        var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(KeepsAContainer.class)).execute();

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(KeepsAContainer.keptDuringTheTest).as("the kept container existed during the test").hasSize(1);
        assertThat(env.labelledResources()).as("after the test").noneMatch(r -> r.contains(KeepsAContainer.runId));
        assertThat(Path.of("target")).exists();
    }
}
