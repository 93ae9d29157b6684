package io.multistep.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.gotemplate.internal.Sprig;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every template function, called with every combination of up to two awkward arguments, either
 * renders or fails with a template error in Go's words: no Java exception, class name or null escapes.
 */
class FunctionRobustnessTest {

    private static final String[] ARGS = {"nil", "\"\"", "\"a-b_c\"", "0", "-1", "1.5", "(list 1 \"a\")",
        "(dict \"a\" 1)", "true", "(semver \"1.2.3\")"};
    private static final String[] FEW = {"nil", "\"a-b_c\"", "-1", "(list 1 \"a\")", "(dict \"a\" 1)"};
    // Too slow to call a thousand times (scrypt, RSA 4096, DSA parameters); SprigCertificatesTest covers them.
    private static final Set<String> SLOW = Set.of("derivePassword", "genPrivateKey", "genCA", "genSelfSignedCert",
            "genSignedCert");

    @Test
    void noFunctionLetsAJavaExceptionEscape() {
        Set<String> names = new TreeSet<>(Sprig.funcs(new Sprig.Context(Clock.systemUTC(), ZoneOffset.UTC, Map.of(),
                1000)).keySet());
        names.addAll(List.of("printf", "print", "println", "index", "slice", "len", "eq", "lt", "le", "and", "or",
                "not", "html", "js", "urlquery", "call"));
        names.removeAll(SLOW);
        List<String> leaks = new ArrayList<>();
        int calls = 0;
        for (String name : names) {
            List<String> argLists = new ArrayList<>();
            argLists.add("");
            for (String a : ARGS) {
                argLists.add(" " + a);
                for (String b : ARGS) {
                    argLists.add(" " + a + " " + b);
                }
            }
            for (String args : argLists) {
                String tpl = "{{" + name + args + "}}";
                calls++;
                try {
                    GoTemplate.parse("t", tpl, Map.of(), true).execute(Map.of());
                } catch (TemplateException e) {
                    String m = e.getMessage();
                    if (m == null || m.contains("java.") || m.contains("Exception") || m.contains("null")) {
                        leaks.add(tpl + " -> " + m);
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    leaks.add(tpl + " -> " + e);
                }
            }
        }
        for (String name : List.of("set", "pluck", "dig", "substr", "abbrevboth", "untilStep", "slice", "index",
                "ternary", "replace", "regexReplaceAll", "wrapWith", "mustSlice", "splitn")) {
            for (String a : FEW) {
                for (String b : FEW) {
                    for (String c : FEW) {
                        String tpl = "{{" + name + " " + a + " " + b + " " + c + "}}";
                        calls++;
                        try {
                            GoTemplate.parse("t", tpl, Map.of(), true).execute(Map.of());
                        } catch (TemplateException e) {
                            String m = e.getMessage();
                            if (m == null || m.contains("java.") || m.contains("Exception") || m.contains("null")) {
                                leaks.add(tpl + " -> " + m);
                            }
                        } catch (RuntimeException | StackOverflowError e) {
                            leaks.add(tpl + " -> " + e);
                        }
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(20_000);
        assertThat(leaks).isEmpty();
    }
}
