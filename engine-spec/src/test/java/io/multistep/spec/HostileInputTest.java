package io.multistep.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Malformed and hostile input ends as problems, quickly, never as an exception or a hang. */
class HostileInputTest {

    private static LoadResult loadFast(String text) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> TaskFiles.loader().build().load(text, "bad.yaml"));
    }

    private static Problem onlyError(String text) {
        LoadResult r = loadFast(text);
        assertThat(r.task()).isNull();
        assertThat(r.errors()).hasSize(1);
        return r.errors().get(0);
    }

    @Test
    void unclosedFlowSequence() {
        Problem p = onlyError("steps: [\n  - cmd: x\n");
        assertThat(p.message()).startsWith("yaml: ");
        assertThat(p.location().file()).isEqualTo("bad.yaml");
    }

    @Test
    void badIndentation() {
        assertThat(onlyError("steps:\n  - cmd: x\n      id: y\n").message()).startsWith("yaml: ");
    }

    @Test
    void tabIndentation() {
        assertThat(onlyError("steps:\n\t- cmd: x\n").message()).startsWith("yaml: ");
    }

    @Test
    void undefinedAlias() {
        assertThat(onlyError("steps: *nope\n").message()).startsWith("yaml: ").contains("nope");
    }

    @Test
    void billionLaughsIsStoppedByTheAliasLimit() {
        StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            b.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                b.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            b.append("]\n");
            prev = c;
        }
        b.append("steps: *j\n");
        // Nothing is expanded: the first level already has the wrong shape.
        LoadResult r = loadFast(b.toString());
        assertThat(r.task()).isNull();
        assertThat(r.errors()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).startsWith("cannot unmarshal !!seq into graph.Step"));
    }

    @Test
    void moreThanAThousandCollectionAliasesAreRejected() {
        String text = "a: &a [x]\nb: [" + "*a, ".repeat(1500) + "*a]\n";
        assertThat(onlyError(text).message()).startsWith("yaml: too many aliases");
    }

    @Test
    void aMergeKeyPerStepIsFineEvenForHundredsOfSteps() {
        String text = "d: &d {timeout: 5}\nsteps:\n" + "  - {<<: *d, cmd: x}\n".repeat(500);
        LoadResult r = loadFast(text);
        assertThat(r.problems()).isEmpty();
        assertThat(r.task().steps()).hasSize(500).allSatisfy(s -> assertThat(s.schedule().timeout()).isEqualTo(5));
    }

    @Test
    void mergeBombIsStoppedByTheMergeBudget() {
        StringBuilder b = new StringBuilder("m0: &m0 {keep: true}\n");
        for (int i = 1; i <= 40; i++) {
            b.append("m").append(i).append(": &m").append(i).append(" {<<: [*m").append(i - 1).append(", *m").append(i - 1).append("]}\n");
        }
        b.append("steps:\n  - {<<: *m40, cmd: x}\n");
        assertThat(onlyError(b.toString()).message()).startsWith("yaml: merge keys (<<) expand to more than");
    }

    @Test
    void deepNestingIsStoppedByTheDepthLimit() {
        String text = "steps: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        assertThat(onlyError(text).message()).startsWith("yaml: the document is nested too deeply");
    }

    @Test
    void deepBlockNestingIsStoppedToo() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            b.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        assertThat(onlyError(b.toString()).message()).startsWith("yaml: ");
    }

    @Test
    void twentyMegabyteDocumentIsRejectedBySize() {
        String text = "steps:\n" + "  - cmd: x\n".repeat(2_000_000);
        assertThat(text.length()).isGreaterThan(20_000_000);
        assertThat(onlyError(text).message()).startsWith("yaml: the document is too large");
    }

    @Test
    void binaryGarbageIsAClearProblem() {
        Problem p = onlyError("steps:\n  - cmd: \u0000\u0001\u0002\n");
        assertThat(p.message()).isEqualTo("yaml: control characters are not allowed "
                + "(expected valid UTF-8 text, found U+0000)");
        assertThat(p.location().line()).isEqualTo(2);
    }

    @RepeatedTest(20)
    void randomBytesGiveProblemsNotExceptions() {
        Random random = new Random(42L + System.nanoTime() % 1000);
        byte[] bytes = new byte[4096];
        random.nextBytes(bytes);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        LoadResult r = loadFast(text);
        assertThat(r.task() == null || r.errors().isEmpty()).isTrue();
    }

    @Test
    void recursiveAnchorsDoNotLoop() {
        LoadResult r = loadFast("a: &a [*a]\nsteps: &s\n  - <<: *m\n");
        assertThat(r.errors()).isNotEmpty();
        LoadResult r2 = loadFast("m: &m {cmd: x, <<: *m}\nsteps:\n  - *m\n");
        assertThat(r2.problems()).isNotNull();
    }

    @Test
    void complexMappingKeysAreErrors() {
        assertThat(onlyError("? [a, b]\n: c\n").message()).startsWith("cannot unmarshal !!seq into string");
    }

    @Test
    void unreadableFileIsAProblem() {
        LoadResult r = TaskFiles.loader().build().load(java.nio.file.Path.of("/nonexistent/acb.yaml"));
        assertThat(r.errors()).singleElement().extracting(Problem::message)
                .isEqualTo("failed to load template at path /nonexistent/acb.yaml: no such file or directory");
    }

    @Test
    void parseThrowsTaskFileExceptionListingEveryProblem() {
        TaskFileException e = org.assertj.core.api.Assertions.catchThrowableOfType(TaskFileException.class,
                () -> TaskFiles.parse("steps:\n  - id: a b\n    retries: -1\n", "t.yaml"));
        assertThat(e.problems()).hasSize(3);
        assertThat(e.getMessage()).isEqualTo("t.yaml:3:14: error: step must specify retries >= 0 (found -1)\n"
                + "t.yaml:2:9: error: step ID cannot contain spaces (found \"a b\")\n"
                + "t.yaml:2:5: error: step is missing a cmd, build, or push property");
    }
}
