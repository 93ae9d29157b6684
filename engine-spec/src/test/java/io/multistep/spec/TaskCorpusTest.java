package io.multistep.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus under {@code src/test/resources/tasks}: every {@code valid/*.yaml} loads (its warnings,
 * if any, are listed in a sidecar {@code .expected}); every {@code invalid/*.yaml} fails with exactly
 * the problems of its sidecar, one {@code LINE:COLUMN: severity: message} per line.
 */
class TaskCorpusTest {

    static Stream<Path> valid() throws IOException, URISyntaxException {
        return files("valid");
    }

    static Stream<Path> invalid() throws IOException, URISyntaxException {
        return files("invalid");
    }

    private static Stream<Path> files(String dir) throws IOException, URISyntaxException {
        Path root = Path.of(TaskCorpusTest.class.getResource("/tasks/" + dir).toURI());
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static List<String> actual(LoadResult r) {
        return r.problems().stream().map(p -> {
            String s = p.toString();
            return s.substring(s.indexOf(':') + 1); // drop the file name
        }).toList();
    }

    private static List<String> expected(Path yaml) throws IOException {
        Path sidecar = yaml.resolveSibling(yaml.getFileName().toString().replace(".yaml", ".expected"));
        return Files.exists(sidecar) ? Files.readAllLines(sidecar).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validFilesLoad(Path file) throws IOException {
        LoadResult r = TaskFiles.loader().build().load(file);
        assertThat(r.errors()).as(file.getFileName().toString()).isEmpty();
        assertThat(r.task()).isNotNull();
        assertThat(actual(r)).containsExactlyElementsOf(expected(file));
        StepGraph g = StepGraph.of(r.task());
        assertThat(g.topologicalOrder()).hasSameSizeAs(r.task().steps());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidFilesReportExactlyTheExpectedProblems(Path file) throws IOException {
        LoadResult r = TaskFiles.loader().build().load(file);
        assertThat(r.task()).as(file.getFileName().toString()).isNull();
        List<String> expected = expected(file);
        assertThat(expected).as("sidecar of " + file.getFileName()).isNotEmpty();
        assertThat(actual(r)).containsExactlyElementsOf(expected);
    }
}
