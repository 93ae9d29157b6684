package io.multistep.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Small helpers shared by the spec tests. */
final class Fixtures {

    private Fixtures() {}

    /** Loads with default settings. */
    static LoadResult load(String yaml) {
        return TaskFiles.loader().build().load(yaml, "acb.yaml");
    }

    /** Loads and expects success without warnings. */
    static Task ok(String yaml) {
        LoadResult r = load(yaml);
        assertThat(r.problems()).as("problems").isEmpty();
        assertThat(r.task()).isNotNull();
        return r.task();
    }

    /** Loads and returns the messages of all errors. */
    static List<String> errors(String yaml) {
        LoadResult r = load(yaml);
        assertThat(r.task()).as("task of a file with errors").isNull();
        return r.errors().stream().map(Problem::message).toList();
    }

    /** The only error of a file. */
    static Problem onlyError(String yaml) {
        LoadResult r = load(yaml);
        assertThat(r.errors()).as("errors of:\n" + yaml).hasSize(1);
        assertThat(r.task()).isNull();
        return r.errors().get(0);
    }

    /** The messages of all warnings of a file that loads. */
    static List<String> warnings(String yaml) {
        LoadResult r = load(yaml);
        assertThat(r.errors()).as("errors").isEmpty();
        return r.warnings().stream().map(Problem::message).toList();
    }

    /** A task's first step. */
    static Step first(Task t) {
        return t.steps().get(0);
    }
}
