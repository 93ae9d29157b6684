package io.multistep.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.docker.testing.DockerTestEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's main command: examples/hello builds, pushes and runs an image through the runner jar. */
@ExtendWith(DockerTestEnvironment.class)
class HelloExampleIT {

    @Test
    void helloExampleBuildsPushesAndRunsTheImage(DockerTestEnvironment docker) throws Exception {
        Path hello = RunnerJar.root().resolve("examples/hello");
        String runId = docker.newRunId();

        RunnerJar.Outcome outcome = RunnerJar.run(hello, 300, "exec", "-f", "acb.yaml", "-r", "127.0.0.1:5000",
                "--id", runId, "--no-color", ".");

        assertThat(outcome.exitCode()).as("exit code; stderr:\n%s", outcome.stderr()).isZero();
        assertThat(outcome.stdout()).containsPattern("(?m)^run +\\| Hello from a Multistep task: built, pushed and run\\.$");
        assertThat(outcome.stderr()).contains("build", "push", "run").containsPattern("succeeded");

        HttpResponse<String> tags = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:5000/v2/hello/tags/list"))
                        .timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tags.body()).as("the registry lists the pushed tag").contains("\"" + runId + "\"");
        assertThat(docker.labelledResources()).as("nothing of the run is left on the engine")
                .noneMatch(r -> r.endsWith("(" + runId + ")"));
    }
}
