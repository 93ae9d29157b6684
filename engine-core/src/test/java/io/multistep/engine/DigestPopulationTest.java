package io.multistep.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.engine.spi.ContainerRuntime;
import io.multistep.engine.spi.ImageDependency;
import io.multistep.engine.spi.ImageDependency.ImageName;
import io.multistep.engine.spi.RuntimeSession;
import io.multistep.engine.spi.StepAttempt;
import io.multistep.engine.spi.StepOutcome;
import io.multistep.engine.spi.StepOutput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The report's digests are filled once every step has run, as the reference does, and only after a successful run. */
@Timeout(30)
class DigestPopulationTest {
    private static final String PUSHED = "sha256:" + "a".repeat(64);
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    private static ImageName name(String repo, String digest) {
        return new ImageName("127.0.0.1:5000", repo, "v1", digest, "127.0.0.1:5000/" + repo + ":v1");
    }

    /** Build steps report an entry with an empty digest; the session fills it at the end; "bad" exits 1. */
    private ContainerRuntime runtime() {
        return setup -> new RuntimeSession() {
            @Override
            public StepOutcome execute(StepAttempt attempt, StepOutput output) {
                calls.add("execute " + attempt.step().id());
                if (attempt.step().id().equals("bad")) {
                    return StepOutcome.exited(1);
                }
                List<ImageDependency> deps = attempt.step().id().startsWith("b")
                        ? List.of(new ImageDependency(name("app", ""), name("base", ""), List.of()))
                        : List.of();
                return new StepOutcome(0, Optional.empty(), List.of(), deps);
            }

            @Override
            public List<ImageDependency> populateDigests(List<ImageDependency> entries) {
                calls.add("populate " + entries.size());
                return entries.stream().map(e -> new ImageDependency(name(e.image().repository(), PUSHED),
                        e.runtimeDependency(), e.buildtimeDependencies())).toList();
            }

            @Override
            public void stop(String stepId) {}

            @Override
            public void close() {
                calls.add("close");
            }
        };
    }

    private RunResult run(String steps) {
        Engine engine = Engine.builder().runtime(runtime()).build();
        return engine.run(TaskSource.text("steps:\n" + steps, "acb.yaml"), RunOptions.builder().runId("d1").build());
    }

    @Test
    void aSuccessfulRunFillsTheDigestsAfterItsLastStepAndBeforeTheSessionCloses() {
        RunResult result = run("  - {id: b1, build: -t 127.0.0.1:5000/app:v1 .}\n  - {id: p, push: [127.0.0.1:5000/app:v1]}\n");

        assertThat(result.succeeded()).as("%s", result).isTrue();
        assertThat(calls).containsExactly("execute b1", "execute p", "populate 1", "close");
        assertThat(result.dependencies()).singleElement().satisfies(d -> {
            assertThat(d.image().digest()).isEqualTo(PUSHED);
            assertThat(d.runtimeDependency().digest()).isEmpty();
        });
        assertThat(result.step("b1").dependencies()).isEqualTo(result.dependencies());
    }

    @Test
    void aFailedRunIsNotPopulated() {
        RunResult result = run("  - {id: b1, build: -t 127.0.0.1:5000/app:v1 .}\n  - {id: bad, cmd: img}\n");

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(calls).doesNotContain("populate 1");
        assertThat(result.dependencies()).singleElement().satisfies(d -> assertThat(d.image().digest()).isEmpty());
    }
}
