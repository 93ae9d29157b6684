package io.multistep.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.examples.embedding.EmbeddingExample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** examples/embedding: the program runs its task on Docker and prints a progress line per step. */
@ExtendWith(DockerTestEnvironment.class)
class EmbeddingExampleIT {

    @Test
    void printsAProgressLinePerStep(DockerTestEnvironment docker) {
        Path folder = RunnerJar.root().resolve("examples/embedding");
        String runId = docker.newRunId();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int exit = EmbeddingExample.run(folder, Optional.of(runId), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(exit).as("exit code; output:\n%s", String.join("\n", lines)).isZero();
        assertThat(lines).contains("[progress] prepare started", "[progress] read started", "[progress] count started",
                "[progress] run " + runId + " succeeded", "  read | Multistep embedded", "  count | 19");
        for (String step : List.of("prepare", "read", "count", "tidy")) {
            assertThat(lines).anyMatch(l -> l.matches("\\[progress\\] " + step + " succeeded in \\d+\\.\\d s \\(exit 0\\)"));
        }
        assertThat(lines.indexOf("[progress] prepare started")).isLessThan(lines.indexOf("[progress] read started"));
        assertThat(folder.resolve("message.txt")).as("the task tidies its workspace").doesNotExist();
        assertThat(docker.labelledResources()).noneMatch(r -> r.contains(runId));
    }
}
