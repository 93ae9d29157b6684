package io.multistep.docker;

import static io.multistep.docker.TestTasks.attempt;
import static io.multistep.docker.TestTasks.setup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeSession;
import io.multistep.engine.spi.StepOutcome;
import io.multistep.spec.BuildStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A build reads nothing outside the run's context folder, not even through a symbolic link (issue #12). */
@ExtendWith(DockerTestEnvironment.class)
class BuildContextConfinementIT {
    private static final String HOST_TEXT = "FROM host-only-text-that-must-not-leak";
    static DockerRuntime runtime;
    static DockerTestEnvironment env;
    private final List<String> tags = new ArrayList<>();

    @TempDir
    Path tmp;
    Path ctx;
    Path outside;

    @BeforeAll
    static void start(DockerTestEnvironment e) {
        env = e;
        runtime = DockerRuntime.builder().build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @AfterEach
    void removeImages() {
        for (String t : tags) {
            try {
                env.client().removeImageCmd(t).withForce(true).exec();
            } catch (RuntimeException ignored) {
                // never built
            }
        }
    }

    private void folders() throws Exception {
        ctx = Files.createDirectories(tmp.resolve("ctx"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("Dockerfile"), HOST_TEXT + "\n");
        Files.writeString(outside.resolve("host-file.txt"), "host\n");
    }

    private String tag() {
        String t = "multistep-it/confined:" + UUID.randomUUID().toString().substring(0, 8);
        tags.add(t);
        return t;
    }

    private RuntimeFailure refused(BuildStep build, TestTasks.Lines lines) throws Exception {
        try (RuntimeSession session = runtime.open(setup(env.newRunId(), ctx, List.of(), build))) {
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> session.execute(attempt(build), lines));
            assertThat(t).isInstanceOf(RuntimeFailure.class);
            RuntimeFailure f = (RuntimeFailure) t;
            assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.INVALID_STEP);
            assertThat(f.getMessage()).startsWith("step " + build.id() + ": ").doesNotContain(HOST_TEXT);
            assertThat(lines.all).noneMatch(l -> l.contains(HOST_TEXT) || l.startsWith("STDOUT:Sent build context"));
            return f;
        }
    }

    @Test
    void aDockerfileLinkPointingOutsideTheContextFailsTheStep() throws Exception {
        folders();
        Files.createSymbolicLink(ctx.resolve("Dockerfile"), outside.resolve("Dockerfile"));
        String t = tag();
        RuntimeFailure f = refused(TestTasks.build("sl", "-t " + t + " .", List.of(t)), new TestTasks.Lines());
        assertThat(f.getMessage()).isEqualTo("step sl: the Dockerfile 'Dockerfile' is outside the run's context: a "
                + "symbolic link leads out of the run's context folder, and a build may only read files inside it");
    }

    @Test
    void aDashFDockerfileThroughALinkedFolderFailsTheStep() throws Exception {
        folders();
        Files.createSymbolicLink(ctx.resolve("docker"), outside);
        String t = tag();
        RuntimeFailure f = refused(TestTasks.build("sf", "-t " + t + " -f docker/Dockerfile .", List.of(t)),
                new TestTasks.Lines());
        assertThat(f.getMessage()).startsWith("step sf: the Dockerfile (-f) 'docker/Dockerfile' is outside the run's context");
    }

    @Test
    void aContextLinkPointingOutsideFailsTheStep() throws Exception {
        folders();
        Files.writeString(outside.resolve("Dockerfile"), "FROM " + DockerTestEnvironment.BASE_IMAGE + "\n");
        Files.createSymbolicLink(ctx.resolve("app"), outside);
        String t = tag();
        RuntimeFailure f = refused(TestTasks.build("sc", "-t " + t + " app", List.of(t)), new TestTasks.Lines());
        assertThat(f.getMessage()).startsWith("step sc: the build context 'app' is outside the run's context: a symbolic link");
        assertThatThrownBy(() -> env.client().inspectImageCmd(t).exec())
                .isInstanceOf(com.github.dockerjava.api.exception.NotFoundException.class);
    }

