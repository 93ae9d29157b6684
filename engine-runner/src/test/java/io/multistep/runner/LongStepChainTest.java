package io.multistep.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.spec.LoadResult;
import io.multistep.spec.Task;
import io.multistep.spec.TaskFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A linear chain of 100,000 steps (each waits for the one before, the v1.1.0 default): every command
 * that reads the file handles it without recursing per step, and the tree stays linear in size.
 * The file is loaded once for the graph and model tests; {@code exec --dry-run} goes the whole way
 * (read, render, validate, graph, describe) from the command line.
 */
class LongStepChainTest {

    static final int STEPS = 100_000;

    @TempDir
    static Path dir;

    static String file;
    static String text;
    static Task task;

    @BeforeAll
    static void chain() {
        StringBuilder b = new StringBuilder("version: v1.1.0\nsteps:\n");
        for (int i = 0; i < STEPS; i++) {
            b.append("  - id: s").append(i).append("\n    cmd: bash echo ").append(i).append('\n');
        }
        text = b.toString();
        file = Cli.write(dir, "chain.yaml", text);
        LoadResult r = TaskFiles.loader().build().load(text, "chain.yaml");
        assertThat(r.errors()).isEmpty();
        task = r.task();
    }

    @Test
    void theModelJsonListsEveryStep() throws Exception {
        String json = Reports.prettyJson().writeValueAsString(ModelJson.of(task));
        assertThat(json).contains("\"id\" : \"s99999\"").contains("\"dependencies\" : [ \"s99998\" ]");
    }

    @Test
    void textTreeCapsItsIndentationAndNamesTheDepth() {
        String[] lines = GraphCommand.render(task, "text").split("\n");
        assertThat(lines).hasSize(STEPS);
        assertThat(lines[0]).isEqualTo("s0 (cmd)");
        assertThat(lines[1]).isEqualTo("  s1 (cmd)");
        String deepest = "  ".repeat(GraphCommand.MAX_INDENT);
        assertThat(lines[GraphCommand.MAX_INDENT]).isEqualTo(deepest + "s" + GraphCommand.MAX_INDENT + " (cmd)");
        assertThat(lines[GraphCommand.MAX_INDENT + 1])
                .isEqualTo(deepest + "[depth " + (GraphCommand.MAX_INDENT + 1) + "] s" + (GraphCommand.MAX_INDENT + 1) + " (cmd)");
        assertThat(lines[STEPS - 1]).isEqualTo(deepest + "[depth 99999] s99999 (cmd)");
    }

    @Test
    void mermaidAndDotListEveryEdge() {
        assertThat(GraphCommand.render(task, "mermaid")).endsWith("  s_s99998 --> s_s99999\n");
        assertThat(GraphCommand.render(task, "dot")).endsWith("  \"s99998\" -> \"s99999\";\n}\n");
    }

    @Test
    void dryRunDescribesEveryStep() {
        Cli.Result r = Cli.run("exec", "-f", file, "--dry-run");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("[depth 99999] s99999 (cmd)\n")
                .contains("step s99999 (after s99998):\n  image: mcr.microsoft.com/acr/bash:42e38da\n  command: echo 99999\n");
    }
}
