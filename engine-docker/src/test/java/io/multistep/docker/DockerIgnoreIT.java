package io.multistep.docker;

import static io.multistep.docker.TestTasks.attempt;
import static io.multistep.docker.TestTasks.setup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeSession;
import io.multistep.spec.BuildStep;
import io.multistep.spec.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code .dockerignore} escapes and malformed patterns in build steps on the real engine. */
@ExtendWith(DockerTestEnvironment.class)
class DockerIgnoreIT {
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
    void anEscapedWildcardExcludesOnlyTheFileWithThatName(@TempDir Path ctx) throws Exception {
        Files.writeString(ctx.resolve("Dockerfile"), "FROM " + DockerTestEnvironment.BASE_IMAGE + "\n"
                + "COPY . /ctx/\nRUN ls -1A /ctx | sed 's/^/in-image: /'\n");
        Files.writeString(ctx.resolve("a*b"), "escaped name\n");
        Files.writeString(ctx.resolve("axb"), "kept\n");
        Files.writeString(ctx.resolve(".dockerignore"), "# a\\*b is the file a*b, not a wildcard\na\\*b\n");
        String tag = "multistep-it/ignore:" + UUID.randomUUID().toString().substring(0, 8);
        // The engine has no default bridge: the RUN goes on the run's network.
        BuildStep build = TestTasks.build("esc", "-t " + tag + " --network " + Network.DEFAULT_NETWORK_NAME + " .",
                List.of(tag));
        TestTasks.Lines lines = new TestTasks.Lines();
        try (RuntimeSession session = runtime.open(setup(env.newRunId(), ctx, List.of(), build))) {
            assertThat(session.execute(attempt(build), lines).exitCode()).as("build output %s", lines.all).isZero();
        } finally {
            try {
                env.client().removeImageCmd(tag).withForce(true).exec();
            } catch (RuntimeException ignored) {
                // not built
            }
        }
        assertThat(lines.out).filteredOn(l -> l.startsWith("in-image: "))
                .containsExactlyInAnyOrder("in-image: .dockerignore", "in-image: Dockerfile", "in-image: axb");
    }

    @Test
    void aMalformedPatternFailsTheBuildStepWithTheFileAndLine(@TempDir Path ctx) throws Exception {
        Files.writeString(ctx.resolve("Dockerfile"), "FROM " + DockerTestEnvironment.BASE_IMAGE + "\n");
        Files.writeString(ctx.resolve(".dockerignore"), "# fine so far\nlogs\n[a-b-c].txt\n");
        BuildStep build = TestTasks.build("badignore", ".", List.of());
        TestTasks.Lines lines = new TestTasks.Lines();
        try (RuntimeSession session = runtime.open(setup(env.newRunId(), ctx, List.of(), build))) {
            assertThatThrownBy(() -> session.execute(attempt(build), lines))
                    .isInstanceOfSatisfying(RuntimeFailure.class, f -> assertThat(f.getMessage()).isEqualTo(
                            "step badignore: " + ctx.resolve(".dockerignore") + ":3: syntax error in pattern: [a-b-c].txt"));
        }
        assertThat(lines.out).noneMatch(l -> l.startsWith("Sent build context"));
    }
}
