package io.multistep.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.multistep.engine.RunEvent;
import io.multistep.engine.RunListener;
import io.multistep.engine.RunResult;
import io.multistep.engine.RunStatus;
import io.multistep.engine.StepFailure;
import io.multistep.engine.StepResult;
import io.multistep.engine.StepStatus;
import io.multistep.engine.spi.ImageDependency;
import io.multistep.engine.spi.StepOutput;
import io.multistep.spec.StepKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** TextOutput and JsonEventOutput on a scripted sequence of events. */
class OutputTest {

    private static final Instant T = Instant.parse("2024-03-05T07:08:09Z");

    static List<RunEvent> events() {
        List<RunEvent> e = new ArrayList<>();
        e.add(new RunEvent.RunStarted("run-1", T, task(), List.of("a", "longer", "push")));
        e.add(new RunEvent.StepStarted("run-1", T, "a", StepKind.CMD, Duration.ZERO, Duration.ofSeconds(600)));
        e.add(new RunEvent.ContainerStarted("run-1", T, "a", "0123456789abcdef0123", 0, 0));
        e.add(new RunEvent.LogLine("run-1", T, "a", StepOutput.Stream.STDOUT, "hello"));
        e.add(new RunEvent.LogLine("run-1", T, "a", StepOutput.Stream.STDERR, "warn"));
        e.add(new RunEvent.StepRetried("run-1", T, "a", 0, 0, "exit status 1", Duration.ofSeconds(5)));
        ReportsTest.mixed().steps().forEach(s -> e.add(new RunEvent.StepFinished("run-1", T, s)));
        e.add(new RunEvent.StepFinished("run-1", T, StepResult.skipped("push", StepKind.PUSH)));
        e.add(new RunEvent.RunFinished("run-1", T, ReportsTest.mixed()));
        return e;
    }

    static io.multistep.spec.Task task() {
        io.multistep.spec.LoadResult r = io.multistep.spec.TaskFiles.loader().build().load("""
                version: v1.1.0
                steps:
                  - id: a
                    cmd: bash echo hello
                  - id: longer
                    cmd: bash echo longer
                  - id: push
                    push: [x/y:1]
                """, "out.yaml");
        assertThat(r.task()).as(r.problems().toString()).isNotNull();
        return r.task();
    }

