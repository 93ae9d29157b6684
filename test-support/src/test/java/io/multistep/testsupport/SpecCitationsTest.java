package io.multistep.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every citation of the rulebook in the repository names a section or entry of {@code docs/spec/}. */
class SpecCitationsTest {

    // Spelt in pieces so that this file does not cite the rulebook itself.
    private static final String SECTION = "§";
    private static final String SHARED = ".." + "/shared";

    /** The repository root: the folder above this module that holds {@code docs/spec}. */
    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs").resolve("spec"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a folder above %s with docs/spec", Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    @Test
    void everyCitationInTheRepositoryResolvesInDocsSpec() {
        assertThat(new SpecCitations(repository()).problems()).isEmpty();
    }

    @Test
    void theRulebookHasEveryFileTheCodeCites() {
        for (String file : SpecCitations.FILES) {
            assertThat(repository().resolve("docs/spec").resolve(file)).isRegularFile();
        }
        assertThat(repository().resolve("docs/spec/README.md")).isRegularFile();
    }

    @Test
    void aMadeUpSectionOrErrorIdIsReportedWithItsPlace(@TempDir Path tree) throws IOException {
        Path spec = Files.createDirectories(tree.resolve("docs/spec"));
        write(spec.resolve("execution.md"), "# Execution\n\n## 4. Build\n\n### 4.3 Scan\n");
        write(spec.resolve("errors.md"), "# Errors\n\n| Id | Message |\n|---|---|\n| X-1 | boom |\n| T-11 (M-5) | m |\n");
        write(spec.resolve("task-format.md"), "# Format\n\n## 8. Graph\n");
        write(spec.resolve("templating.md"), "# Templates\n");
        Path code = Files.createDirectories(tree.resolve("mod/src/main/java"));
        write(code.resolve("Fine.java"), "/** execution.md " + SECTION + "4.3, " + SECTION + "4 and errors.md X-1, M-5. */\n"
                + "// then " + SECTION + "4.3 again, and P-" + "256 is a curve\n");
        write(code.resolve("Bad.java"), "class Bad {\n  // execution.md " + SECTION + "4.4 and errors.md X-" + "99\n"
                + "  // task-format.md " + SECTION + "8, " + SECTION + "9; then a bare " + SECTION + "7\n"
                + "  // a bare id: V-" + "42\n}\n");
        write(tree.resolve("README.md"), "See [the design](" + SHARED + "/design.md) and [up](../../x.md).\n");

        assertThat(new SpecCitations(tree).problems()).containsExactly(
                "README.md:1: points outside the repository (" + SHARED + ")",
                "README.md:1: links outside the repository: " + SHARED + "/design.md",
                "README.md:1: links outside the repository: ../../x.md",
                "mod/src/main/java/Bad.java:2: execution.md " + SECTION + "4.4 is not a section of docs/spec/execution.md",
                "mod/src/main/java/Bad.java:2: errors.md X-" + "99 is not an entry of docs/spec/errors.md",
                "mod/src/main/java/Bad.java:3: task-format.md " + SECTION + "9 is not a section of docs/spec/task-format.md",
                "mod/src/main/java/Bad.java:3: task-format.md " + SECTION + "7 is not a section of docs/spec/task-format.md",
                "mod/src/main/java/Bad.java:4: errors.md V-" + "42 is not an entry of docs/spec/errors.md");
    }

    @Test
    void aMissingRulebookFileFailsEveryCitationOfIt(@TempDir Path tree) throws IOException {
        write(Files.createDirectories(tree.resolve("docs")).resolve("notes.md"), "As templating.md " + SECTION + "2 says.\n");
        assertThat(new SpecCitations(tree).problems())
                .containsExactly("docs/notes.md:1: templating.md " + SECTION + "2 is not a section of docs/spec/templating.md");
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
