package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.TemplateLimits;
import io.multistep.testsupport.go.Differential;
import io.multistep.testsupport.go.GoOracle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The template engine with only Go's builtin functions (no Sprig: {@link Interpreter} with an empty
 * function map, as {@code template.New("t").Option("missingkey=zero")} in the Go oracle) against
 * Go's own {@code text/template}, on a few thousand seeded templates: output, or the exact
 * parse/execution error text. Known differences that are being fixed elsewhere are listed in
 * {@code conformance/template-pending.txt}; any other difference fails.
 */
class GoTemplateDifferentialTest {

    private static final long SEED = 20261203L;
    private static final int CASES = 4000;

    @Test
    void templatesWithGoBuiltinsBehaveAsGoTextTemplate() {
        Map<String, Object> data = data();
        TemplateGen gen = new TemplateGen(new Random(SEED));
        List<TemplateGen.Case> cases = new ArrayList<>();
        for (String[] fixed : TemplateGen.FIXED) {
            cases.add(new TemplateGen.Case(fixed[0], fixed[1]));
        }
        while (cases.size() < CASES) {
            cases.add(gen.next());
        }
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", "t" + i);
            m.put("kind", "template");
            m.put("text", cases.get(i).text());
            m.put("data", data);
            requests.add(m);
        }
        List<Map<String, Object>> answers = GoOracle.answer(requests);
        Differential report = Differential.withPending("template", "/conformance/template-pending.txt");
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> a = answers.get(i);
            String go = a.get("err") != null ? a.get("stage") + ": " + a.get("err") : "out: " + a.get("out");
            report.compare("t" + i, cases.get(i).category(), show(cases.get(i).text()), go, java(cases.get(i).text(), data));
        }
        report.assertConforms();
    }

    /** The Java engine's answer in the oracle's words. */
    private static String java(String text, Object data) {
        TemplateLimits l = TemplateLimits.DEFAULT;
        Interpreter.Compiled c;
        try {
            c = Interpreter.parse("t", text, Map.of(), l.maxParseDepth());
        } catch (GoError e) {
            return "parse: " + e.getMessage();
        } catch (RuntimeException e) {
            return "crash: " + e;
        }
        try {
            return "out: " + Interpreter.execute(c, data, l.maxTemplateDepth(), l.maxOutputChars(), l.maxRangeIterations()).text();
        } catch (GoError e) {
            return "exec: " + e.getMessage();
        } catch (RuntimeException e) {
            // A crash of the engine is a difference like any other, reported with the case.
            return "crash: " + e;
        }
    }

    /** Dot for every case: the same values on both sides (ints as Go int, other numbers float64). */
    static Map<String, Object> data() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("S", "hello");
        m.put("E", "");
        m.put("I", 3L);
        m.put("Z", 0L);
        m.put("N", -2L);
        m.put("Big", 9007199254740993L);
        m.put("F", 1.5);
        m.put("G", 2.0);
        m.put("B", true);
        m.put("F0", false);
        m.put("Nil", null);
        List<Object> l = new ArrayList<>();
        l.add(1L);
        l.add("a");
        l.add(null);
        l.add(2.5);
        m.put("L", l);
        m.put("LE", List.of());
        m.put("LS", List.of("x", "y", "z"));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("a", 1L);
        inner.put("b", "two");
        inner.put("c", null);
        inner.put("d", List.of(1L, 2L));
        m.put("M", inner);
        m.put("ME", Map.of());
        m.put("H", "<a href='x'>&\"é\u2028");
        m.put("U", "a b&c=d/é?");
        return m;
    }

    private static String show(String s) {
        return "'" + s + "'"; // the report escapes control characters
    }
}
