package io.multistep.docker.conformance;

import static io.multistep.docker.conformance.ConformanceRuns.IMG;
import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.engine.RunResult;
import io.multistep.engine.StepStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Declared networks, a step's network passed verbatim (execution.md §6, task-format.md §4.2). */
@ExtendWith(DockerTestEnvironment.class)
class NetworkConformanceIT {
    @RegisterExtension
    static final ConformanceRuns runs = new ConformanceRuns();

    @Test
    void stepsOnADeclaredNetworkReachEachOtherByIdAndNetworkNamesAreVerbatim(@TempDir Path ctx) throws Exception {
        Files.createDirectories(ctx.resolve("www"));
        Files.writeString(ctx.resolve("www/index.html"), "on confnet\n");
        String task = """
                networks:
                  - name: confnet
                steps:
                  - id: svc
                    network: confnet
                    detach: true
                    cmd: %1$s httpd -f -p 80 -h /workspace/www
                  - id: client
                    network: confnet
                    cmd: %1$s sh -c 'for i in $(seq 1 50); do wget -q -O - http://svc/index.html && exit 0; sleep 0.2; done; exit 1'
                  - id: isolated
                    network: none
                    cmd: %1$s ls /sys/class/net
                    when: ["-"]
                  - id: missing
                    network: conf-no-such-network
                    cmd: %1$s echo never
                    ignoreErrors: true
                    when: ["-"]
                """.formatted(IMG);
        RunResult r = runs.run(task, ctx);

        assertThat(r.succeeded()).as("%s", r).isTrue();
        // The poll may print a refused connection while httpd starts; it ends with the page.
        assertThat(r.step("client").outputTail()).endsWith("on confnet");
        assertThat(r.step("isolated").outputTail()).containsExactly("lo");
        // `docker run --network <missing>` exits 125.
        assertThat(r.step("missing").status()).isEqualTo(StepStatus.FAILURE_IGNORED);
        assertThat(r.step("missing").exitCode()).hasValue(125);
        assertThat(r.step("missing").failure().orElseThrow().message()).isEqualTo("exit status 125");
    }

    @Test
    void aNetworkTheEngineCannotCreateFailsTheRunWithTheReferencesMessage(@TempDir Path ctx) {
        String task = """
                networks:
                  - name: badnet
                    driver: host
                steps:
                  - id: never
                    cmd: %1$s echo never
                """.formatted(IMG);
        RunResult r = runs.run(task, ctx);

        assertThat(r.succeeded()).isFalse();
        // errors.md X-1 (the engine's own error follows "err:"): an engine allows one host network.
        assertThat(r.failureMessage().orElseThrow()).startsWith("failed to create network: badnet, err: ");
        assertThat(r.step("never").status()).isEqualTo(StepStatus.SKIPPED);
    }
}
