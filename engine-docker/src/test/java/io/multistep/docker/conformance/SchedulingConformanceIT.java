package io.multistep.docker.conformance;

import io.multistep.docker.RunLabels;
import static io.multistep.docker.conformance.ConformanceRuns.IMG;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.engine.RunEvent;
import io.multistep.engine.RunResult;
import io.multistep.engine.RunStatus;
import io.multistep.engine.StepStatus;
import io.multistep.engine.spi.RunSetup;
import io.multistep.engine.testing.RecordingListener;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Retries, repeat, timeouts, start delays, detach, keep, ports and fail-fast (execution.md §9, §10). */
@ExtendWith(DockerTestEnvironment.class)
class SchedulingConformanceIT {
    @RegisterExtension
    static final ConformanceRuns runs = new ConformanceRuns();

    @Test
    void repeatRunsTheRetryLoopRepeatPlusOneTimesAndJoinsTheErrors(@TempDir Path ctx) throws Exception {
        String task = """
                steps:
                  - id: failing
                    cmd: %1$s sh -c 'echo x >> /workspace/failing; exit 3'
                    repeat: 2
                    ignoreErrors: true
                  - id: passing
                    cmd: %1$s sh -c 'echo x >> /workspace/passing'
                    repeat: 2
                  - id: mixed
                    cmd: %1$s sh -c 'echo x >> /workspace/mixed; [ $(wc -l < /workspace/mixed) -ne 2 ] || exit 5'
                    repeat: 2
                    ignoreErrors: true
                """.formatted(IMG);
        RunResult r = runs.run(task, ctx);

        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(Files.readAllLines(ctx.resolve("failing"))).hasSize(3);
        assertThat(r.step("failing").attempts()).isEqualTo(3);
        assertThat(r.step("failing").failure().orElseThrow().message())
                .isEqualTo("exit status 3, exit status 3, exit status 3");
        assertThat(Files.readAllLines(ctx.resolve("passing"))).hasSize(3);
        assertThat(r.step("passing").status()).isEqualTo(StepStatus.SUCCEEDED);
        // Only the second of three iterations fails: the third still runs.
        assertThat(Files.readAllLines(ctx.resolve("mixed"))).hasSize(3);
        assertThat(r.step("mixed").status()).isEqualTo(StepStatus.FAILURE_IGNORED);
        assertThat(r.step("mixed").failure().orElseThrow().message()).isEqualTo("exit status 5");
    }

    @Test
    void retryOnErrorsMatchesStderrAndRetriesInsideEachRepeat(@TempDir Path ctx) throws Exception {
        // Fails with "flaky" on stderr on every odd run, succeeds on even runs.
        String task = """
                steps:
                  - id: flaky
                    cmd: %1$s sh -c 'echo x >> /workspace/n; if [ $(( $(wc -l < /workspace/n) %% 2 )) -eq 1 ]; then echo flaky-error >&2; exit 1; fi'
                    retries: 1
                    retryDelay: 1
                    retryOnErrors: [flaky-error]
                    repeat: 1
                """.formatted(IMG);
        RecordingListener listener = new RecordingListener();
        RunResult r = runs.run(task, ctx, runs.env().newRunId(), listener, b -> { });

        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(r.step("flaky").attempts()).isEqualTo(4);
        assertThat(Files.readAllLines(ctx.resolve("n"))).hasSize(4);
        assertThat(listener.events(RunEvent.StepRetried.class)).hasSize(2);
    }

