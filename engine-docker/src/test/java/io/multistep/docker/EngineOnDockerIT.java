package io.multistep.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.engine.Engine;
import io.multistep.engine.RunEvent;
import io.multistep.engine.RunResult;
import io.multistep.engine.RunStatus;
import io.multistep.engine.SecretResolvers;
import io.multistep.engine.StepResult;
import io.multistep.engine.StepStatus;
import io.multistep.engine.testing.RecordingListener;
import io.multistep.testsupport.TestSecrets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Task files through the whole engine on the real Docker engine: scheduling rules meet real containers. */
@ExtendWith(DockerTestEnvironment.class)
class EngineOnDockerIT {
    private static final String IMG = DockerTestEnvironment.BASE_IMAGE;
    private static DockerRuntime runtime;
    private static DockerTestEnvironment env;

    @BeforeAll
    static void start(DockerTestEnvironment e) {
        env = e;
        runtime = DockerRuntime.builder().build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private RunResult run(String task, Path context, RecordingListener listener, String... secrets) {
        Engine.Builder builder = Engine.builder().runtime(runtime).listener(listener);
        if (secrets.length == 2) {
            builder.secretResolver(SecretResolvers.fromMap(Map.of(secrets[0], secrets[1])));
        }
        return env.runLeavingNothing(builder.build(), task, context);
    }

    @Test
    void twoParallelStepsAndAJoinedThird(@TempDir Path ctx) {
        String task = """
                steps:
                  - id: a
                    cmd: %1$s sh -c 'sleep 1; echo a'
                    when: ["-"]
                  - id: b
                    cmd: %1$s sh -c 'sleep 1; echo b'
                    when: ["-"]
                  - id: c
                    cmd: %1$s echo c
                    when: [a, b]
                """.formatted(IMG);
        RunResult result = run(task, ctx, new RecordingListener());

        assertThat(result.succeeded()).as("%s", result).isTrue();
        StepResult a = result.step("a");
        StepResult b = result.step("b");
        StepResult c = result.step("c");
        assertThat(a.startedAt().orElseThrow()).isBefore(b.endedAt().orElseThrow());
        assertThat(b.startedAt().orElseThrow()).isBefore(a.endedAt().orElseThrow());
        assertThat(c.startedAt().orElseThrow()).isAfterOrEqualTo(a.endedAt().orElseThrow())
                .isAfterOrEqualTo(b.endedAt().orElseThrow());
        assertThat(c.outputTail()).containsExactly("c");
    }

    @Test
    void timeoutKillsASleepingStepAndFailsTheRun(@TempDir Path ctx) {
        String task = """
                steps:
                  - id: sleeper
                    cmd: %s sleep 60
                    timeout: 2
                  - id: after
                    cmd: %s echo never
                """.formatted(IMG, IMG);
        RunResult result = run(task, ctx, new RecordingListener());

        assertThat(result.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(result.failureMessage()).contains("failed to run step ID: sleeper: timed out");
        assertThat(result.step("sleeper").duration()).isLessThan(java.time.Duration.ofSeconds(30));
        assertThat(result.step("after").status()).isEqualTo(StepStatus.SKIPPED);
    }

    @Test
    void retriesOnlyOnTheListedErrors(@TempDir Path ctx) {
        // Fails once with "transient-error" (the marker file is its memory), then succeeds.
        String flaky = "sh -c 'if [ -f /workspace/%1$s ]; then echo recovered; else touch /workspace/%1$s;"
                + " echo transient-error; exit 1; fi'";
        String task = """
                steps:
                  - id: retried
                    cmd: %1$s %2$s
                    retries: 2
                    retryDelay: 1
                    retryOnErrors: [transient-error]
                  - id: notRetried
                    cmd: %1$s %3$s
                    retries: 2
                    retryDelay: 1
                    retryOnErrors: [something-else]
                """.formatted(IMG, flaky.formatted("once-a"), flaky.formatted("once-b"));
        RecordingListener listener = new RecordingListener();
        RunResult result = run(task, ctx, listener);

        assertThat(result.step("retried").status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(result.step("retried").attempts()).isEqualTo(2);
        assertThat(result.step("retried").outputTail()).contains("transient-error", "recovered");
        assertThat(listener.events(RunEvent.StepRetried.class)).hasSize(1);
        assertThat(result.step("notRetried").status()).isEqualTo(StepStatus.FAILED);
        assertThat(result.step("notRetried").attempts()).isEqualTo(1);
        assertThat(result.failureMessage()).contains("failed to run step ID: notRetried: exit status 1");
    }

    @Test
    void ignoredErrorLetsTheNextStepRun(@TempDir Path ctx) {
        String task = """
                steps:
                  - id: failing
                    cmd: %s sh -c 'exit 4'
                    ignoreErrors: true
                  - id: next
                    cmd: %s echo still here
                """.formatted(IMG, IMG);
        RunResult result = run(task, ctx, new RecordingListener());

        assertThat(result.succeeded()).isTrue();
        assertThat(result.step("failing").status()).isEqualTo(StepStatus.FAILURE_IGNORED);
        assertThat(result.step("failing").exitCode()).hasValue(4);
        assertThat(result.step("next").outputTail()).containsExactly("still here");
    }

    @Test
    void secretValueInContainerOutputArrivesMasked(@TempDir Path ctx) {
        String task = """
                version: v1.1.0
                secrets:
                  - id: token
                    keyvault: https://myvault.vault.azure.net/secrets/token
                steps:
                  - id: leak
                    cmd: %s sh -c 'echo "token={{.Secrets.token}}"; echo "again {{.Secrets.token}}" >&2'
                """.formatted(IMG);
        RecordingListener listener = new RecordingListener();
        RunResult result = run(task, ctx, listener, "token", TestSecrets.value("value-42"));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.step("leak").outputTail()).containsExactlyInAnyOrder("token=***", "again ***");
        assertThat(listener.events(RunEvent.LogLine.class)).extracting(RunEvent.LogLine::text)
                .containsExactlyInAnyOrder("token=***", "again ***");
        assertThat(listener.describe()).noneMatch(line -> line.contains(TestSecrets.value("value-42")));
    }
}
