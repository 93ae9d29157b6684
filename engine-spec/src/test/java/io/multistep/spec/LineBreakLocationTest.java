package io.multistep.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * YAML (SnakeYAML, and yaml.v2 for the reference's "line N" in messages) also breaks lines at a
 * lone {@code \r}; locations count lines as editors and compilers do, at {@code \n}, so they stay
 * inside the file (found by TaskFilesFuzzTest).
 */
class LineBreakLocationTest {

    private static final String TEXT = "a: b\r\rc: d: e\n";

    @Test
    void aYamlErrorAfterLoneCarriageReturnsIsLocatedOnItsNewlineLine() {
        for (TaskFiles.Loader loader : new TaskFiles.Loader[] {TaskFiles.loader().build(),
            TaskFiles.loader().templating(false).build()}) {
            LoadResult r = loader.load(TEXT, "cr.yaml");
            assertThat(r.errors()).singleElement().satisfies(p -> {
                // yaml.v2's own words count the carriage returns, as the reference prints them
                assertThat(p.message()).isEqualTo("yaml: line 3: mapping values are not allowed in this context");
                assertThat(p.location()).isEqualTo(new SourceLocation("cr.yaml", 1, 11));
            });
        }
    }

    @Test
    void aValidationProblemAfterLoneCarriageReturnsIsLocatedOnItsNewlineLine() {
        LoadResult r = TaskFiles.loader().build().load("steps:\r  - cmd: x\r    retries: -1\n", "cr.yaml");
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("step must specify retries >= 0");
            assertThat(p.location()).isEqualTo(new SourceLocation("cr.yaml", 1, 32));
        });
    }
}
