package io.multistep.gotemplate;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Execution errors read exactly like Go's: the location, the failing node printed as Go's
 * {@code Node.String()} (whole, never cut), and the wording of the builtins' errors. Cases adapted from Go's
 * {@code exec_test.go} to map data; expectations produced by Go ({@code template/conformance/exec-errors.jsonl}).
 */
class ExecErrorConformanceTest {

    static Stream<Arguments> cases() throws IOException {
        return GoCases.load("exec-errors");
    }

    static Stream<Arguments> goExecTests() throws IOException {
        return GoCases.load("exec-go");
    }

    /**
     * The inputs of Go's own exec_test.go run on map data (inputs calling its test-only functions are
     * left out: they fail to parse in Go, while Multistep's Sprig map may define the name).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goExecTests")
    void runsGosOwnTestInputsAsGo(GoCases.Case c) {
        GoCases.check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithGosMessage(GoCases.Case c) {
        GoCases.check(c);
    }
}
