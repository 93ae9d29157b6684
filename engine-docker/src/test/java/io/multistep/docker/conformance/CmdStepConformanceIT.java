package io.multistep.docker.conformance;

import static io.multistep.docker.conformance.ConformanceRuns.IMG;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.engine.RunResult;
import io.multistep.engine.StepStatus;
import io.multistep.engine.testing.RecordingListener;
import io.multistep.engine.spi.RunSetup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a cmd step's container sees (execution.md §3, §7; task-format.md §7): working directory,
 * entry point, user, environment, argument words, secret volumes, cpus and privileged.
 */
@ExtendWith(DockerTestEnvironment.class)
class CmdStepConformanceIT {
    @RegisterExtension
    static final ConformanceRuns runs = new ConformanceRuns();

    @Test
    void workingDirectoriesAreCleanedLikeGoPathAndRelativeOnesLiveUnderWorkspace(@TempDir Path ctx) {
        String task = """
                steps:
                  - id: abs
                    cmd: %1$s pwd
                    workingDirectory: /tmp/../etc/./
                    when: ["-"]
                  - id: rel
                    cmd: %1$s pwd
                    workingDirectory: sub/./dir/../x/
                    when: ["-"]
                  - id: up
                    cmd: %1$s pwd
                    workingDirectory: ../..
                    when: ["-"]
                  - id: dotdotName
                    cmd: %1$s pwd
                    workingDirectory: a/..b
                    when: ["-"]
                  - id: none
                    cmd: %1$s pwd
                    when: ["-"]
                  - id: disabled
                    cmd: %1$s pwd
                    workingDirectory: sub
                    disableWorkingDirectoryOverride: true
                    when: ["-"]
                """.formatted(IMG);
        RunResult r = runs.run(task, ctx);

        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(r.step("abs").outputTail()).containsExactly("/etc");
        assertThat(r.step("rel").outputTail()).containsExactly("/workspace/sub/x");
        assertThat(r.step("up").outputTail()).containsExactly("/");
        assertThat(r.step("dotdotName").outputTail()).containsExactly("/workspace/a/..b");
        assertThat(r.step("none").outputTail()).containsExactly("/workspace");
        // The image's own working directory (busybox: none, so "/").
        assertThat(r.step("disabled").outputTail()).containsExactly("/");
    }

    @Test
    void taskWorkingDirectoryIsTheStepsDefault(@TempDir Path ctx) {
        String task = """
                workingDirectory: fromTask
                steps:
                  - id: inherits
                    cmd: %1$s pwd
                  - id: own
                    cmd: %1$s pwd
                    workingDirectory: /own
                """.formatted(IMG);
        RunResult r = runs.run(task, ctx);

        assertThat(r.step("inherits").outputTail()).containsExactly("/workspace/fromTask");
        assertThat(r.step("own").outputTail()).containsExactly("/own");
    }