    @Test
    void startDelayIsNotPartOfTheTimeoutButRetriesAndTheirDelaysAre(@TempDir Path ctx) {
        String task = """
                steps:
                  - id: delayed
                    startDelay: 3
                    timeout: 3
                    cmd: %1$s sleep 1
                    when: ["-"]
                  - id: retrying
                    timeout: 3
                    retries: 5
                    retryDelay: 1
                    cmd: %1$s sh -c 'sleep 1; exit 1'
                    when: ["-"]
                    ignoreErrors: true
                """.formatted(IMG);
        RunResult r = runs.run(task, ctx);

        assertThat(r.step("delayed").status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(r.step("retrying").status()).isEqualTo(StepStatus.FAILURE_IGNORED);
        assertThat(r.step("retrying").failure().orElseThrow().message()).isEqualTo("timed out");
        // The deadline (3 s) cuts the attempt that runs; the remaining retries still wait their delay
        // and then fail at once without running a container (execution.md §10), so they do not count.
        assertThat(r.step("retrying").attempts()).isBetween(1, 3);
        assertThat(r.step("retrying").duration()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    @Test
    void aDetachedServiceIsReachedByItsIdFromAParallelAndALaterStep(@TempDir Path ctx) throws Exception {
        Files.createDirectories(ctx.resolve("www"));
        Files.writeString(ctx.resolve("www/index.html"), "served\n");
        String poll = "sh -c 'for i in $(seq 1 50); do wget -q -O - http://svc/index.html && exit 0; sleep 0.2; done; exit 1'";
        String task = """
                steps:
                  - id: svc
                    cmd: %1$s httpd -f -p 80 -h /workspace/www
                    detach: true
                  - id: later
                    cmd: %1$s %2$s
                  - id: parallel
                    cmd: %1$s %2$s
                    when: ["-"]
                """.formatted(IMG, poll);
        RunResult r = runs.run(task, ctx);

        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(r.step("svc").status()).isEqualTo(StepStatus.SUCCEEDED);
        // The poll may print a refused connection or two while httpd starts; it ends with the page.
        assertThat(r.step("later").outputTail()).endsWith("served");
        assertThat(r.step("parallel").outputTail()).endsWith("served");
    }

    @Test
    void portsArePublishedAndExposeIsDeclared(@TempDir Path ctx, DockerClient docker) throws Exception {
        Files.createDirectories(ctx.resolve("www"));
        Files.writeString(ctx.resolve("www/index.html"), "published\n");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        String runId = runs.env().newRunId();
        String task = """
                steps:
                  - id: web
                    cmd: %1$s httpd -f -p 8080 -h /workspace/www
                    detach: true
                    ports: ["127.0.0.1:%2$d:8080"]
                    expose: ["9999", "9998/udp"]
                  - id: hold
                    cmd: %1$s sh -c 'for i in $(seq 1 150); do [ -f /workspace/release ] && exit 0; sleep 0.1; done; exit 1'
                """.formatted(IMG, port);
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(
                () -> runs.run(task, ctx, runId, new RecordingListener(), b -> { }));
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            String body = null;
            for (int i = 0; i < 50 && body == null; i++) {
                try {
                    HttpResponse<String> resp = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/index.html")).timeout(Duration.ofSeconds(1)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (resp.statusCode() == 200) {
                        body = resp.body();
                    }
                } catch (java.io.IOException e) {
                    // not up yet
                }
                if (body == null) {
                    Thread.sleep(200);
                }
            }
            assertThat(body).isEqualTo("published\n");
            List<Container> web = docker.listContainersCmd()
                    .withLabelFilter(Map.of(RunSetup.RUN_ID_LABEL, runId, RunLabels.STEP, "web")).exec();
            assertThat(web).hasSize(1);
            var exposed = docker.inspectContainerCmd(web.get(0).getId()).exec().getConfig().getExposedPorts();
            assertThat(exposed).contains(ExposedPort.tcp(8080), ExposedPort.tcp(9999), ExposedPort.udp(9998));
        } finally {
            Files.writeString(ctx.resolve("release"), "");
        }
        RunResult r = running.get(60, TimeUnit.SECONDS);
        assertThat(r.succeeded()).as("%s", r).isTrue();
    }

    @Test
    void keepLeavesTheContainerAndASecondRunOfTheStepConflictsWithIt(@TempDir Path ctx, DockerClient docker) {
        String runId = runs.env().newRunId();
        String task = """
                steps:
                  - id: kept
                    cmd: %1$s echo once
                    keep: true
                  - id: keptRepeated
                    cmd: %1$s echo again
                    keep: true
                    repeat: 1
                    ignoreErrors: true
                """.formatted(IMG);
        try {
            RunResult r = runs.runKeeping(task, ctx, runId, new RecordingListener(), b -> { });

            assertThat(r.step("kept").status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(r.step("keptRepeated").status()).isEqualTo(StepStatus.FAILURE_IGNORED);
            assertThat(r.step("keptRepeated").failure().orElseThrow().message()).isEqualTo("exit status 125");
            assertThat(r.step("keptRepeated").outputTail()).first().isEqualTo("again");
            assertThat(r.step("keptRepeated").outputTail().get(1)).contains("Conflict", "\"/keptRepeated\"");
            List<Container> left = docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(RunSetup.RUN_ID_LABEL, runId)).exec();
            assertThat(left).hasSize(2).allMatch(c -> c.getState().equals("exited"));
        } finally {
            Cleanup.run(docker, runs, runId);
        }
    }

    @Test
    void aRepeatedDetachedStepConflictsWithItsStillRunningFirstContainer(@TempDir Path ctx) {
        String task = """
                steps:
                  - id: svc
                    cmd: %1$s sleep 30
                    detach: true
                    repeat: 1
                    ignoreErrors: true
                  - id: after
                    cmd: %1$s echo after
                """.formatted(IMG);
        RunResult r = runs.run(task, ctx);

        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(r.step("svc").status()).isEqualTo(StepStatus.FAILURE_IGNORED);
        assertThat(r.step("svc").failure().orElseThrow().message()).isEqualTo("exit status 125");
        assertThat(r.step("svc").outputTail()).anyMatch(l -> l.contains("Conflict") && l.contains("\"/svc\""));
        assertThat(r.step("after").outputTail()).containsExactly("after");
    }

    @Test
    void aFailureEndsTheRunAtOnceAndDependentsNeverStart(@TempDir Path ctx) {
        String task = """
                steps:
                  - id: slow
                    cmd: %1$s sleep 30
                    when: ["-"]
                  - id: bad
                    cmd: %1$s sh -c 'exit 7'
                    when: ["-"]
                  - id: dependent
                    cmd: %1$s echo never
                    when: [bad]
                """.formatted(IMG);
        RunResult r = runs.run(task, ctx);

        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.failureMessage()).hasValue("failed to run step ID: bad: exit status 7");
        assertThat(r.duration()).isLessThan(Duration.ofSeconds(20));
        assertThat(r.step("dependent").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(r.step("slow").status()).isEqualTo(StepStatus.CANCELLED);
    }
}
