package io.multistep.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.spec.render.RenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loader with the templating layer in front: positions, aliases, two-pass secrets. */
class TemplatedLoadingTest {

    private static TaskFiles.LoaderBuilder withValues(Map<String, Object> values) {
        return TaskFiles.loader().renderContext(RenderContext.builder().values(values).registry("reg.azurecr.io").build());
    }

    @Test
    void valuesAndRunVariablesAreRenderedBeforeParsing() {
        Task t = withValues(Map.of("t", "42")).build().load(
                "stepTimeout: {{.Values.t}}\nsteps:\n  - build: -t {{.Run.Registry}}/app:v1 .\n", "acb.yaml").orThrow();
        assertThat(t.stepTimeout()).isEqualTo(42);
        assertThat(((BuildStep) t.steps().get(0)).tags()).containsExactly("reg.azurecr.io/app:v1");
    }

    @Test
    void aProblemInRenderedTextPointsAtTheAuthoredActionAndKeepsTheRenderedLine() {
        LoadResult r = withValues(Map.of("t", "soon")).build().load(
                "# comment\nsteps:\n  - cmd: x\n    timeout: {{.Values.t}}\n", "acb.yaml");
        assertThat(r.errors()).singleElement().satisfies(p -> {
            // inside the {{.Values.t}} action (columns 14-27) that produced the bad value
            assertThat(p.location().line()).isEqualTo(4);
            assertThat(p.location().column()).isBetween(14, 27);
            assertThat(p.renderedLine()).isEqualTo("    timeout: soon");
            assertThat(p.message()).startsWith("cannot unmarshal !!str `soon` into int");
        });
    }

    @Test
    void aProblemOnAnUnchangedLineHasNoRenderedLine() {
        LoadResult r = TaskFiles.loader().build().load("# c\nsteps:\n  - cmd: x\n    retries: -1\n", "acb.yaml");
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(new SourceLocation("acb.yaml", 4, 14));
            assertThat(p.renderedLine()).isNull();
        });
    }

    @Test
    void templateSyntaxErrorsAreProblems() {
        LoadResult r = TaskFiles.loader().build().load("steps:\n  - cmd: {{.Values.x\n", "acb.yaml");
        assertThat(r.task()).isNull();
        assertThat(r.errors()).singleElement().extracting(Problem::message).asString()
                .startsWith("unable to render task: error while rendering templates: failed to parse template");
    }

    @Test
    void versionOneOneExpandsImageAliasesInCmd() {
        Task t = TaskFiles.parse("version: v1.1.0\nsteps:\n  - cmd: bash echo hi\n  - cmd: bash:latest echo\n", "acb.yaml");
        assertThat(((CmdStep) t.steps().get(0)).cmd()).startsWith("mcr.microsoft.com/acr/bash:").endsWith(" echo hi");
        assertThat(((CmdStep) t.steps().get(1)).cmd()).isEqualTo("bash:latest echo");
    }

    @Test
    void versionOneZeroDoesNotExpandAliases() {
        Task t = TaskFiles.parse("version: v1.0.0\nsteps:\n  - cmd: bash echo hi\n", "acb.yaml");
        assertThat(((CmdStep) t.steps().get(0)).cmd()).isEqualTo("bash echo hi");
    }

    @Test
    void inlineAliasesAreRemovedBeforeParsingAndNotWarnedAbout() {
        LoadResult r = TaskFiles.loader().build().load(
                "version: v1.1.0\nalias:\n  values:\n    hello: docker.io/library/hello-world\nsteps:\n  - cmd: hello\n", "acb.yaml");
        assertThat(r.problems()).isEmpty();
        assertThat(((CmdStep) r.task().steps().get(0)).cmd()).isEqualTo("docker.io/library/hello-world");
    }

    @Test
    void secretsAreResolvedBetweenTheTwoPasses() {
        List<List<Secret>> calls = new ArrayList<>();
        Task t = TaskFiles.loader().secrets(defs -> {
            calls.add(defs);
            return Map.of("pw", "s3cret");
        }).build().load("secrets:\n  - id: pw\n    keyvault: https://v.vault.azure.net/secrets/pw\n"
                + "steps:\n  - cmd: bash echo {{.Secrets.pw}}\n", "acb.yaml").orThrow();
        assertThat(calls).singleElement().satisfies(defs -> assertThat(defs).extracting(Secret::id).containsExactly("pw"));
        assertThat(((CmdStep) t.steps().get(0)).cmd()).isEqualTo("bash echo s3cret");
    }

    @Test
    void invalidSecretDefinitionsAreReportedOnceAndNothingIsResolved() {
        List<String> calls = new ArrayList<>();
        LoadResult r = TaskFiles.loader().secrets(defs -> {
            calls.add("called");
            return Map.of();
        }).build().load("secrets:\n  - id: a b\n    keyvault: k\nsteps:\n  - cmd: x\n    retries: -1\n", "acb.yaml");
        assertThat(calls).isEmpty();
        // errors.md R-6: the reference stops after the first pass with the task-level error, wrapped;
        // we also report the first-pass text's other problems, after it
        assertThat(r.errors()).extracting(Problem::message).containsExactly(
                "failed to resolve secrets in the task with error: failed to parse template to create task: "
                        + "failed to validate secret with ID: a b: secret ID cannot contain spaces (found \"a b\")",
                "step must specify retries >= 0 (found -1)");
    }

    @Test
    void aFailingSecretResolverIsAProblem() {
        LoadResult r = TaskFiles.loader().secrets(defs -> {
            throw new IllegalStateException("timeout in fetching secrets. please check permissions are valid");
        }).build().load("secrets:\n  - id: pw\n    keyvault: k\nsteps:\n  - cmd: x\n", "acb.yaml");
        assertThat(r.errors()).singleElement().hasToString("acb.yaml:2:5: error: failed to resolve secrets in the task with "
                + "error: timeout in fetching secrets. please check permissions are valid");
    }

    @Test
    void renderReturnsTheRenderedTextOnly() {
        String out = TaskFiles.render("# gone\nsteps:\n  - cmd: {{.Values.img}}\n", "acb.yaml",
                RenderContext.builder().values(Map.of("img", "alpine")).build(), SecretValues.NONE);
        assertThat(out).isEqualTo("steps:\n  - cmd: alpine\n");
        assertThatThrownBy(() -> TaskFiles.render("{{", "acb.yaml", RenderContext.builder().build(), SecretValues.NONE))
                .isInstanceOf(TaskFileException.class);
    }

    @Test
    void templatingCanBeTurnedOff() {
        Task t = TaskFiles.loader().templating(false).build().load("steps:\n  - cmd: echo {{not a template}}\n", "acb.yaml").orThrow();
        assertThat(((CmdStep) t.steps().get(0)).cmd()).isEqualTo("echo {{not a template}}");
    }
}
