package io.multistep.spec.conformance;

import static io.multistep.spec.conformance.Conf.ctx;
import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.spec.LoadResult;
import io.multistep.spec.Problem;
import io.multistep.spec.Secret;
import io.multistep.spec.TaskFiles;
import io.multistep.spec.render.SecretsLookup;
import io.multistep.spec.render.TaskRenderer;
import io.multistep.gotemplate.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** templating.md §4 and errors.md R-6: the two render passes of a text that mentions "secrets". */
class SecretsConformanceTest {

    private static LoadResult load(String text, List<List<Secret>> calls) {
        return TaskFiles.loader().renderContext(ctx().values(Map.of("vault", "myvault")).build()).secrets(defs -> {
            calls.add(defs);
            Map<String, String> m = new java.util.LinkedHashMap<>();
            defs.forEach(d -> m.put(d.id(), "value-of-" + d.id()));
            return m;
        }).build().load(text, "acb.yaml");
    }

    @Test
    void secretDefinitionsMayUseValuesAndTheSecondPassSeesTheResolvedValues() {
        List<List<Secret>> calls = new ArrayList<>();
        LoadResult r = load("secrets:\n  - id: pw\n    keyvault: https://{{.Values.vault}}.vault.azure.net/secrets/pw\n"
                + "steps:\n  - cmd: echo {{.Secrets.pw}}\n", calls);
        assertThat(r.errors()).isEmpty();
        assertThat(calls).singleElement().satisfies(d -> assertThat(d.get(0).keyvault())
                .isEqualTo("https://myvault.vault.azure.net/secrets/pw"));
        assertThat(Conf.cmd(r.task(), 0)).isEqualTo("echo value-of-pw");
    }

    @Test
    void firstPassTaskLevelErrorsStopTheLoadWrappedAsR6() {
        List<List<Secret>> calls = new ArrayList<>();
        LoadResult r = load("secrets:\n  - id: a b\n    keyvault: k\nsteps:\n  - cmd: x\n    retries: -1\n", calls);
        assertThat(calls).isEmpty();
        // The reference's own (wrapped) error first; our extra: the first-pass text's other problems.
        assertThat(r.errors().get(0).message()).startsWith(
                "failed to resolve secrets in the task with error: failed to parse template to create task: "
                        + "failed to validate secret with ID: a b: secret ID cannot contain spaces");
        assertThat(r.errors()).extracting(Problem::message).contains("step must specify retries >= 0 (found -1)");
        LoadResult v = load("secrets: []\nvolumes:\n  - name: \"\"\nsteps:\n  - cmd: x\n", calls);
        assertThat(v.errors().get(0).message()).startsWith(
                "failed to resolve secrets in the task with error: failed to parse template to create task: volume name is empty");
        LoadResult m = load("secrets: []\nsteps:\n  - cmd: x\n    volumeMounts:\n      - name: nope\n        mountPath: /x\n", calls);
        assertThat(m.errors().get(0).message()).startsWith(
                "failed to resolve secrets in the task with error: failed to parse template to create task: mount name, nope, does not correspond to a volume");
    }

    @Test
    void stepLevelErrorsAreNotPartOfTheFirstPass() {
        List<List<Secret>> calls = new ArrayList<>();
        LoadResult r = load("secrets:\n  - id: a\n    keyvault: k\nsteps:\n  - cmd: x\n    retries: -1\n", calls);
        assertThat(calls).hasSize(1);
        assertThat(r.errors()).extracting(Problem::message).singleElement().asString().startsWith("step must specify retries >= 0");
    }

    @Test
    void withoutTheWordSecretsThereIsNoFirstPass() {
        List<List<Secret>> calls = new ArrayList<>();
        LoadResult r = load("volumes:\n  - name: \"\"\nsteps:\n  - cmd: x\n", calls);
        assertThat(r.errors().get(0).message()).startsWith("volume name is empty");
    }

    @Test
    void renderFailuresOfATextMentioningSecretsSurfaceInTheFirstPass() {
        TaskRenderer r = new TaskRenderer(ctx().build());
        try {
            r.renderOnly("# secrets\nsecrets: []\nx: {{ fail \"boom\" }}\n", "acb.yaml", SecretsLookup.NONE);
            throw new AssertionError("no error");
        } catch (TemplateException e) {
            assertThat(e.referenceMessage()).startsWith("unable to render task: failed to resolve secrets in the task with "
                    + "error: failed to render the template: failed to execute template: acb.yaml. Err: template: acb.yaml:");
        }
        try {
            r.renderOnly("secrets: []\nx: {{ \n", "acb.yaml", SecretsLookup.NONE);
            throw new AssertionError("no error");
        } catch (TemplateException e) {
            assertThat(e.goMessage()).startsWith("failed to resolve secrets in the task with "
                    + "error: failed to render the template: failed to parse template: acb.yaml. Err: template: acb.yaml:");
        }
        try {
            r.renderOnly("{{/* secrets */}}", "acb.yaml", SecretsLookup.NONE);
            throw new AssertionError("no error");
        } catch (TemplateException e) {
            assertThat(e.goMessage()).isEqualTo("failed to resolve secrets in the task with error: rendered template was empty");
        }
    }

    @Test
    void resolverFailureIsWrapped() {
        LoadResult r = TaskFiles.loader().renderContext(ctx().build()).secrets(defs -> {
            throw new IllegalStateException("timeout in fetching secrets. please check permissions are valid");
        }).build().load("secrets:\n  - id: pw\n    keyvault: k\nsteps:\n  - cmd: x\n", "acb.yaml");
        assertThat(r.errors().get(0).message()).isEqualTo(
                "failed to resolve secrets in the task with error: timeout in fetching secrets. please check permissions are valid");
    }
}