    @Test
    void aDockerignoreLinkPointingOutsideFailsTheStep() throws Exception {
        folders();
        Files.writeString(ctx.resolve("Dockerfile"), "FROM " + DockerTestEnvironment.BASE_IMAGE + "\n");
        Files.createSymbolicLink(ctx.resolve(".dockerignore"), outside.resolve("Dockerfile"));
        String t = tag();
        RuntimeFailure f = refused(TestTasks.build("si", "-t " + t + " .", List.of(t)), new TestTasks.Lines());
        assertThat(f.getMessage()).startsWith("step si: the .dockerignore '.dockerignore' is outside the run's context");
    }

    @Test
    void pathsAboveTheContextFailTheStepEvenWithoutValidation() throws Exception {
        folders();
        String t = tag();
        RuntimeFailure up = refused(TestTasks.build("up", "-t " + t + " -f ../outside/Dockerfile ..", List.of(t)),
                new TestTasks.Lines());
        assertThat(up.getMessage()).isEqualTo("step up: the build context '..' is outside the run's context: it "
                + "resolves to / (from the working directory /workspace), but a build may only use paths under "
                + "/workspace, the run's context folder");
        RuntimeFailure abs = refused(TestTasks.build("abs", "-t " + t + " /etc", List.of(t)), new TestTasks.Lines());
        assertThat(abs.getMessage()).startsWith("step abs: the build context '/etc' is outside the run's context");
        Files.writeString(ctx.resolve("Dockerfile"), "FROM " + DockerTestEnvironment.BASE_IMAGE + "\n");
        RuntimeFailure df = refused(TestTasks.build("df", "-t " + t + " -f /etc/hostname .", List.of(t)),
                new TestTasks.Lines());
        assertThat(df.getMessage()).startsWith("step df: the Dockerfile (-f) '/etc/hostname' is outside the run's context");
    }

    @Test
    void aBuildKitSecretFileThroughALinkFailsTheStepBeforeTheCliRuns() throws Exception {
        folders();
        Files.writeString(ctx.resolve("Dockerfile"), "FROM " + DockerTestEnvironment.BASE_IMAGE + "\n");
        Files.createSymbolicLink(ctx.resolve("token"), outside.resolve("host-file.txt"));
        BuildStep link = TestTasks.build("bks", "--secret id=t,src=token .", List.of(),
                o -> o.env(List.of("DOCKER_BUILDKIT=1")));
        RuntimeFailure f = refused(link, new TestTasks.Lines());
        assertThat(f.getMessage()).startsWith("step bks: the path of --secret 'token' is outside the run's context: "
                + "a symbolic link");
        BuildStep absolute = TestTasks.build("bka", "--iidfile /workspace/iid .", List.of(),
                o -> o.env(List.of("DOCKER_BUILDKIT=1")));
        assertThat(refused(absolute, new TestTasks.Lines()).getMessage()).isEqualTo("step bka: the path of --iidfile "
                + "'/workspace/iid' must be relative to the working directory in a BuildKit build (the docker CLI "
                + "reads it on this machine)");
    }

    @Test
    void linksInsideTheContextStayLinksAndALinkedDockerfileInsideIsUsed() throws Exception {
        folders();
        Path docker = Files.createDirectories(ctx.resolve("docker"));
        Files.writeString(docker.resolve("real.Dockerfile"), "FROM " + DockerTestEnvironment.BASE_IMAGE + "\n"
                + "COPY inside-link /copied\n");
        Files.writeString(ctx.resolve("data.txt"), "inside\n");
        Files.createSymbolicLink(ctx.resolve("Dockerfile"), Path.of("docker/real.Dockerfile"));
        Files.createSymbolicLink(ctx.resolve("inside-link"), Path.of("data.txt"));
        // A link out that the build never reads is sent as a link, not followed.
        Files.createSymbolicLink(ctx.resolve("out-link"), outside.resolve("host-file.txt"));
        String t = tag();
        BuildStep build = TestTasks.build("ok", "-t " + t + " .", List.of(t));
        TestTasks.Lines lines = new TestTasks.Lines();
        try (RuntimeSession session = runtime.open(setup(env.newRunId(), ctx, List.of(), build))) {
            StepOutcome o = session.execute(attempt(build), lines);
            assertThat(o.exitCode()).as(String.join("\n", lines.all)).isZero();
        }
        assertThat(env.client().inspectImageCmd(t).exec().getId()).startsWith("sha256:");
    }
}