    @Test
    void entryPointUserAndImageDefaultCommand(@TempDir Path ctx) {
        String task = """
                steps:
                  - id: ep
                    entryPoint: sh
                    cmd: %1$s -c 'echo "ep:$0:$1"' one
                    when: ["-"]
                  - id: numericUser
                    user: "1234:5678"
                    cmd: %1$s sh -c 'echo "$(id -u) $(id -g)"'
                    when: ["-"]
                  - id: namedUser
                    user: nobody
                    cmd: %1$s id -u
                    when: ["-"]
                  - id: defaultUser
                    cmd: %1$s id -u
                    when: ["-"]
                  - id: imageOnly
                    cmd: %1$s
                    when: ["-"]
                """.formatted(IMG);
        RunResult r = runs.run(task, ctx);

        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(r.step("ep").outputTail()).containsExactly("ep:one:");
        assertThat(r.step("numericUser").outputTail()).containsExactly("1234 5678");
        assertThat(r.step("namedUser").outputTail()).containsExactly("65534");
        assertThat(r.step("defaultUser").outputTail()).containsExactly("0");
        // The image's Cmd (/bin/sh, stdin closed) runs and exits 0.
        assertThat(r.step("imageOnly").status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(r.step("imageOnly").exitCode()).hasValue(0);
    }

    @Test
    void environmentIsHomeFirstThenStepItemsThenTaskItemsAndTheLastDuplicateWins(@TempDir Path ctx) {
        String task = """
                env:
                  - T1=task
                  - S=task
                steps:
                  - id: envs
                    env: [S=step, B=2, A=1, A=3, 'Q=x y']
                    cmd: %1$s env
                    when: ["-"]
                  - id: home
                    env: [HOME=/custom]
                    cmd: %1$s sh -c 'echo "home=$HOME"'
                    when: ["-"]
                """.formatted(IMG);
        RunResult r = runs.run(task, ctx, runs.env().newRunId(), new RecordingListener(),
                b -> b.envDefaults(List.of("C1=cli,T1=cli")));

        assertThat(r.succeeded()).as("%s", r).isTrue();
        List<String> seen = r.step("envs").outputTail().stream()
                .filter(l -> l.matches("(HOME|S|B|A|Q|T1|C1)=.*")).toList();
        // Docker keeps the last of duplicate keys; PATH and HOSTNAME come from the engine first.
        assertThat(seen).containsExactly("HOME=/acb/home", "S=step", "B=2", "A=3", "Q=x y", "T1=task", "C1=cli");
        assertThat(r.step("envs").outputTail()).contains("PATH=/bin");
        assertThat(r.step("home").outputTail()).containsExactly("home=/custom");
    }

    @Test
    void cmdIsSplitIntoWordsLikeAShellWithoutHostExpansion(@TempDir Path ctx) {
        String task = """
                steps:
                  - id: words
                    cmd: >-
                      %1$s sh -c 'for a; do echo "[$a]"; done' argv0
                      "a  b" 'c d' e\\ f '$HOME' "q\\"uote" \\$X $Y a#b "" x''y
                  - id: comment
                    cmd: "%1$s echo hi # a shell comment"
                """.formatted(IMG);
        RunResult r = runs.run(task, ctx);

        assertThat(r.succeeded()).as("%s", r).isTrue();
        // $Y is expanded by the reference's host shell; we pass it literally (docs/differences.md).
        assertThat(r.step("words").outputTail()).containsExactly(
                "[a  b]", "[c d]", "[e f]", "[$HOME]", "[q\"uote]", "[$X]", "[$Y]", "[a#b]", "[]", "[xy]");
        assertThat(r.step("comment").outputTail()).containsExactly("hi");
    }

    @Test
    void secretVolumesHoldTheDecodedValuesPlusANewlineUnderTheirKeys(@TempDir Path ctx) {
        String a = Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
        String b = Base64.getEncoder().encodeToString("line1\nline2".getBytes(StandardCharsets.UTF_8));
        String task = """
                volumes:
                  - name: sec
                    secret:
                      a.txt: %2$s
                      key-b: %3$s
                steps:
                  - id: read
                    cmd: %1$s sh -c 'ls /run/sec; wc -c < /run/sec/a.txt; cat /run/sec/a.txt /run/sec/key-b; echo end'
                    volumeMounts:
                      - name: sec
                        mountPath: /run/sec
                """.formatted(IMG, a, b);
        RunResult r = runs.run(task, ctx);

        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(r.step("read").outputTail())
                .containsExactly("a.txt", "key-b", "6", "hello", "line1", "line2", "end");
    }

    @Test
    void aSecretValueThatIsNotBase64FailsTheRunBeforeAnyStepWithTheReferencesMessage(@TempDir Path ctx) {
        String task = """
                volumes:
                  - name: sec
                    secret:
                      key: "not base64!"
                steps:
                  - id: never
                    cmd: %1$s echo never
                """.formatted(IMG);
        RunResult r = runs.run(task, ctx);

        assertThat(r.succeeded()).isFalse();
        // errors.md X-5, then where (never the value).
        assertThat(r.failureMessage().orElseThrow())
                .startsWith("failed to decode Base64 value. please make sure value provided is Base64 encoded")
                .contains("volume sec", "secret key").doesNotContain("not base64!");
        assertThat(r.step("never").status()).isEqualTo(StepStatus.SKIPPED);
    }

    @Test
    void cpusAndPrivilegedReachTheContainer(@TempDir Path ctx, DockerClient docker) {
        String runId = runs.env().newRunId();
        String task = """
                steps:
                  - id: cpus
                    cpus: "0.5"
                    cmd: %1$s sh -c 'cat /sys/fs/cgroup/cpu.max 2>/dev/null || cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us'
                  - id: priv
                    privileged: true
                    keep: true
                    cpus: "1.5"
                    ignoreErrors: true
                    cmd: %1$s sh -c 'grep CapEff /proc/self/status'
                """.formatted(IMG);
        try {
            RunResult r = runs.runKeeping(task, ctx, runId, new RecordingListener(), o -> { });

            assertThat(r.succeeded()).as("%s", r).isTrue();
            assertThat(r.step("cpus").outputTail().get(0)).startsWith("50000");
            // This machine may forbid privileged containers (runc cannot apply the capabilities):
            // the kept container shows what was asked either way.
            List<Container> kept = docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(RunSetup.RUN_ID_LABEL, runId)).exec();
            assertThat(kept).hasSize(1);
            InspectContainerResponse c = docker.inspectContainerCmd(kept.get(0).getId()).exec();
            assertThat(c.getHostConfig().getPrivileged()).isTrue();
            assertThat(c.getHostConfig().getNanoCPUs()).isEqualTo(1_500_000_000L);
            if (r.step("priv").status() == StepStatus.SUCCEEDED) {
                assertThat(r.step("priv").outputTail().get(0)).doesNotContain("00000000a80425fb");
            } else {
                // `docker run` exits 125 when the engine cannot start the container.
                assertThat(r.step("priv").exitCode()).hasValue(125);
            }
        } finally {
            Cleanup.run(docker, runs, runId);
        }
    }

    @Test
    void theWorkspaceIsSharedBetweenSteps(@TempDir Path ctx) throws Exception {
        String task = """
                steps:
                  - cmd: %1$s sh -c 'mkdir -p out && echo written > out/file'
                  - cmd: %1$s cat /workspace/out/file
                """.formatted(IMG);
        RunResult r = runs.run(task, ctx);

        assertThat(r.step("acb_step_1").outputTail()).containsExactly("written");
        assertThat(Files.readString(ctx.resolve("out/file"))).isEqualTo("written\n");
    }
}
