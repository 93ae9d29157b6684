package io.multistep.docker;

import static io.multistep.docker.TestTasks.attempt;
import static io.multistep.docker.TestTasks.cmd;
import static io.multistep.docker.TestTasks.setup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeSession;
import io.multistep.engine.spi.StepOutcome;
import io.multistep.spec.BuildStep;
import io.multistep.spec.CmdStep;
import io.multistep.spec.PushStep;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** build and push steps on the real engine and the local registry. */
@ExtendWith(DockerTestEnvironment.class)
class DockerBuildPushIT {
    static DockerRuntime runtime;
    static DockerTestEnvironment env;

    @BeforeAll
    static void start(DockerTestEnvironment e) {
        env = e;
        runtime = DockerRuntime.builder().build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void buildPushThenRunThePushedImage(@TempDir Path ctx) throws Exception {
        Path app = Files.createDirectories(ctx.resolve("app"));
        Files.writeString(app.resolve("Dockerfile"), "FROM " + DockerTestEnvironment.BASE_IMAGE + "\n"
                + "ARG GREETING\nARG FROMENV\nCOPY msg.txt /msg.txt\n"
                + "RUN echo \"$GREETING $FROMENV\" >> /msg.txt\nCMD [\"cat\", \"/msg.txt\"]\n");
        Files.writeString(app.resolve("msg.txt"), "built\n");
        // An ignored 100 MB file must not be sent; the exception keeps one file of an ignored folder.
        try (RandomAccessFile big = new RandomAccessFile(app.resolve("big.bin").toFile(), "rw")) {
            big.setLength(100L * 1024 * 1024);
        }
        Files.createDirectories(app.resolve("logs"));
        Files.writeString(app.resolve("logs/a.log"), "x".repeat(10_000));
        Files.writeString(app.resolve(".dockerignore"), "# comment\n/big.bin\nlogs\n!logs/keep.log\n");
        String tag = DockerTestEnvironment.REGISTRY + "/multistep-it/app:" + UUID.randomUUID().toString().substring(0, 8);
        BuildStep build = TestTasks.build("b", "-t " + tag + " --build-arg 'GREETING=hello there' --build-arg FROMENV "
                + "-f Dockerfile .", List.of(tag), o -> o.workingDirectory("app").env(List.of("FROMENV=env-value")));
        PushStep push = TestTasks.push("p", tag);
        CmdStep run = cmd("r", tag);
        try (RuntimeSession session = runtime.open(setup(env.newRunId(), ctx, List.of(), build, push, run))) {
            var lines = new TestTasks.Lines();
            StepOutcome b = session.execute(attempt(build), lines);
            assertThat(b.images()).hasSize(1);
            assertThat(b.images().get(0).reference()).isEqualTo(tag);
            assertThat(b.images().get(0).digest()).startsWith("sha256:");
            String sent = lines.out.stream().filter(l -> l.startsWith("Sent build context")).findFirst().orElseThrow();
            long bytes = Long.parseLong(sent.replaceAll("\\D+", " ").trim().split(" ")[0]);
            assertThat(bytes).isLessThan(64 * 1024);

            var pl = new TestTasks.Lines();
            StepOutcome p = session.execute(attempt(push), pl);
            assertThat(p.images()).singleElement().satisfies(r -> {
                assertThat(r.pushed()).isTrue();
                assertThat(r.digest()).matches("sha256:[0-9a-f]{64}");
            });
            env.client().removeImageCmd(tag).withForce(true).exec();

            var rl = new TestTasks.Lines();
            assertThat(session.execute(attempt(run), rl).exitCode()).isZero(); // pulled back from the registry
            assertThat(rl.out).endsWith("built", "hello there env-value"); // after the pull progress lines
        } finally {
            try {
                env.client().removeImageCmd(tag).withForce(true).exec();
            } catch (RuntimeException ignored) {
                // already removed
            }
        }
    }

    @Test
    void aMissingDockerfileFailsTheStepAsTheReferencesDependencyScanDoes(@TempDir Path ctx) throws Exception {
        BuildStep build = TestTasks.build("nodf", "-f Nope.Dockerfile .", List.of());
        TestTasks.Lines lines = new TestTasks.Lines();
        try (RuntimeSession session = runtime.open(setup(env.newRunId(), ctx, List.of(), build))) {
            assertThatThrownBy(() -> session.execute(attempt(build), lines))
                    .isInstanceOfSatisfying(RuntimeFailure.class,
                            f -> assertThat(f.getMessage()).isEqualTo("failed to scan dependencies: exit status 1"));
        }
        assertThat(lines.err).singleElement().asString().contains("Nope.Dockerfile");
    }

    @Test
    void failingBuildExitsWithTheFailedRunsCodeAsDockerBuildDoes(@TempDir Path ctx) throws Exception {
        Files.writeString(ctx.resolve("Dockerfile"), "FROM " + DockerTestEnvironment.BASE_IMAGE + "\nRUN exit 7\n");
        BuildStep build = TestTasks.build("bad", ".", List.of());
        java.util.Set<String> before = allContainerIds();
        TestTasks.Lines lines = new TestTasks.Lines();
        try (RuntimeSession session = runtime.open(setup(env.newRunId(), ctx, List.of(), build))) {
            assertThat(session.execute(attempt(build), lines).exitCode()).isEqualTo(7);
        }
        assertThat(lines.err).containsExactly("The command '/bin/sh -c exit 7' returned a non-zero code: 7");
        java.util.Set<String> after = allContainerIds();
        after.removeAll(before);
        assertThat(after).as("the failed build's intermediate container is removed").isEmpty();
    }

    private java.util.Set<String> allContainerIds() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        env.client().listContainersCmd().withShowAll(true).exec().forEach(c -> ids.add(c.getId()));
        return ids;
    }

