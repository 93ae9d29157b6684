package io.multistep.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate}: located problems, warnings, {@code --strict} and {@code --print-model}. */
class ValidateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The per-step keys of {@code --print-model} (issue "engine-runner"). */
    static final List<String> STEP_KEYS = List.of("id", "kind", "when", "dependencies", "env", "workingDirectory",
            "timeout", "startDelay", "retries", "retryDelay", "retryOnErrors", "repeat", "network", "detach", "keep",
            "ignoreErrors", "privileged", "pull", "user", "entryPoint", "ports", "expose", "cache", "tags",
            "buildArgs");

    @TempDir
    Path dir;

    @Test
    void everyProblemOfABadFileIsReportedAtItsAuthoredPosition() {
        String file = Cli.write(dir, "bad.yaml", """
                version: v1.0.0
                steps:
                  - id: a b
                    cmd: bash echo hi
                    retries: -1
                  - id: c
                    when: [zz]
                """);
        Cli.Result r = Cli.run("validate", "-f", file);
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEqualTo(file + ":5:14: error: step must specify retries >= 0 (found -1)\n"
                + file + ":3:9: error: step ID cannot contain spaces (found \"a b\")\n"
                + file + ":6:5: error: step is missing a cmd, build, or push property\n"
                + file + ":7:12: error: zz does not exist as a vertex [from: zz, to: c]\n");
    }

    @Test
    void everyProblemLineHasTheFileLineColumnSeverityForm() {
        String file = Cli.write(dir, "bad.yaml", """
                version: v9
                steps:
                  - cmd: bash echo hi
                    build: .
                  - id: acb_root
                    cmd: bash echo hi
                    cache: maybe
                """);
        Cli.Result r = Cli.run("validate", "-f", file);
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out().lines().filter(l -> !l.startsWith("    rendered: ")))
                .isNotEmpty()
                .allMatch(l -> l.matches(java.util.regex.Pattern.quote(file) + ":\\d+:\\d+: (error|warning): .+"));
        assertThat(r.out()).contains("invalid version specified", "step must only contain a single build, cmd, or push property");
    }

    @Test
    void yamlSyntaxErrorIsLocated() {
        String file = Cli.write(dir, "bad.yaml", "version: v1.0.0\nsteps:\n  - cmd: [unclosed\n");
        Cli.Result r = Cli.run("validate", "-f", file);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).matches("(?s)" + java.util.regex.Pattern.quote(file) + ":\\d+:\\d+: error: .*");
    }

    @Test
    void aMisspelledKeyIsAWarningWithDidYouMean() {
        String file = typo();
        Cli.Result r = Cli.run("validate", "-f", file);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(file + ":4:5: warning: unknown key \"disableWorkingDirectoryOveride\" in step"
                + " is ignored; did you mean \"disableWorkingDirectoryOverride\"?\n");
    }

    @Test
    void strictTurnsTheWarningIntoAnError() {
        String file = typo();
        Cli.Result r = Cli.run("validate", "--strict", "-f", file);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEqualTo(file + ":4:5: error: unknown key \"disableWorkingDirectoryOveride\" in step"
                + " is ignored; did you mean \"disableWorkingDirectoryOverride\"?\n");
    }

    @Test
    void aValidFileSaysSoOnStderrAndNothingOnStdout() {
        String file = Cli.write(dir, "ok.yaml", "version: v1.1.0\nsteps:\n  - cmd: bash echo hi\n  - cmd: bash echo ho\n");
        Cli.Result r = Cli.run("validate", "-f", file);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(file + ": valid, 2 step(s)\n");
    }

    @Test
    void printModelHasTaskNetworksAndEveryStepKey() throws Exception {
        String file = Cli.write(dir, "model.yaml", """
                version: v1.1.0
                steps:
                  - id: a
                    cmd: bash echo hi
                    env: [A=1]
                    retries: 2
                    retryOnErrors: [boom]
                    ports: ["8080:80"]
                    expose: ["80"]
                  - id: b
                    build: -t $Registry/x:1 --build-arg V=2 .
                    when: [a]
                    cache: enabled
                  - id: c
                    push: [$Registry/x:1]
                    when: [b]
                """);
        Cli.Result r = Cli.run("validate", "--print-model", "-f", file, "-r", "myreg.io", "--id", "r1");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode model = JSON.readTree(r.out());
        List<String> networks = new ArrayList<>();
        model.get("networks").forEach(n -> networks.add(n.get("name").asText() + ":" + n.get("isDefault").asBoolean()));
        assertThat(networks).containsExactly("acb_default_network:true");
        assertThat(model.get("defaultNetwork").asText()).isEqualTo("acb_default_network");
        JsonNode steps = model.get("steps");
        assertThat(steps).hasSize(3);
        for (JsonNode step : steps) {
            List<String> keys = new ArrayList<>();
            step.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as("keys of step %s", step.get("id")).containsAll(STEP_KEYS);
        }
        JsonNode a = steps.get(0);
        assertThat(a.get("kind").asText()).isEqualTo("cmd");
        assertThat(a.get("cmd").asText()).isEqualTo("mcr.microsoft.com/acr/bash:42e38da echo hi");
        assertThat(a.get("env").toString()).isEqualTo("[\"A=1\"]");
        assertThat(a.get("retries").asInt()).isEqualTo(2);
        assertThat(a.get("retryOnErrors").toString()).isEqualTo("[\"boom\"]");
        assertThat(a.get("timeout").asInt()).isEqualTo(600);
        assertThat(a.get("retryDelay").asInt()).isEqualTo(5);
        assertThat(a.get("network").asText()).isEqualTo("acb_default_network");
        assertThat(a.get("ports").toString()).isEqualTo("[\"8080:80\"]");
        assertThat(a.get("expose").toString()).isEqualTo("[\"80\"]");
        JsonNode b = steps.get(1);
        assertThat(b.get("kind").asText()).isEqualTo("build");
        assertThat(b.get("build").asText()).isEqualTo("-t myreg.io/x:1 --build-arg V=2 .");
        assertThat(b.get("tags").toString()).isEqualTo("[\"myreg.io/x:1\"]");
        assertThat(b.get("buildArgs").toString()).isEqualTo("[\"V=2\"]");
        assertThat(b.get("dependencies").toString()).isEqualTo("[\"a\"]");
        assertThat(b.get("cache").asText()).isEqualTo("enabled");
        JsonNode c = steps.get(2);
        assertThat(c.get("kind").asText()).isEqualTo("push");
        assertThat(c.get("push").toString()).isEqualTo("[\"myreg.io/x:1\"]");
        assertThat(c.get("when").toString()).isEqualTo("[\"b\"]");
    }

    @Test
    void printModelShowsEveryTagDockerApplies() throws Exception {
        String file = Cli.write(dir, "tags.yaml", "version: v1.1.0\nsteps:\n  - build: -t a:1 --tag=b:2 -tc:3 .\n");
        Cli.Result r = Cli.run("validate", "--print-model", "-f", file);
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode step = JSON.readTree(r.out()).get("steps").get(0);
        assertThat(step.get("tags").toString()).isEqualTo("[\"a:1\",\"b:2\",\"c:3\"]");
    }

    @Test
    void printModelWithDeclaredNetworksAndNoDefaultLeavesStepsOnDockersDefault() throws Exception {
        String file = Cli.write(dir, "nets.yaml", """
                version: v1.1.0
                networks:
                  - name: extra
                    driver: bridge
                  - name: second
                    isDefault: true
                    skipCreation: true
                steps:
                  - cmd: bash echo hi
                    network: extra
                  - cmd: bash echo ho
                """);
        Cli.Result r = Cli.run("validate", "--print-model", "-f", file);
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode model = JSON.readTree(r.out());
        assertThat(model.get("networks")).hasSize(2);
        assertThat(model.get("networks").get(0).get("driver").asText()).isEqualTo("bridge");
        assertThat(model.get("networks").get(1).get("skipCreation").asBoolean()).isTrue();
        assertThat(model.get("defaultNetwork").asText()).isEqualTo("second");
        assertThat(model.get("steps").get(0).get("network").asText()).isEqualTo("extra");
        assertThat(model.get("steps").get(1).get("network").asText()).isEqualTo("second");

        String noDefault = Cli.write(dir, "nodefault.yaml",
                "version: v1.1.0\nnetworks:\n  - name: extra\nsteps:\n  - cmd: bash echo hi\n");
        JsonNode m2 = JSON.readTree(Cli.run("validate", "--print-model", "-f", noDefault).out());
        assertThat(m2.has("defaultNetwork")).isFalse();
        assertThat(m2.get("steps").get(0).get("network").asText()).isEmpty();
    }

    @Test
    void printModelWithAnExternalNetworkUsesItAsDefault() throws Exception {
        String file = Cli.write(dir, "net.yaml", "version: v1.1.0\nsteps:\n  - cmd: bash echo hi\n");
        Cli.Result r = Cli.run("validate", "--print-model", "-f", file, "--network", "host-net");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode model = JSON.readTree(r.out());
        assertThat(model.get("defaultNetwork").asText()).isEqualTo("host-net");
        assertThat(model.get("steps").get(0).get("network").asText()).isEqualTo("host-net");
        JsonNode net = model.get("networks").get(0);
        assertThat(net.get("name").asText()).isEqualTo("host-net");
        assertThat(net.get("skipCreation").asBoolean()).isTrue();
        assertThat(net.get("driver").asText()).isEqualTo("external");
        assertThat(net.get("isDefault").asBoolean()).isTrue();
    }

    @Test
    void printModelKeepsStdoutPureJsonAndWarningsOnStderr() throws Exception {
        String file = typo();
        Cli.Result r = Cli.run("validate", "--print-model", "-f", file);
        assertThat(r.exit()).isZero();
        assertThat(JSON.readTree(r.out()).get("steps")).hasSize(1);
        assertThat(r.err()).contains("warning: unknown key \"disableWorkingDirectoryOveride\"");
    }

    @Test
    void modelFlagsChangeTheModel() throws Exception {
        String file = Cli.write(dir, "m.yaml", "version: v1.1.0\nsteps:\n  - cmd: bash echo hi\n    env: [B=2]\n");
        Cli.Result r = Cli.run("validate", "--print-model", "-f", file, "--env", "A=1,C=3", "--working-directory", "sub");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode step = JSON.readTree(r.out()).get("steps").get(0);
        assertThat(step.get("env").toString()).contains("A=1", "B=2", "C=3");
        assertThat(step.get("workingDirectory").asText()).isEqualTo("sub");
    }

    private String typo() {
        return Cli.write(dir, "typo.yaml", """
                version: v1.0.0
                steps:
                  - cmd: bash echo hi
                    disableWorkingDirectoryOveride: true
                """);
    }
}
