package io.multistep.gotemplate;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lexing, parsing and evaluating constants and control structures as Go 1.22's text/template does:
 * complex constants, integer and float limits (an unsigned-only constant fails at execution, an
 * out-of-range float at parse), rune constants, and {@code {{else with}}} being a parse error (Go 1.23
 * syntax). Expectations produced by Go ({@code template/conformance/parse.jsonl}).
 */
class ParseConformanceTest {

    static Stream<Arguments> cases() throws IOException {
        return GoCases.load("parse");
    }

    static Stream<Arguments> goParseTests() throws IOException {
        return GoCases.load("parse-go");
    }

    /** The inputs of Go's own parse_test.go, parsed and executed with no data. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goParseTests")
    void parsesGosOwnTestInputsAsGo(GoCases.Case c) {
        GoCases.check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAndEvaluatesConstantsAsGo(GoCases.Case c) {
        GoCases.check(c);
    }
}