    @Test
    void textOutputPrefixesContainerLinesAndPrintsTheSummaryOnStderr() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (TextOutput text = new TextOutput(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false, Duration.ofHours(1))) {
            events().forEach(text::onEvent);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a      | hello\n");
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e).contains("Run ID: run-1 started with 3 step(s)\n",
                "Executing step ID: a. Timeout(sec): 600, Working directory: '', Network: 'acb_default_network'\n",
                "Step ID: boom marked as failed (elapsed time in seconds: 1.500000)\n",
                "Step ID: push marked as skipped (elapsed time in seconds: 0.000000)\n",
                "Step ID: a: container 0123456789ab started\n",
                "a      | warn\n",
                "Step ID: a failed attempt 1: exit status 1; retrying in 5.000s\n",
                "Step ID: boom failed in 1.500s: exit status 3\n",
                "Step ID: ign failed (error ignored) in 1.500s: exit status 1\n");
        assertThat(e).contains("""
                STEP  STATUS           EXIT  ATTEMPTS  DURATION  IMAGES
                ok    succeeded        0     1         1.500s    -
                img   succeeded        0     1         1.500s    built 127.0.0.1:5000/app:1@sha256:abc
                ign   failure_ignored  1     1         1.500s    -
                boom  failed           3     1         1.500s    -
                push  skipped          -     0         -         -

                Run ID: run-1 failed after 4.000s: failed to run step ID: boom: exit status 3
                """);
        assertThat(e).doesNotContain("\u001b[");
    }

    static RunResult builtWithDependencies(RunStatus status) {
        ImageDependency.ImageName app = new ImageDependency.ImageName("127.0.0.1:5000", "app", "1", "sha256:abc",
                "127.0.0.1:5000/app:1");
        ImageDependency.ImageName alpine = new ImageDependency.ImageName("registry.hub.docker.com", "library/alpine",
                "3.19", "sha256:def", "alpine:3.19");
        StepResult build = new StepResult("build", StepKind.BUILD, StepStatus.SUCCEEDED, OptionalInt.of(0), 1,
                Optional.of(T), Optional.of(T.plusMillis(1500)), Duration.ofMillis(1500), Optional.empty(), List.of(),
                List.of(new ImageDependency(app, alpine, List.of(alpine))), List.of());
        StepResult test = status == RunStatus.SUCCEEDED
                ? ReportsTest.ran("test", StepKind.CMD, StepStatus.SUCCEEDED, 0, Optional.empty(), List.of(), List.of())
                : ReportsTest.ran("test", StepKind.CMD, StepStatus.FAILED, 2, Optional.of(new StepFailure(
                        "exit status 2", StepFailure.Reason.EXIT_CODE, Optional.empty())), List.of(), List.of());
        return new RunResult("run-2", status, status == RunStatus.SUCCEEDED ? Optional.empty()
                : Optional.of("failed to run step ID: test: exit status 2"), List.of(build, test), T,
                T.plusSeconds(3), Duration.ofSeconds(3));
    }

    private static String summaryOf(RunResult result) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (TextOutput text = new TextOutput(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false, Duration.ofHours(1))) {
            text.printSummary(result);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSuccessfulRunPrintsTheReferencesSummaryDigestAndDependencyLinesInItsOrder() {
        // execution.md §11: each step's line in file order, the digest lines after a build step's
        // line, then the dependency report: its title, and a line holding a newline and the JSON.
        String e = summaryOf(builtWithDependencies(RunStatus.SUCCEEDED));

        assertThat(e).contains("""
                Step ID: build marked as successful (elapsed time in seconds: 1.500000)
                Populating digests for step ID: build...
                Successfully populated digests for step ID: build
                Step ID: test marked as successful (elapsed time in seconds: 1.500000)
                The following dependencies were found:

                [{"image":{"registry":"127.0.0.1:5000","repository":"app","tag":"1","digest":"sha256:abc",\
                "reference":"127.0.0.1:5000/app:1"},"runtime-dependency":{"registry":"registry.hub.docker.com",\
                "repository":"library/alpine","tag":"3.19","digest":"sha256:def","reference":"alpine:3.19"},\
                "buildtime-dependency":[{"registry":"registry.hub.docker.com","repository":"library/alpine",\
                "tag":"3.19","digest":"sha256:def","reference":"alpine:3.19"}]}]
                """);
    }

    @Test
    void aFailedRunPrintsNoDigestOrDependencyLines() {
        // The reference collects digests and prints the dependencies only after a successful run.
        String e = summaryOf(builtWithDependencies(RunStatus.FAILED));

        assertThat(e).contains("Step ID: test marked as failed (elapsed time in seconds: 1.500000)")
                .doesNotContain("digests").doesNotContain("dependencies were found");
    }

    @Test
    void quietTextOutputDropsContainerLinesButKeepsTheSummary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (TextOutput text = new TextOutput(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, true, Duration.ofHours(1))) {
            events().forEach(text::onEvent);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("| warn").contains("STEP  STATUS");
    }

    @Test
    void colouredPrefixesOnlyWhenAsked() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TextOutput text = new TextOutput(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), true, false,
                Duration.ofHours(1))) {
            events().forEach(text::onEvent);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\u001b[36ma      | \u001b[0mhello\n");
    }

    @Test
    void jsonOutputIsOneObjectPerLineWithEventRunIdAndTime() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunListener json = new JsonEventOutput(new PrintStream(out, true, StandardCharsets.UTF_8));
        List<RunEvent> events = events();
        events.forEach(json::onEvent);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(events.size());
        ObjectMapper mapper = new ObjectMapper();
        List<String> kinds = new ArrayList<>();
        for (String line : lines) {
            JsonNode node = mapper.readTree(line);
            assertThat(node.get("runId").asText()).isEqualTo("run-1");
            assertThat(node.get("time").asText()).isEqualTo("2024-03-05T07:08:09Z");
            kinds.add(node.get("event").asText());
        }
        assertThat(kinds).containsExactly("runStarted", "stepStarted", "containerStarted", "log", "log", "stepRetried",
                "stepFinished", "stepFinished", "stepFinished", "stepFinished", "stepFinished", "stepFinished",
                "runFinished");
        JsonNode log = mapper.readTree(lines.get(4));
        assertThat(log.get("stream").asText()).isEqualTo("stderr");
        assertThat(log.get("text").asText()).isEqualTo("warn");
        JsonNode retried = mapper.readTree(lines.get(5));
        assertThat(retried.get("delaySeconds").asDouble()).isEqualTo(5.0);
    }
}
