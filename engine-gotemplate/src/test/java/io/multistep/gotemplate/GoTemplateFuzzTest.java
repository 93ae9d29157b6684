package io.multistep.gotemplate;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.multistep.testsupport.FuzzChecks;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the template engine: Go {@code text/template} parsing and execution with the Sprig
 * functions, under {@link TemplateLimits#DEFAULT}. Whatever the template, parsing and execution
 * end (no hang, no {@link StackOverflowError}, no {@link OutOfMemoryError}) with a text or a
 * {@link TemplateException} that carries Go's words and a position inside the template.
 *
 * <p>Plain {@code mvn test} replays {@code GoTemplateFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes (docs/fuzzing.md).
 */
class GoTemplateFuzzTest {

    private static final String NAME = "t";

    /** Dot: one value of every kind a task's values can hold. */
    private static final Map<String, Object> DATA = data();

    private static Map<String, Object> data() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "hello world");
        m.put("n", 42L);
        m.put("f", 1.5);
        m.put("b", true);
        m.put("nil", null);
        m.put("l", Arrays.asList("a", 2L, null, List.of("x")));
        m.put("m", new LinkedHashMap<>(Map.of("k", "v", "n", 0L)));
        m.put("json", "{\"a\": [1, 2]}");
        return m;
    }

    @FuzzTest(maxDuration = "60s")
    @Timeout(10)
    void parseAndExecuteEndInTextOrLocatedError(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        GoTemplate template;
        try {
            template = GoTemplate.parse(NAME, text);
        } catch (TemplateException e) {
            check(e, text);
            return;
        }
        try {
            template.execute(DATA);
        } catch (TemplateException e) {
            check(e, text);
        }
    }

    private static void check(TemplateException e, String text) {
        FuzzChecks.readsAsOurs("template error", e.goMessage(), text);
        FuzzChecks.inside("template error " + e.getMessage(), e.location().file(), e.location().line(), e.location().column(), NAME, text);
    }
}
