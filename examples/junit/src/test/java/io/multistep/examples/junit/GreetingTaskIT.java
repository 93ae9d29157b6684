// tag::test[]
package io.multistep.examples.junit;

import static io.multistep.test.MultistepAssertions.assertThat;

import io.multistep.engine.Engine;
import io.multistep.engine.RunOptions;
import io.multistep.engine.RunResult;
import io.multistep.engine.TaskSource;
import io.multistep.test.MultistepTest;
import io.multistep.test.TaskContext;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Tests the task file src/test/resources/greeting/acb.yaml on the real Docker engine: it builds an
 * image, pushes it to the local registry and runs it. Skipped when no Docker engine answers.
 */
@MultistepTest(registry = "127.0.0.1:5000")  // the registry is $Registry in the task file
@TaskContext("greeting")                     // src/test/resources/greeting is /workspace and the build context
class GreetingTaskIT {

    @Test
    void buildsPushesAndGreets(Engine engine, RunOptions.Builder options) {
        RunOptions run = options.build();    // a fresh run id for this test
        Path taskFile = run.context().orElseThrow().resolve("acb.yaml");

        RunResult result = engine.run(TaskSource.file(taskFile), run);

        assertThat(result).succeeded()
                .stepsRanInOrder("build", "push", "test", "deploy")
                .pushed("127.0.0.1:5000/greeting")
                .step("test")
                    .hasExitCode(0)
                    .outputContains("Hello, Multistep!", "PASS")
                    .tookLessThan(Duration.ofSeconds(60));
        // After the test, the extension removes every container, network and volume of its runs.
    }
}
// end::test[]
