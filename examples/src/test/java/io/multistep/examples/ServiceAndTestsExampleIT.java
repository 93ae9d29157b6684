package io.multistep.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.docker.testing.DockerTestEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** examples/service-and-tests: a detached service, two parallel tests against it, a final step. */
@ExtendWith(DockerTestEnvironment.class)
class ServiceAndTestsExampleIT {

    @Test
    void testsReachTheServiceByItsStepId(DockerTestEnvironment docker) throws Exception {
        Path example = RunnerJar.root().resolve("examples/service-and-tests");
        String runId = docker.newRunId();

        RunnerJar.Outcome outcome = RunnerJar.run(example, 120, "exec", "-f", "acb.yaml", "--id", runId, "--no-color",
                ".");

        assertThat(outcome.exitCode()).as("exit code; stderr:\n%s", outcome.stderr()).isZero();
        assertThat(outcome.stdout())
                .containsPattern("(?m)^test-page +\\| PASS page$")
                .containsPattern("(?m)^test-health +\\| PASS health$")
                .containsPattern("(?m)^report +\\| all tests passed against the service$");
        assertThat(outcome.stderr())
                .contains("Step ID: service marked as successful", "Step ID: test-page marked as successful",
                        "Step ID: test-health marked as successful", "Step ID: report marked as successful")
                .contains("Run ID: " + runId + " succeeded");
        assertThat(docker.labelledResources()).as("nothing of the run is left on the engine")
                .noneMatch(r -> r.contains(runId));
    }
}
