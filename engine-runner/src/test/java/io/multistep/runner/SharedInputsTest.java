package io.multistep.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exec --dry-run}, {@code render}, {@code validate} and {@code graph} take the same inputs:
 * one command line works for all four, and all four see the task as {@code exec} would, secrets
 * included (and masked).
 */
class SharedInputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cr3t-value";

    @TempDir
    Path dir;

    private String task() {
        return Cli.write(dir, "acb.yaml", """
                version: v1.1.0
                secrets:
                  - id: tok
                    keyvault: https://example.vault.azure.net/secrets/tok
                  - id: other
                    keyvault: https://example.vault.azure.net/secrets/other
                steps:
                  - id: {{.Run.TaskName}}-{{.Values.a}}-{{.Values.b}}
                    cmd: bash echo {{.Secrets.tok}} {{.Secrets.other}} {{.Run.ID}} {{.Run.Registry}} {{.Run.SharedVolume}}
                """);
    }

    private List<String> args() {
        String values = Cli.write(dir, "values.yaml", "b: fromfile\n");
        String secretsFile = Cli.write(dir, "secrets.yaml", "other: other-secret-value\n");
        return List.of("-f", task(), "--name", "nightly", "--secret", "tok=" + SECRET, "--secrets-file", secretsFile,
                "--values", values, "--set", "a=set", "--id", "r1", "-r", "reg.io", "--homevol", "hv1",
                "--env", "E=1", "--network", "net1", "--working-directory", "sub", "--date", "2024-03-05T07:08:09Z",
                "-c", "abc", "--branch", "main", "--repository", "repo", "--git-tag", "v1", "--triggered-by", "me",
                "--os-version", "10", "--alias", "bash=busybox", dir.toString());
    }

    private static Cli.Result run(List<String> prefix, List<String> args) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(args);
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void oneCommandLineWorksForAllFourCommandsAndEachSeesTheTaskAsExecWould() throws Exception {
        List<String> args = args();
        Cli.Result dryRun = run(List.of("exec", "--dry-run"), args);
        Cli.Result render = run(List.of("render"), args);
        Cli.Result validate = run(List.of("validate"), args);
        Cli.Result graph = run(List.of("graph"), args);
        for (Cli.Result r : List.of(dryRun, render, validate, graph)) {
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.out() + r.err()).as(r.toString()).doesNotContain(SECRET, "other-secret-value");
        }
        assertThat(render.out()).contains("  - id: nightly-set-fromfile\n",
                "    cmd: bash echo *** *** r1 reg.io hv1\n");
        assertThat(dryRun.out()).contains("step nightly-set-fromfile:\n  image: busybox\n  command: echo *** *** r1 reg.io hv1\n",
                "env: HOME=/acb/home, E=1\n", "workdir: /workspace/sub\n", "network: net1 as alias");
        assertThat(validate.err()).endsWith("valid, 1 step(s)\n");
        assertThat(graph.out()).isEqualTo("nightly-set-fromfile (cmd)\n");

        List<String> model = new ArrayList<>(args);
        model.add(0, "--print-model");
        Cli.Result printed = run(List.of("validate"), model);
        assertThat(printed.exit()).as(printed.toString()).isZero();
        assertThat(printed.out()).doesNotContain(SECRET);
        JsonNode step = JSON.readTree(printed.out()).get("steps").get(0);
        assertThat(step.get("id").asText()).isEqualTo("nightly-set-fromfile");
        assertThat(step.get("cmd").asText()).isEqualTo("busybox echo *** *** r1 reg.io hv1");
        assertThat(step.get("env").toString()).contains("E=1");
        assertThat(step.get("workingDirectory").asText()).isEqualTo("sub");
        assertThat(step.get("network").asText()).isEqualTo("net1");
    }

    @Test
    void aSecretInAProblemIsMasked() {
        String file = Cli.write(dir, "bad.yaml", """
                version: v1.1.0
                secrets:
                  - id: tok
                    keyvault: https://example.vault.azure.net/secrets/tok
                steps:
                  - cmd: bash echo hi
                    timeout: {{.Secrets.tok}}
                """);
        for (String command : List.of("validate", "graph")) {
            Cli.Result r = Cli.run(command, "-f", file, "--secret", "tok=" + SECRET);
            assertThat(r.exit()).as(r.toString()).isEqualTo(2);
            assertThat(r.out() + r.err()).as(r.toString()).contains("bad.yaml:7:").doesNotContain(SECRET);
        }
        Cli.Result dryRun = Cli.run("exec", "--dry-run", "-f", file, "--secret", "tok=" + SECRET, dir.toString());
        assertThat(dryRun.exit()).as(dryRun.toString()).isEqualTo(2);
        assertThat(dryRun.out() + dryRun.err()).contains("bad.yaml:7:").doesNotContain(SECRET);
    }

    @Test
    void withoutItsSecretsAFileStillRendersAndValidatesButDryRunFailsAsExecWould() {
        String file = task();
        Cli.Result render = Cli.run("render", "-f", file);
        assertThat(render.exit()).as(render.toString()).isZero();
        assertThat(render.out()).contains("cmd: bash echo     \n");
        assertThat(Cli.run("validate", "-f", file).exit()).isZero();
        Cli.Result dryRun = Cli.run("exec", "--dry-run", "-f", file, dir.toString());
        assertThat(dryRun.exit()).as(dryRun.toString()).isEqualTo(2);
        assertThat(dryRun.err()).contains("failed to resolve secrets in the task with error: failed to resolve secret ID: tok:"
                + " no secret resolver supports it");
    }

    @Test
    void aMissingContextIsRefusedByAllFour() {
        String file = task();
        String missing = dir.resolve("missing").toString();
        for (List<String> command : List.of(List.of("exec", "--dry-run"), List.of("render"), List.of("validate"),
                List.of("graph"))) {
            Cli.Result r = run(command, List.of("-f", file, missing));
            assertThat(r.exit()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(r.toString()).contains("the context " + missing + " is not a folder");
        }
    }
}