    @Test
    void buildKitWithoutBuildxGivesAClearError(@TempDir Path ctx) throws Exception {
        Files.writeString(ctx.resolve("Dockerfile"), "FROM " + DockerTestEnvironment.BASE_IMAGE + "\n");
        BuildStep build = TestTasks.build("bk", ".", List.of(), o -> o.env(List.of("DOCKER_BUILDKIT=1")));
        try (RuntimeSession session = runtime.open(setup(env.newRunId(), ctx, List.of(), build))) {
            assertThatThrownBy(() -> session.execute(attempt(build), new TestTasks.Lines()))
                    .isInstanceOfSatisfying(RuntimeFailure.class,
                            f -> assertThat(f.getMessage()).contains("BuildKit builds need a docker CLI with buildx"));
        }
    }

    @Test
    void gitContextIsUnsupported(@TempDir Path ctx) throws Exception {
        BuildStep build = TestTasks.build("git", "-t x https://github.com/Azure/acr-builder.git", List.of("x"));
        try (RuntimeSession session = runtime.open(setup(env.newRunId(), ctx, List.of(), build))) {
            assertThatThrownBy(() -> session.execute(attempt(build), new TestTasks.Lines()))
                    .isInstanceOfSatisfying(RuntimeFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.UNSUPPORTED);
                        assertThat(f.getMessage()).contains("not supported yet");
                    });
        }
    }

    @Test
    void pushOfAMissingImageFailsAfterThreeAttemptsInTheReferencesWords(@TempDir Path ctx) throws Exception {
        PushStep push = TestTasks.push("pm", DockerTestEnvironment.REGISTRY + "/multistep-it/none:missing");
        TestTasks.Lines lines = new TestTasks.Lines();
        try (RuntimeSession session = runtime.open(setup(env.newRunId(), ctx, List.of(), push))) {
            assertThatThrownBy(() -> session.execute(attempt(push), lines))
                    .isInstanceOfSatisfying(RuntimeFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.IMAGE_NOT_FOUND);
                        assertThat(f.getMessage()).isEqualTo("failed to push images successfully"); // execution.md §5
                    });
        }
        assertThat(lines.err).hasSize(3)
                .allMatch(l -> l.contains("An image does not exist locally with the tag: "));
    }
}
