package io.multistep.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --template-extras}: without it the function set is the reference's (Sprig v2.22), and a file
 * using one of Multistep's extra functions fails as in the reference, with a hint; with it, it renders.
 */
class TemplateExtrasTest {

    private static final String TASK = "version: v1.0.0\nsteps:\n  - cmd: bash echo {{ seq 3 | toString }}\n";

    @TempDir
    Path dir;

    @Test
    void renderWithoutTheOptionFailsLikeTheReferenceAndNamesTheOption() {
        String task = Cli.write(dir, "t.yaml", TASK);
        Cli.Result r = Cli.run("render", "-f", task);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("template: " + task + ":3: function \"seq\" not defined")
                .contains("--template-extras");
    }

    @Test
    void renderWithTheOptionDefinesTheExtras() {
        String task = Cli.write(dir, "t.yaml", TASK);
        Cli.Result r = Cli.run("render", "--template-extras", "-f", task);
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("bash echo 1 2 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "graph", "exec"})
    void everyCommandThatRendersTakesTheOption(String command) {
        String task = Cli.write(dir, "t.yaml", TASK);
        Cli.Result without = command.equals("exec") ? Cli.run(command, "--dry-run", "-f", task)
                : Cli.run(command, "-f", task);
        assertThat(without.exit()).isNotZero();
        assertThat(without.out() + without.err()).contains("function \"seq\" not defined").contains("--template-extras");
        Cli.Result with = command.equals("exec") ? Cli.run(command, "--dry-run", "--template-extras", "-f", task)
                : Cli.run(command, "--template-extras", "-f", task);
        assertThat(with.out() + with.err()).doesNotContain("not defined");
        assertThat(with.exit()).isZero();
    }
}
