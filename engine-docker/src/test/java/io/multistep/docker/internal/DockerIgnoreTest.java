package io.multistep.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code .dockerignore} edge cases as moby's patternmatcher decides them (each checked against
 * it with the Go oracle, see {@link DockerIgnoreDifferentialTest}).
 */
class DockerIgnoreTest {

    @ParameterizedTest(name = "{0} excludes {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        // A backslash escapes the next character.
        "a\\*b;a*b;true", "a\\*b;axb;false", "a\\?b;a?b;true", "a\\?b;axb;false", "a\\[b;a[b;true",
        // patternmatcher hands [ ] ^ \\d and | to Go's regexp as they are.
        "[!x];!;true", "[!x];y;false", "[^x];y;true", "*[^x];a/b;true", "[[:digit:]];7;true", "[[:digit:]];a;false",
        "a\\d;a5;true", "a\\d;ad;false", "*a|b;bc;false", "*a|b;cb;true", "a^b;a^b;true", "*a^b;xa^b;false",
        // a class swallows the [^/]* a * becomes: [*] is the class [[^/] then *, then a literal ].
        "[*];];true", "[*];[/^];true", "[*];x;false",
        // Go's regexp treats a { that is no repetition as a literal, and x{2} as one.
        "*a{2};aa;true", "*a{2};a{2};false", "*{;x{;true"})
    void matchesAsPatternmatcher(String pattern, String path, boolean excluded) {
        assertThat(DockerIgnore.parse(pattern + "\n").excludes(path)).isEqualTo(excluded);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[-]", "[x-]", "[-x]", "[a-b-c]", "a\\", "[]", "[a", "x/[-]/y", "*.[-]"})
    void malformedPatternsAreErrorsWithTheirLine(String pattern) {
        assertThatThrownBy(() -> DockerIgnore.parse("# comment\n\nok\n  " + pattern + "  \nlater\n"))
                .isInstanceOfSatisfying(DockerIgnore.PatternError.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.pattern()).isEqualTo(pattern);
                    assertThat(e.goMessage()).isEqualTo("syntax error in pattern");
                    assertThat(e.getMessage()).isEqualTo("line 4: syntax error in pattern: " + pattern);
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a*[-]", "a*b[-"})
    void goOnlyChecksAPatternAsFarAsMatchingDotReadsIt(String pattern) {
        // filepath.Match(p, ".") stops at the first chunk that fails, so these pass New.
        assertThat(DockerIgnore.parse(pattern).isEmpty()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"*[z-a]", "*\\y", "*[[:foo:]]", "[[:alpha:]", "*a**b{1001}"})
    void regexpErrorsComeWhenAPathReachesThePattern(String pattern) {
        DockerIgnore ignore = DockerIgnore.parse("x\n" + pattern + "\n");
        assertThat(ignore.excludes("x")).isTrue(); // matched before the bad pattern is evaluated
        assertThatThrownBy(() -> ignore.excludes("y")).isInstanceOfSatisfying(DockerIgnore.PatternError.class,
                e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(ignore::validate).hasMessage("line 2: syntax error in pattern: " + pattern);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"*\\pL", "*\\p{Greek}", "*\\Qa*\\E", "*[\\pL]"})
    void unicodeClassesAndQuotingAreReportedAsSyntaxErrors(String pattern) {
        // Go's regexp would read these; docs/differences.md says we do not (yet).
        assertThatThrownBy(DockerIgnore.parse(pattern)::validate).isInstanceOf(DockerIgnore.PatternError.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"!", "! ", "!\t"})
    void aLoneExclamationMarkIsAnIllegalExclusion(String line) {
        assertThatThrownBy(() -> DockerIgnore.parse("a\n" + line + "\n")).isInstanceOfSatisfying(
                DockerIgnore.PatternError.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.goMessage()).isEqualTo("illegal exclusion pattern: \"!\"");
                });
    }
}
