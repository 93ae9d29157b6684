package io.multistep.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.testsupport.TestSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The shaded jar as a separate process against the real Docker engine: exit statuses, text and JSON
 * output, reports, secret masking and cancellation by signal. Every run has its own run id, and
 * every test checks that nothing labelled with it is left on the engine.
 */
@ExtendWith(DockerTestEnvironment.class)
class CliIT {

    private static final String TOK = TestSecrets.value("tok");
    private static final String PW = TestSecrets.value("pw");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = DockerTestEnvironment.BASE_IMAGE;
    private static Path jar;

    @TempDir
    Path dir;

    /** What one process did. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @BeforeAll
    static void findJar() {
        String root = System.getProperty("multistep.root", "..");
        jar = Path.of(root, "engine-runner", "target", "multistep.jar");
        assertThat(jar).as("the shaded jar (built in the package phase)").exists();
    }

    @Test
    void succeedingRunPrintsPrefixedOutputSummaryAndValidReports(DockerTestEnvironment env) throws Exception {
        String runId = env.newRunId();
        Path task = write("ok.yaml", """
                version: v1.1.0
                secrets:
                  - id: tok
                    keyvault: https://example.vault.azure.net/secrets/tok
                steps:
                  - id: one
                    cmd: %1$s echo hello-one
                  - id: second
                    cmd: %1$s sh -c "echo out-two; echo err-two >&2"
                    when: [one]
                  - id: s
                    cmd: %1$s echo token={{.Secrets.tok}}
                    when: [one]
                """.formatted(IMAGE));
        Path report = dir.resolve("out/report.json");
        Path junit = dir.resolve("out/junit.xml");
        Run r = exec(List.of("exec", "-f", task.toString(), "--id", runId, "--secret", "tok=" + TOK,
                "--report", report.toString(), "--junit=" + junit, "--name", "ok-task", dir.toString()));
        assertThat(r.exit()).as(r.toString()).isZero();
        // Container lines carry "<step> | " padded to the longest id; stderr lines go to stderr.
        assertThat(r.out().lines()).contains("one    | hello-one", "second | out-two", "s      | token=***");
        assertThat(r.err()).contains("second | err-two");
        assertThat(r.out() + r.err()).doesNotContain(TOK);
        assertThat(r.err()).containsPattern("(?m)^STEP\\s+STATUS\\s+EXIT\\s+ATTEMPTS\\s+DURATION\\s+IMAGES$")
                .containsPattern("(?m)^one\\s+succeeded\\s+0\\s+1\\s+[0-9.]+s\\s+-$")
                .containsPattern("(?m)^second\\s+succeeded\\s+0\\s+1\\s+")
                .containsPattern("(?m)^s\\s+succeeded\\s+0\\s+1\\s+")
                .contains("Run ID: " + runId + " succeeded after ");

        String reportText = Files.readString(report);
        assertThat(reportText).doesNotContain(TOK).contains("token=***");
        JsonNode json = JSON.readTree(reportText);
        assertThat(ReportValidation.runReportProblems(json)).isEmpty();
        assertThat(json.get("runId").asText()).isEqualTo(runId);
        assertThat(json.get("status").asText()).isEqualTo("succeeded");
        assertThat(json.get("steps")).hasSize(3);

        ReportValidation.validateJunit(junit);
        String junitText = Files.readString(junit);
        assertThat(junitText).doesNotContain(TOK).contains("token=***");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo("ok-task");
        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("3");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertNothingLeft(env, runId);
    }

    @Test
    void failingStepIsExit1WithSummaryAndSkippedDependents(DockerTestEnvironment env) throws Exception {
        String runId = env.newRunId();
        Path task = write("fail.yaml", """
                version: v1.1.0
                steps:
                  - id: ok
                    cmd: %1$s echo fine
                  - id: boom
                    cmd: %1$s sh -c "echo dying; exit 3"
                    when: [ok]
                  - id: after
                    cmd: %1$s echo never
                    when: [boom]
                """.formatted(IMAGE));
        Path report = dir.resolve("report.json");
        Path junit = dir.resolve("junit.xml");
        Run r = exec(List.of("exec", "--file", task.toString(), "--id=" + runId, "--report=" + report,
                "--junit", junit.toString(), dir.toString()));
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out().lines()).contains("ok    | fine", "boom  | dying").noneMatch(l -> l.contains("never"));
        assertThat(r.err()).containsPattern("(?m)^ok\\s+succeeded\\s+0\\s+1\\s+")
                .containsPattern("(?m)^boom\\s+failed\\s+3\\s+1\\s+")
                .containsPattern("(?m)^after\\s+skipped\\s+-\\s+0\\s+-\\s+-$");
        assertThat(r.err().lines().toList()).last().isEqualTo("failed to run step ID: boom: exit status 3");

        JsonNode json = JSON.readTree(Files.readString(report));
        assertThat(ReportValidation.runReportProblems(json)).isEmpty();
        assertThat(json.get("status").asText()).isEqualTo("failed");
        assertThat(json.get("failure").asText()).isEqualTo("failed to run step ID: boom: exit status 3");
        assertThat(json.get("steps").get(2).get("status").asText()).isEqualTo("skipped");

        ReportValidation.validateJunit(junit);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(doc.getDocumentElement().getAttribute("skipped")).isEqualTo("1");
        assertThat(doc.getElementsByTagName("failure").item(0).getTextContent()).isEqualTo("dying");
        assertNothingLeft(env, runId);
    }

    @Test
    void isolatedNetworksGiveEveryStepANamespaceOfItsOwn(DockerTestEnvironment env) throws Exception {
        // A container that joins another's network namespace also takes its hostname: plain steps that
        // share the run's namespace print the same one, steps in namespaces of their own different ones.
        Path task = write("hosts.yaml", """
                version: v1.1.0
                steps:
                  - id: first
                    cmd: %1$s hostname
                  - id: second
                    cmd: %1$s hostname
                """.formatted(IMAGE));
        String shared = env.newRunId();
        Run r = exec(List.of("exec", "-f", task.toString(), "--id", shared, "--no-color", dir.toString()));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(hostnames(r)).hasSize(2).containsOnly(hostnames(r).get(0));
        assertNothingLeft(env, shared);

        String isolated = env.newRunId();
        r = exec(List.of("exec", "-f", task.toString(), "--id", isolated, "--isolated-networks", dir.toString()));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(hostnames(r)).hasSize(2).doesNotHaveDuplicates();
        assertNothingLeft(env, isolated);
    }

    private static List<String> hostnames(Run r) {
        return r.out().lines().filter(l -> l.startsWith("first") || l.startsWith("second"))
                .map(l -> l.substring(l.indexOf('|') + 1).trim()).toList();
    }

    @Test
    void invalidInputIsExit2WithProblemsAndCreatesNothing(DockerTestEnvironment env) throws Exception {
        String runId = env.newRunId();
        Path task = write("bad.yaml", """
                version: v1.1.0
                steps:
                  - id: a b
                    cmd: %s echo hi
                    retries: -1
                """.formatted(IMAGE));
        Run r = exec(List.of("exec", "-f", task.toString(), "--id", runId, dir.toString()));
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(task + ":5:14: error: step must specify retries >= 0 (found -1)",
                task + ":3:9: error: step ID cannot contain spaces (found \"a b\")");
        assertNothingLeft(env, runId);

        Run usage = exec(List.of("exec", "--no-such-flag"));
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("Unknown option: '--no-such-flag'");
    }

    @Test
    void aSecretInAWorkingDirectoryOrInATypeErrorIsMaskedWhole(DockerTestEnvironment env) throws Exception {
        String runId = env.newRunId();
        Path task = write("wd.yaml", """
                version: v1.1.0
                secrets:
                  - id: wd
                    keyvault: https://example.vault.azure.net/secrets/wd
                steps:
                  - id: a
                    cmd: %s pwd
                    workingDirectory: /tmp/{{.Secrets.wd}}
                """.formatted(IMAGE));
        Run r = exec(List.of("exec", "-f", task.toString(), "--id", runId, "--secret", "wd=" + TOK, dir.toString()));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains("Executing step ID: a. Timeout(sec): 600, Working directory: '/tmp/***', ");
        assertThat(r.out()).contains("a    | /tmp/***");
        assertThat(r.out() + r.err()).doesNotContain(TestSecrets.MARKER);
        assertNothingLeft(env, runId);

        Path typeError = write("type.yaml", """
                version: v1.1.0
                secrets:
                  - id: t
                    keyvault: https://example.vault.azure.net/secrets/t
                steps:
                  - cmd: %s pwd
                    timeout: {{.Secrets.t}}
                """.formatted(IMAGE));
        Run bad = exec(List.of("exec", "-f", typeError.toString(), "--secret", "t=" + TestSecrets.value("a-long-one"),
                dir.toString()));
        assertThat(bad.exit()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.err()).contains("cannot unmarshal !!str `***...` into int").doesNotContain("S3cr");
    }

    @Test
    void jsonOutputIsOneJsonObjectPerLineAndMasksSecrets(DockerTestEnvironment env) throws Exception {
        String runId = env.newRunId();
        Path task = write("json.yaml", """
                version: v1.1.0
                secrets:
                  - id: pw
                    keyvault: https://example.vault.azure.net/secrets/pw
                steps:
                  - id: a
                    cmd: %1$s sh -c "echo first; echo 'the pw is {{.Secrets.pw}}'"
                  - id: b
                    cmd: %1$s echo second
                    when: [a]
                """.formatted(IMAGE));
        Run r = exec(List.of("exec", "-f", task.toString(), "--id", runId, "--output", "json",
                "--secret=pw=" + PW, dir.toString()));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain(PW);
        List<String> events = new ArrayList<>();
        List<String> logs = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            assertThat(node.has("event") && node.has("runId") && node.has("time")).as(line).isTrue();
            assertThat(node.get("runId").asText()).isEqualTo(runId);
            events.add(node.get("event").asText());
            if (node.get("event").asText().equals("log")) {
                logs.add(node.get("step").asText() + ":" + node.get("text").asText());
            }
            if (node.get("event").asText().equals("runFinished")) {
                com.fasterxml.jackson.databind.node.ObjectNode report = node.deepCopy();
                report.remove(List.of("event", "time"));
                assertThat(ReportValidation.runReportProblems(report)).isEmpty();
            }
        }
        assertThat(events.get(0)).isEqualTo("runStarted");
        assertThat(events.get(events.size() - 1)).isEqualTo("runFinished");
        assertThat(events).contains("stepStarted", "containerStarted", "log", "stepFinished");
        assertThat(logs).containsExactly("a:first", "a:the pw is ***", "b:second");
        assertNothingLeft(env, runId);
    }

    @Test
    void sigintCancelsTheRunWithExit130AndRemovesItsResources(DockerTestEnvironment env) throws Exception {
        cancel(env, "INT");
    }

    @Test
    void sigtermCancelsTheRunWithExit130AndRemovesItsResources(DockerTestEnvironment env) throws Exception {
        cancel(env, "TERM");
    }

    @Test
    void dryRunNeedsNoDockerEngine() throws Exception {
        Path task = write("dry.yaml", "version: v1.1.0\nsteps:\n  - id: x\n    cmd: " + IMAGE + " echo hi\n");
        Run r = exec(List.of("exec", "--dry-run", "-f", task.toString(), dir.toString()),
                Map.of("DOCKER_HOST", "tcp://127.0.0.1:9"), Duration.ofSeconds(60));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("# Rendered task", "# Step graph", "# Operations", "step x:");
    }

    /**
     * A step's "container started" line must come before the container's output. It does not:
     * engine-docker's DockerSession (internal/DockerSession.java, the attached path of runCmd) attaches
     * to the container, starts it, and only when {@code startContainerCmd} has returned calls
     * {@code output.containerStarted(containerId)}; by then the attach stream has often delivered the
     * container's first lines, so engine-core emits LogLine events before ContainerStarted (seen in
     * text output as {@code two | err-two} printed above {@code Step ID: two: container ... started}).
     */
    @Test
    void containerStartedComesBeforeTheContainersOutput(DockerTestEnvironment env) throws Exception {
        String runId = env.newRunId();
        StringBuilder steps = new StringBuilder("version: v1.1.0\nsteps:\n");
        for (int i = 0; i < 4; i++) {
            steps.append("  - id: s").append(i).append("\n    cmd: ").append(IMAGE).append(" echo line-").append(i)
                    .append("\n    when: ['-']\n");
        }
        Path task = write("order.yaml", steps.toString());
        Run r = exec(List.of("exec", "-f", task.toString(), "--id", runId, "--output", "json", dir.toString()));
        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> order = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            JsonNode node = JSON.readTree(line);
            String event = node.get("event").asText();
            if (event.equals("containerStarted") || event.equals("log")) {
                order.add(node.get("step").asText() + ":" + event);
            }
        }
        for (int i = 0; i < 4; i++) {
            assertThat(order.indexOf("s" + i + ":containerStarted")).as(order.toString())
                    .isLessThan(order.indexOf("s" + i + ":log"));
        }
        assertNothingLeft(env, runId);
    }

    private void cancel(DockerTestEnvironment env, String signal) throws Exception {
        String runId = env.newRunId();
        Path task = write("long.yaml", """
                version: v1.1.0
                steps:
                  - id: first
                    cmd: %1$s echo started
                  - id: sleeper
                    cmd: %1$s sleep 120
                    when: [first]
                  - id: never
                    cmd: %1$s echo never
                    when: [sleeper]
                """.formatted(IMAGE));
        Path out = dir.resolve("cancel.out");
        Path err = dir.resolve("cancel.err");
        Process p = command(List.of("exec", "-f", task.toString(), "--id", runId, dir.toString()), Map.of())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (signal.equals("INT") && sigintIgnored(p.pid())) {
                Assumptions.abort("the runner was started with SIGINT ignored (a non-interactive shell's background job);"
                        + " a process cannot handle SIGINT then");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Pattern started = Pattern.compile("(?m)^Step ID: sleeper: container \\w+ started");
            while (!started.matcher(Files.readString(err)).find()) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    fail("the sleeper's container did not start:\n" + Files.readString(err));
                }
                Thread.sleep(100);
            }
            long signalled = System.nanoTime();
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the runner ended after SIG" + signal).isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - signalled);
            String stderr = Files.readString(err);
            assertThat(p.exitValue()).as(stderr).isEqualTo(130);
            assertThat(took).as("cancellation does not wait for the step's sleep").isLessThan(Duration.ofSeconds(30));
            assertThat(stderr).contains("Cancelling run " + runId)
                    .containsPattern("(?m)^sleeper\\s+cancelled\\s+")
                    .containsPattern("(?m)^never\\s+skipped\\s+");
            assertThat(Files.readString(out)).contains("first   | started").doesNotContain("never   |");
            // Exit 130 comes after the run's resources are gone: look right away, no waiting.
            assertThat(ours(env, runId)).as("resources of run " + runId + " after exit").isEmpty();
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean sigintIgnored(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0; // bit of signal 2
            }
        }
        return false;
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Run exec(List<String> args) throws Exception {
        return exec(args, Map.of(), Duration.ofSeconds(120));
    }

    private Run exec(List<String> args, Map<String, String> env, Duration timeout) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = command(args, env).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            fail("timed out: " + args + "\n" + Files.readString(err));
        }
        Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        TestSecrets.scan("stdout of multistep " + args.get(0), run.out());
        TestSecrets.scan("stderr of multistep " + args.get(0), run.err());
        Cli.scanReports(args);
        return run;
    }

    private ProcessBuilder command(List<String> args, Map<String, String> env) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("NO_COLOR", "1");
        pb.environment().putAll(env);
        return pb;
    }

    private static List<String> ours(DockerTestEnvironment env, String runId) {
        return env.labelledResources().stream().filter(r -> r.endsWith("(" + runId + ")")).toList();
    }

    private static void assertNothingLeft(DockerTestEnvironment env, String runId) {
        assertThat(ours(env, runId)).as("resources labelled with run " + runId).isEmpty();
    }
}
