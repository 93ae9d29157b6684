package io.multistep.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.engine.RunEvent;
import io.multistep.engine.SecretMasker;
import io.multistep.spec.StepKind;
import io.multistep.testsupport.TestSecrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text the runner prints or writes (step lines, JSON events, reports, usage errors) masks secret values. */
class SecretsInOutputTest {

    static final String SECRET = TestSecrets.value("Sup3rValue");
    private static final Instant T = Instant.parse("2024-03-05T07:08:09Z");

    @TempDir
    Path dir;

    private static io.multistep.spec.Task task() {
        io.multistep.spec.LoadResult r = io.multistep.spec.TaskFiles.loader().build().load("""
                version: v1.1.0
                steps:
                  - id: a
                    cmd: bash echo hello
                    workingDirectory: /tmp/%s
                """.formatted(SECRET), "out.yaml");
        assertThat(r.task()).as(r.problems().toString()).isNotNull();
        return r.task();
    }

    private static List<RunEvent> events() {
        return List.of(
                new RunEvent.RunStarted("run-1", T, task(), List.of("a"), SecretMasker.of(List.of(SECRET))),
                new RunEvent.StepStarted("run-1", T, "a", StepKind.CMD, Duration.ZERO, Duration.ofSeconds(600)),
                new RunEvent.StepRetried("run-1", T, "a", 0, 0, "cd /tmp/" + SECRET + " failed", Duration.ofSeconds(5)));
    }

    @Test
    void theStepLineMasksTheWorkingDirectory() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (TextOutput text = new TextOutput(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false, Duration.ofHours(1))) {
            events().forEach(text::onEvent);
        }
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e).contains("Executing step ID: a. Timeout(sec): 600, Working directory: '/tmp/***', Network: ")
                .contains("cd /tmp/*** failed").doesNotContain("S3cr3t");
    }

    @Test
    void jsonEventsMaskEveryString() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonEventOutput json = new JsonEventOutput(new PrintStream(out, true, StandardCharsets.UTF_8));
        events().forEach(json::onEvent);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"error\":\"cd /tmp/*** failed\"").doesNotContain("S3cr3t");
    }

    @Test
    void reportsMaskEveryString() throws Exception {
        SecretMasker masker = SecretMasker.of(List.of("boom"));
        Path report = dir.resolve("report.json");
        Path junit = dir.resolve("junit.xml");
        assertThat(ReportsTest.mixed().toString()).contains("boom");
        Reports.writeRunReport(ReportsTest.mixed(), masker, report);
        Reports.writeJunit(ReportsTest.mixed(), "suite", masker, junit);
        assertThat(Files.readString(report)).contains("\"***\"").doesNotContain("boom");
        assertThat(Files.readString(junit)).contains("name=\"***\"").doesNotContain("boom");
    }

    @Test
    void aUsageErrorMasksSecretValuesItQuotes() {
        for (String[] args : List.of(
                new String[] {"exec", "--secret", "a=" + SECRET, "--bogus"},
                new String[] {"exec", "--secret=a=" + SECRET, SECRET, "--bogus=" + SECRET},
                new String[] {"exec", "--credential", "{\"registry\":\"r\",\"password\":\"" + SECRET + "\"}", "-x"},
                new String[] {"render", "--secret", "a=" + SECRET, "--bogus"})) {
            Cli.Result r = Cli.run(args);
            assertThat(r.exit()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(r.toString()).startsWith("error: ").doesNotContain("S3cr3t");
        }
    }

    @Test
    void aSecretWithoutItsIdIsNotEchoed() throws Exception {
        Path file = Files.writeString(dir.resolve("acb.yaml"), "version: v1.1.0\nsteps:\n  - cmd: bash echo\n");
        Cli.Result r = Cli.run("exec", "-f", file.toString(), "--dry-run", "--secret", SECRET);
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --secret expects ID=VALUE, found no '=' (the value is not shown)\n");
    }
}
