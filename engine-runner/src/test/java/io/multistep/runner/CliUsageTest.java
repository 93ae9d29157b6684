package io.multistep.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, version and usage errors: usage errors exit with 2, help and version with 0. */
class CliUsageTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"exec", "render", "validate", "graph", "prune"})
    void everyCommandHasHelp(String command) {
        for (String flag : new String[] {"--help", "-h"}) {
            Cli.Result r = Cli.run(command, flag);
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.out()).startsWith("Usage: multistep " + command);
            assertThat(r.err()).isEmpty();
        }
        Cli.Result viaHelp = Cli.run("help", command);
        assertThat(viaHelp.exit()).isZero();
        assertThat(viaHelp.out()).startsWith("Usage: multistep " + command);
    }

    @Test
    void topLevelHelpListsTheCommands() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: multistep").contains("exec", "render", "validate", "graph", "prune");
    }

    @Test
    void execHelpDocumentsTheReferenceFlags() {
        String help = Cli.run("exec", "--help").out();
        assertThat(help).contains("--file", "--encoded-file", "--values", "--encoded-values", "--set", "--id",
                "--commit", "--registry", "--working-directory", "--network", "--env", "--credential", "--dry-run",
                "--secret", "--report", "--junit", "--output");
    }

    @Test
    void version() {
        for (String flag : new String[] {"--version", "-V"}) {
            Cli.Result r = Cli.run(flag);
            assertThat(r.exit()).isZero();
            assertThat(r.out()).matches("multistep \\S.*\n");
        }
        assertThat(Cli.run("validate", "--version").exit()).isZero();
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = Cli.run();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: a command is required\nUsage: multistep");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.Result r = Cli.run("nosuch");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("'nosuch'").contains("Try 'multistep --help'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"exec", "render", "validate", "graph", "prune"})
    void unknownOptionIsAUsageError(String command) {
        Cli.Result r = Cli.run(command, "--bogus");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: Unknown option: '--bogus'\nTry 'multistep " + command
                + " --help' for more information.\n");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertThat(Cli.run("exec", "--max-parallel", "many").exit()).isEqualTo(2);
        assertThat(Cli.run("exec", "--total-timeout=soon").exit()).isEqualTo(2);
        assertThat(Cli.run("prune", "--older-than", "x").exit()).isEqualTo(2);
        Cli.Result missing = Cli.run("render", "-f");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required parameter for option '--file'");
    }

    @Test
    void execRejectsAnUnknownOutputFormatAndAMissingContext() {
        String task = Cli.write(dir, "t.yaml", "version: v1.1.0\nsteps:\n  - cmd: bash echo hi\n");
        Cli.Result output = Cli.run("exec", "-f", task, "--output", "xml");
        assertThat(output.exit()).isEqualTo(2);
        assertThat(output.err()).isEqualTo("error: --output must be text or json, found 'xml'\n");
        Cli.Result context = Cli.run("exec", "-f", task, "--dry-run", dir.resolve("missing").toString());
        assertThat(context.exit()).isEqualTo(2);
        assertThat(context.err()).contains("is not a folder");
    }

    @Test
    void flagEqualsValueAndSeparateValueFormsAgree() {
        String task = Cli.write(dir, "t.yaml", "version: v1.1.0\nsteps:\n  - cmd: bash echo {{.Run.ID}} {{.Values.a}}\n");
        Cli.Result spaced = Cli.run("render", "-f", task, "--id", "x1", "--set", "a=b");
        Cli.Result equals = Cli.run("render", "--file=" + task, "--id=x1", "--set=a=b");
        Cli.Result shortAttached = Cli.run("render", "-f" + task, "--id=x1", "--set", "a=b");
        assertThat(spaced.exit()).isZero();
        assertThat(spaced.out()).isEqualTo("version: v1.1.0\nsteps:\n  - cmd: bash echo x1 b\n");
        assertThat(equals.out()).isEqualTo(spaced.out());
        assertThat(shortAttached.out()).isEqualTo(spaced.out());
    }
}
