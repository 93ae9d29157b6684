package io.multistep.spec;

import io.multistep.testsupport.FuzzChecks;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.multistep.spec.render.RenderContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the whole load path, text to {@link LoadResult}: comment removal, version detection,
 * aliases, Go templates, YAML, validation, defaults and the step graph. Whatever the text, the
 * loader returns (never throws, never hangs), a missing task comes with at least one error, and
 * every problem is located in the given text and worded as the reference words it.
 *
 * <p>Plain {@code mvn test} replays {@code TaskFilesFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes (docs/fuzzing.md).
 */
class TaskFilesFuzzTest {

    private static final String NAME = "fuzz.yaml";

    static {
        FuzzChecks.noNetwork();
    }

    private static final TaskFiles.Loader TEMPLATED = TaskFiles.loader()
            .renderContext(RenderContext.builder().id("r1").registry("reg.example").clock(
                    Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC))
                    .environment(Map.of("HOME", "/root")).build())
            .build();
    private static final TaskFiles.Loader STRICT_PLAIN = TaskFiles.loader().strict(true).templating(false).build();

    @FuzzTest(maxDuration = "60s")
    @Timeout(10)
    void loadEndsInATaskOrLocatedProblems(byte[] input) {
        // Raw bytes, so that the seed inputs are plain task files.
        String text = new String(input, StandardCharsets.UTF_8);
        // The alias block's src list reads files and URLs named by the text: not something to fuzz.
        if (text.contains("src")) {
            return;
        }
        check(text, TEMPLATED.load(text, NAME));
        check(text, STRICT_PLAIN.load(text, NAME));
    }

    private static void check(String text, LoadResult r) {
        if (r.task() == null && r.errors().isEmpty()) {
            throw new AssertionError("no task and no error");
        }
        if (r.task() != null && r.hasErrors()) {
            throw new AssertionError("a task despite errors: " + r.errors());
        }
        for (Problem p : r.problems()) {
            FuzzChecks.readsAsOurs("problem " + p, p.message(), text);
            FuzzChecks.inside("problem " + p, p.location().file(), p.location().line(), p.location().column(), NAME, text);
        }
    }
}
