package io.multistep.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.engine.Engine;
import io.multistep.engine.RunResult;
import io.multistep.engine.spi.ImageDependency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The dependency report's digests on the real engine and registry (issue #12, execution.md §11). */
@ExtendWith(DockerTestEnvironment.class)
class DependencyDigestsIT {
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

    @Test
    void pushedImagesGetTheirDigestAndABaseImageNeverAnotherRepositorysDigest(@TempDir Path ctx) throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String base = "multistep-it/base-" + u + ":1";
        String other = DockerTestEnvironment.REGISTRY + "/multistep-it/other-" + u + ":1";
        String app = DockerTestEnvironment.REGISTRY + "/multistep-it/app-" + u + ":1";
        String app2 = "multistep-it/app2-" + u + ":1";
        Files.writeString(ctx.resolve("base.Dockerfile"), "FROM " + DockerTestEnvironment.BASE_IMAGE + "\nLABEL u=" + u + "\n");
        Files.writeString(ctx.resolve("app.Dockerfile"), "FROM " + base + "\nLABEL app=1\n");
        Files.writeString(ctx.resolve("app2.Dockerfile"), "FROM " + other + "\nLABEL app=2\n");
        // The base image is tagged into two repositories and pushed under one of them only.
        String task = """
                steps:
                  - id: base
                    build: -t %1$s -t %2$s -f base.Dockerfile .
                  - id: pushother
                    push: [%2$s]
                  - id: app
                    build: -t %3$s -f app.Dockerfile .
                  - id: app2
                    build: -t %4$s -f app2.Dockerfile .
                  - id: pushapp
                    push: [%3$s]
                """.formatted(base, other, app, app2);
        try {
            RunResult result = env.runLeavingNothing(Engine.builder().runtime(runtime).build(), task, ctx);
            assertThat(result.succeeded()).as("%s", result).isTrue();
            String otherDigest = result.step("pushother").images().get(0).digest();
            String appDigest = result.step("pushapp").images().get(0).digest();
            assertThat(otherDigest).matches("sha256:[0-9a-f]{64}");
            assertThat(appDigest).matches("sha256:[0-9a-f]{64}").isNotEqualTo(otherDigest);

            List<ImageDependency> baseEntries = result.step("base").dependencies();
            assertThat(baseEntries).extracting(d -> d.image().reference()).containsExactly(base, other);
            assertThat(baseEntries.get(0).image().digest()).as("never pushed under its own repository").isEmpty();
            assertThat(baseEntries.get(1).image().digest()).as("pushed by a later step").isEqualTo(otherDigest);

            ImageDependency appEntry = result.step("app").dependencies().get(0);
            assertThat(appEntry.image().digest()).as("pushed by a later step").isEqualTo(appDigest);
            assertThat(appEntry.runtimeDependency().reference()).isEqualTo(base);
            assertThat(appEntry.runtimeDependency().digest()).as("the same image's digest in another repository")
                    .isEmpty();

            ImageDependency app2Entry = result.step("app2").dependencies().get(0);
            assertThat(app2Entry.image().digest()).as("never pushed").isEmpty();
            assertThat(app2Entry.runtimeDependency().digest()).isEqualTo(otherDigest);
        } finally {
            for (String t : List.of(base, other, app, app2)) {
                try {
                    env.client().removeImageCmd(t).withForce(true).exec();
                } catch (RuntimeException ignored) {
                    // not built
                }
            }
        }
    }
}
