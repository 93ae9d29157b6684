package io.multistep.examples.junit;

import static io.multistep.test.MultistepAssertions.assertThat;

import io.multistep.engine.Engine;
import io.multistep.engine.RunOptions;
import io.multistep.engine.RunResult;
import io.multistep.engine.TaskSource;
import io.multistep.engine.testing.FakeRuntime;
import io.multistep.test.MultistepTest;
import io.multistep.test.TaskContext;
import org.junit.jupiter.api.Test;

/**
 * The same task file on the fake runtime: no Docker, milliseconds per test. The test scripts what
 * each step prints and returns, and checks how the run reacts (here: a failing test step).
 */
// tag::fake[]
@MultistepTest(runtime = MultistepTest.Runtime.FAKE, registry = "127.0.0.1:5000")
@TaskContext("greeting")
class GreetingTaskFakeTest {

    @Test
    void aFailingTestStepFailsTheRunAndSkipsDeploy(Engine engine, FakeRuntime fake, RunOptions.Builder options) {
        fake.step("test").printsLines("Hello, world!", "FAIL").exitsWith(1);
        RunOptions run = options.build();

        RunResult result = engine.run(TaskSource.file(run.context().orElseThrow().resolve("acb.yaml")), run);

        assertThat(result).failed()
                .hasFailureMessageContaining("test")
                .wasSkipped("deploy")
                .step("test").hasExitCode(1).outputContains("FAIL");
    }
}
// end::fake[]
