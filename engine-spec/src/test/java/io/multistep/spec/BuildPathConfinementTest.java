package io.multistep.spec;

import static io.multistep.spec.Fixtures.ok;
import static io.multistep.spec.Fixtures.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A build step's host paths must stay in the run's context (issue #12): checked by validation, located at {@code build}. */
class BuildPathConfinementTest {

    private static String step(String build) {
        return "steps:\n  - build: " + build + "\n";
    }

    @Test
    void aDockerfileAndAContextAboveTheRunsContextAreLocatedErrors() {
        LoadResult r = Fixtures.load(step("-t x -f ../outside/Dockerfile .."));
        assertThat(r.task()).isNull();
        assertThat(r.errors()).extracting(Problem::location).containsOnly(new SourceLocation("acb.yaml", 2, 12));
        assertThat(r.errors()).extracting(Problem::message).containsExactly(
                "the Dockerfile (-f) \"../outside/Dockerfile\" is outside the run's context: it resolves to "
                        + "/outside/Dockerfile (from the working directory /workspace), but a build may only use paths "
                        + "under /workspace, the run's context folder",
                "the build context \"..\" is outside the run's context: it resolves to / (from the working directory "
                        + "/workspace), but a build may only use paths under /workspace, the run's context folder");
    }

    @Test
    void theContextAloneAboveTheRunsContextIsAnError() {
        assertThat(onlyError(step("-t x ..")).message())
                .startsWith("the build context \"..\" is outside the run's context: it resolves to / ");
    }

    @Test
    void anAbsoluteHostFolderAsContextIsAnError() {
        assertThat(onlyError(step("-t y /etc")).message())
                .startsWith("the build context \"/etc\" is outside the run's context: it resolves to /etc ");
    }

    @Test
    void anAbsoluteHostFileAsDockerfileIsAnError() {
        assertThat(onlyError(step("-f /etc/hostname .")).message())
                .startsWith("the Dockerfile (-f) \"/etc/hostname\" is outside the run's context");
    }

    @Test
    void theFlagFormsWithEqualsAndQuotesAreChecked() {
        assertThat(onlyError(step("'\"--file=/etc/passwd\" .'")).message()).contains("\"/etc/passwd\"");
        assertThat(onlyError(step("\"'-f' 'sub/../../x' .\"")).message()).contains("resolves to /x ");
    }

    @Test
    void buildKitPathFlagsAreChecked() {
        assertThat(onlyError(step("--secret id=a,src=/root/.ssh/id_rsa .")).message())
                .startsWith("the path of --secret \"/root/.ssh/id_rsa\" is outside the run's context");
        assertThat(onlyError(step("-o type=local,dest=../out .")).message()).startsWith("the path of -o \"../out\"");
        assertThat(onlyError(step("--build-context other=/ .")).message()).startsWith("the path of --build-context \"/\"");
        assertThat(onlyError(step("--iidfile /tmp/iid .")).message()).startsWith("the path of --iidfile \"/tmp/iid\"");
        assertThat(onlyError(step("--ssh default=/home/u/.ssh/id .")).message()).startsWith("the path of --ssh");
        assertThat(onlyError(step("--cache-to type=local,dest=/var/cache .")).message()).startsWith("the path of --cache-to");
    }

    @Test
    void theWorkingDirectoryIsWhereRelativePathsStart() {
        ok("steps:\n  - build: -f ../Dockerfile ..\n    workingDirectory: app/src\n");
        assertThat(onlyError("steps:\n  - build: ../..\n    workingDirectory: app\n").message())
                .contains("resolves to / (from the working directory /workspace/app)");
        // A working directory outside /workspace is fine as long as the paths come back into it.
        ok("steps:\n  - build: -f workspace/Dockerfile workspace\n    workingDirectory: /\n");
    }

    @Test
    void pathsInsideTheRunsContextAreValid() {
        ok(step("-t x -f docker/Dockerfile.prod app/.."));
        ok(step("-t x /workspace/app"));
        ok(step("--secret id=a,env=TOKEN --secret id=b,src=secrets/b -o - --build-context c=docker-image://alpine ."));
        ok(step("-f - ."));
    }

    @Test
    void remoteContextsAreNotPaths() {
        ok(step("-t x https://github.com/Azure/acr-builder.git"));
        ok(step("-t x oci://127.0.0.1:5000/ctx:1"));
    }
}
