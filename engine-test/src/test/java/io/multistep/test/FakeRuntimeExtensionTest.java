package io.multistep.test;

import static io.multistep.test.MultistepAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.engine.Engine;
import io.multistep.engine.RunOptions;
import io.multistep.engine.RunResult;
import io.multistep.engine.TaskSource;
import io.multistep.engine.testing.FakeRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The extension on the fake runtime: what it injects, and a task file driven through it. */
@MultistepTest(runtime = MultistepTest.Runtime.FAKE, registry = "127.0.0.1:5000")
@TaskContext("tasks/greet")
class FakeRuntimeExtensionTest {

    private static final Set<String> RUN_IDS_SEEN = new HashSet<>();
    private FakeRuntime fakeInBeforeEach;

    @BeforeEach
    void script(FakeRuntime fake) {
        // Long enough that the two parallel steps overlap even when a loaded machine starts one late.
        fakeInBeforeEach = fake;
        fake.step("unit").printsLines("PASS unit").afterMillis(400);
        fake.step("lint").printsLines("PASS lint").afterMillis(400);
    }

    @Test
    void injectsAnEngineOnTheFakeRuntimeAndOptionsWithTheContextAndRegistry(Engine engine, FakeRuntime fake,
            RunOptions.Builder options) {
        assertThat(engine.runtime()).isSameAs(fake).isSameAs(fakeInBeforeEach);
        RunOptions built = options.build();
        assertThat(built.registry()).isEqualTo("127.0.0.1:5000");
        assertThat(built.context()).hasValueSatisfying(p -> {
            assertThat(p).isDirectory();
            assertThat(p.resolve("acb.yaml")).exists();
        });
        assertThat(built.runId()).hasValueSatisfying(id -> assertThat(id).matches("mt[0-9a-f]{6}-\\d+"));
        assertThat(RUN_IDS_SEEN.add(built.runId().orElseThrow())).as("a fresh run id per test").isTrue();
    }

    @Test
    void eachOptionsParameterHasItsOwnRunId(RunOptions.Builder first, RunOptions.Builder second) {
        String a = first.build().runId().orElseThrow();
        String b = second.build().runId().orElseThrow();
        assertThat(a).isNotEqualTo(b);
        assertThat(RUN_IDS_SEEN.add(a)).isTrue();
        assertThat(RUN_IDS_SEEN.add(b)).isTrue();
    }

    @Test
    void runsTheTaskFileOnScriptedSteps(Engine engine, FakeRuntime fake, RunOptions.Builder options) {
        Path task = options.build().context().orElseThrow().resolve("acb.yaml");
        RunResult result = engine.run(TaskSource.file(task), options.build());

        assertThat(result).succeeded()
                .hasStepIds("compile", "unit", "lint", "deploy")
                .stepsRanInOrder("compile", "unit", "deploy")
                .stepsRanInOrder("compile", "lint", "deploy")
                .stepsOverlapped("unit", "lint")
                .step("unit").hasExitCode(0).outputContains("PASS unit");
        assertThat(fake.sessionClosed()).isTrue();
    }

    @Test
    void aFailingStepFailsTheRunAndSkipsItsDependents(Engine engine, FakeRuntime fake, RunOptions.Builder options)
            throws Exception {
        fake.step("lint").printsErrLines("lint: 2 problems").exitsWith(3);
        Path task = options.build().context().orElseThrow().resolve("acb.yaml");
        RunResult result = engine.run(TaskSource.text(Files.readString(task), "acb.yaml"), options.build());

        assertThat(result).failed()
                .hasFailureMessageContaining("lint")
                .wasSkipped("deploy")
                .step("lint").failed().hasExitCode(3).outputContains("2 problems");
    }

    @Test
    @TaskContext("tasks")
    void aMethodAnnotationOverridesTheClassContext(RunOptions.Builder options) {
        assertThat(options.build().context()).hasValueSatisfying(p -> assertThat(p.getFileName()).hasToString("tasks"));
    }
}
