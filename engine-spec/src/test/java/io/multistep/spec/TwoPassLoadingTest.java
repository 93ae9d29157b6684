package io.multistep.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.spec.render.RenderContext;
import io.multistep.spec.render.TaskRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two render passes of a file that uses secrets, in the order the loader runs them: first pass,
 * parse, resolve, second pass, parse (templating.md §4). The renderer stops between the passes
 * instead of calling back into the loader.
 */
class TwoPassLoadingTest {

    private static final String WITH_SECRETS = "secrets:\n  - id: pw\n    keyvault: https://v.vault.azure.net/secrets/pw\n"
            + "steps:\n  - cmd: bash echo {{.Secrets.pw}}\n";

    @Test
    void aFileThatUsesSecretsStopsAfterItsFirstPassAndItsSecondPassSeesTheValues() throws Exception {
        TaskRenderer.Rendering rendering = new TaskRenderer(RenderContext.builder().build()).start(WITH_SECRETS, "acb.yaml");

        TaskRenderer.Rendering.Next first = rendering.next();
        assertThat(first).isInstanceOf(TaskRenderer.Rendering.SecretsNeeded.class);
        assertThat(((TaskRenderer.Rendering.SecretsNeeded) first).firstPassText())
                .contains("keyvault: https://v.vault.azure.net/secrets/pw").doesNotContain("s3cret");

        rendering.provide(Map.of("pw", "s3cret"));
        TaskRenderer.Rendering.Next done = rendering.next();
        assertThat(done).isInstanceOf(TaskRenderer.Rendering.Done.class);
        assertThat(((TaskRenderer.Rendering.Done) done).task().text()).contains("cmd: bash echo s3cret");
    }

    @Test
    void aFileWithoutSecretsRendersOnceAndResolvesNothing() throws Exception {
        String text = "steps:\n  - cmd: bash echo {{.Run.ID}}\n";
        TaskRenderer.Rendering rendering = new TaskRenderer(RenderContext.builder().id("r1").build()).start(text, "acb.yaml");
        assertThat(rendering.next()).isInstanceOf(TaskRenderer.Rendering.Done.class);

        List<List<Secret>> calls = new ArrayList<>();
        Task t = TaskFiles.loader().secrets(defs -> {
            calls.add(defs);
            return Map.of();
        }).build().load(text, "acb.yaml").orThrow();
        assertThat(calls).isEmpty();
        assertThat(t.steps()).hasSize(1);
    }

    @Test
    void theLoaderResolvesTheDefinitionsOfTheFirstPassOnce() {
        List<List<Secret>> calls = new ArrayList<>();
        Task t = TaskFiles.loader().secrets(defs -> {
            calls.add(defs);
            return Map.of("pw", "s3cret");
        }).build().load(WITH_SECRETS, "acb.yaml").orThrow();
        assertThat(calls).singleElement().satisfies(defs -> assertThat(defs).singleElement()
                .satisfies(d -> assertThat(d.location().line()).isEqualTo(2)));
        assertThat(((CmdStep) t.steps().get(0)).cmd()).isEqualTo("bash echo s3cret");
    }

    @Test
    void aFirstPassErrorKeepsItsLocationAndNothingIsResolved() {
        List<List<Secret>> calls = new ArrayList<>();
        LoadResult r = TaskFiles.loader().secrets(defs -> {
            calls.add(defs);
            return Map.of();
        }).build().load("secrets: []\nsteps:\n  - cmd: x {{ fail \"boom\" }}\n", "acb.yaml");
        assertThat(calls).isEmpty();
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(3);
            assertThat(p.message()).isEqualTo("unable to render task: failed to resolve secrets in the task with error: "
                    + "failed to render the template: failed to execute template: acb.yaml. Err: template: acb.yaml:3:14: "
                    + "executing \"acb.yaml\" at <fail \"boom\">: error calling fail: boom");
        });
    }

    @Test
    void secretValuesAreOnlyTakenWhenAFirstPassWaitsForThem() throws Exception {
        TaskRenderer.Rendering rendering = new TaskRenderer(RenderContext.builder().build())
                .start("steps:\n  - cmd: x\n", "acb.yaml");
        assertThatThrownBy(() -> rendering.provide(Map.of())).isInstanceOf(IllegalStateException.class);
        rendering.next();
        assertThatThrownBy(() -> rendering.provide(Map.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aV110FileStopsOnceForEachDocumentThatUsesSecretsAliasBlockFirst() throws Exception {
        String text = "version: v1.1.0\nalias:\n  values:\n    img: \"{{.Secrets.img}}\" # secrets\n"
                + "secrets:\n  - id: pw\n    keyvault: k\nsteps:\n  - cmd: $img {{.Secrets.pw}}\n";
        TaskRenderer.Rendering rendering = new TaskRenderer(RenderContext.builder().build()).start(text, "acb.yaml");

        TaskRenderer.Rendering.Next aliasBlock = rendering.next();
        assertThat(((TaskRenderer.Rendering.SecretsNeeded) aliasBlock).firstPassText()).contains("img: \"\"")
                .doesNotContain("steps:");
        rendering.provide(Map.of("img", "alpine"));

        TaskRenderer.Rendering.Next body = rendering.next();
        assertThat(((TaskRenderer.Rendering.SecretsNeeded) body).firstPassText()).contains("cmd: alpine ");
        rendering.provide(Map.of("pw", "s3cret"));

        TaskRenderer.Rendering.Next done = rendering.next();
        assertThat(((TaskRenderer.Rendering.Done) done).task().text()).contains("cmd: alpine s3cret");
        assertThat(rendering.next()).isSameAs(done);
    }
}
