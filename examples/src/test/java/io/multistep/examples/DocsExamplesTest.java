package io.multistep.examples;

import static io.multistep.test.MultistepAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.engine.Engine;
import io.multistep.engine.RunOptions;
import io.multistep.engine.RunResult;
import io.multistep.engine.RunStatus;
import io.multistep.engine.SecretResolvers;
import io.multistep.engine.TaskSource;
import io.multistep.engine.testing.FakeRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documents' snippets do what the documents say (on the fake runtime). */
class DocsExamplesTest {

    private static final String TASK = """
            version: v1.1.0
            secrets:
              - id: token
                keyvault: vault://ci-token
            steps:
              - id: build
                cmd: multistep/busybox:test echo {{.Values.tag}} {{.Values.env}} $ID
              - id: test
                cmd: multistep/busybox:test echo token={{.Secrets.token}}
            """;

    @Test
    void runOptionsSnippetRendersValuesAndRunId(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("acb.yaml"), TASK.replace("vault://ci-token", "https://v.vault.azure.net/secrets/t"));
        FakeRuntime fake = new FakeRuntime();
        Engine engine = DocsExamples.engineWithSecrets(fake);

        RunResult result = DocsExamples.runWithOptions(engine, dir);

        assertThat(result).succeeded();
        assertThat(result.runId()).isEqualTo("build-42");
        assertThat(fake.setups().get(0).task().steps().get(0)).extracting(s -> ((io.multistep.spec.CmdStep) s).cmd())
                .isEqualTo("multistep/busybox:test echo v1 prod build-42");
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            DocsExamples.printResult(result);
        } finally {
            System.setOut(saved);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("run build-42: SUCCEEDED", "Step ID: test marked as successful");
    }

    @Test
    void secretResolverSnippetResolvesAndMasks() {
        FakeRuntime fake = new FakeRuntime();
        fake.step("test").printsLines("token=abc123");
        Engine engine = Engine.builder().runtime(fake)
                .secretResolver(new DocsExamples.InHouseVaultResolver(Map.of("ci-token", "abc123"))).build();

        RunResult result = engine.run(TaskSource.text(TASK, "acb.yaml"), RunOptions.defaults());

        assertThat(result).succeeded().step("test").outputContains("token=***").outputDoesNotContain("abc123");
    }

    @Test
    void containerRuntimeSnippetRunsCmdSteps() {
        Engine engine = Engine.builder().runtime(new DocsExamples.EchoRuntime())
                .secretResolver(SecretResolvers.fromMap(Map.of("token", "xyz"))).build();

        RunResult result = engine.run(TaskSource.text(TASK, "acb.yaml"), RunOptions.builder().value("tag", "v2").build());

        assertThat(result).succeeded().step("build").outputContains("multistep/busybox:test echo v2");
    }

    @Test
    void cancelSnippetReturnsTheResult() throws Exception {
        Engine engine = Engine.builder().runtime(new FakeRuntime()).build();
        RunResult result = DocsExamples.startAndCancel(engine, "version: v1.1.0\nsteps:\n  - cmd: a echo hi\n");
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
    }
}
