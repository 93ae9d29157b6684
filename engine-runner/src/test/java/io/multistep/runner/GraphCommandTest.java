package io.multistep.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graph}: the tree, Mermaid and dot forms of a diamond-shaped graph. */
class GraphCommandTest {

    @TempDir
    Path dir;

    String file;

    @BeforeEach
    void diamond() {
        file = Cli.write(dir, "g.yaml", """
                version: v1.1.0
                steps:
                  - id: a
                    cmd: bash echo hi
                  - id: b
                    cmd: bash echo b
                    when: [a]
                  - id: c
                    build: -t foo:1 .
                    when: [a]
                  - id: d
                    push: [foo:1]
                    when: [b, c]
                """);
    }

    @Test
    void textIsAnIndentedTreeAndMarksRepeatedSteps() {
        Cli.Result r = Cli.run("graph", "-f", file);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("""
                a (cmd)
                  b (cmd)
                    d (push) after b, c
                  c (build)
                    d (push) after b, c ^
                """);
        assertThat(Cli.run("graph", "-f", file, "--format", "text").out()).isEqualTo(r.out());
    }

    @Test
    void mermaid() {
        Cli.Result r = Cli.run("graph", "-f", file, "--format", "mermaid");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("""
                graph TD
                  s_a["a (cmd)"]
                  s_b["b (cmd)"]
                  s_c["c (build)"]
                  s_d["d (push)"]
                  s_a --> s_b
                  s_a --> s_c
                  s_b --> s_d
                  s_c --> s_d
                """);
    }

    @Test
    void dot() {
        Cli.Result r = Cli.run("graph", "-f", file, "--format=dot");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("""
                digraph steps {
                  rankdir=TB;
                  "a" [label="a\\ncmd"];
                  "b" [label="b\\ncmd"];
                  "c" [label="c\\nbuild"];
                  "d" [label="d\\npush"];
                  "a" -> "b";
                  "a" -> "c";
                  "b" -> "d";
                  "c" -> "d";
                }
                """);
    }

    @Test
    void v100StepsWithoutWhenRunInSequence() {
        String seq = Cli.write(dir, "seq.yaml", """
                version: v1.0.0
                steps:
                  - cmd: bash echo 1
                  - cmd: bash echo 2
                """);
        Cli.Result r = Cli.run("graph", "-f", seq);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("acb_step_0 (cmd)\n  acb_step_1 (cmd)\n");
    }

    @Test
    void unknownFormatIsAUsageError() {
        Cli.Result r = Cli.run("graph", "-f", file, "--format", "svg");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: --format must be text, mermaid or dot, found 'svg'\n");
    }

    @Test
    void invalidTaskIsExit2WithLocatedProblems() {
        String bad = Cli.write(dir, "bad.yaml", "version: v1.0.0\nsteps:\n  - id: x\n    when: [y]\n    cmd: bash echo\n");
        Cli.Result r = Cli.run("graph", "-f", bad);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith(bad + ":4:").contains("y does not exist as a vertex");
    }
}
