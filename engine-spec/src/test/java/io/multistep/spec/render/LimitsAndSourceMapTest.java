package io.multistep.spec.render;

import io.multistep.gotemplate.TemplateException;
import io.multistep.gotemplate.TemplateLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.spec.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends in a clear error quickly; source positions map back to the authored file. */
class LimitsAndSourceMapTest {

    private final RenderContext ctx = RenderContext.builder().id("run1").registry("reg.azurecr.io")
            .date(Instant.parse("2024-03-05T07:08:09Z")).architecture("amd64").build();

    private RenderedTask render(String text) throws TemplateException {
        return new TaskRenderer(ctx).render(text, "acb.yaml", SecretsLookup.NONE);
    }

    @Test
    @Timeout(10)
    void unterminatedActionIsAParseErrorWithLocation() {
        assertThatThrownBy(() -> render("steps:\n  - cmd: {{ .Values.x\n"))
                .isInstanceOf(TemplateException.class)
                .satisfies(e -> {
                    TemplateException te = (TemplateException) e;
                    assertThat(te.goMessage()).contains("unclosed action");
                    assertThat(te.location().line()).isEqualTo(2);
                });
    }

    @Test
    @Timeout(10)
    void runawayTemplateRecursionStopsAtTheDepthLimit() {
        assertThatThrownBy(() -> render("{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("exceeded maximum template depth (1000)");
    }

    @Test
    @Timeout(10)
    void hugeUntilIsRejected() {
        assertThatThrownBy(() -> render("{{range until 100000000}}x{{end}}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    @Timeout(10)
    void hugeRepeatIsRejected() {
        assertThatThrownBy(() -> render("{{repeat 100000000 \"xxxxxxxxxx\"}}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    @Timeout(10)
    void outputLimitStopsExplosiveNesting() {
        RenderContext small = RenderContext.builder().limits(new TemplateLimits(1000, 1000, 10_000, 10_000_000, 1000))
                .build();
        assertThatThrownBy(() -> new TaskRenderer(small).render(
                "{{range until 1000}}{{range until 1000}}xxxxxxxxxx{{end}}{{end}}", "a", SecretsLookup.NONE))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("exceeds the limit of 10000 characters");
    }

    @Test
    @Timeout(10)
    void rangeIterationLimitIsEnforced() {
        RenderContext small = RenderContext.builder().limits(new TemplateLimits(1000, 1000, 1 << 30, 500, 1000))
                .build();
        assertThatThrownBy(() -> new TaskRenderer(small).render("{{range until 1000}}{{end}}x", "a",
                SecretsLookup.NONE))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("range iterations exceed the limit");
    }

    @Test
    @Timeout(10)
    void deepParenNestingIsAClearError() {
        String text = "{{" + "(".repeat(5000) + "1" + ")".repeat(5000) + "}}";
        assertThatThrownBy(() -> render(text))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("exceeded maximum nesting depth");
    }

    @Test
    @Timeout(10)
    void deepIfNestingIsAClearError() {
        String text = "{{if true}}".repeat(3000) + "x" + "{{end}}".repeat(3000);
        assertThatThrownBy(() -> render(text))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("exceeded maximum nesting depth");
    }

    @Test
    void nestingWithinTheLimitWorks() throws Exception {
        String text = "{{if true}}".repeat(200) + "x" + "{{end}}".repeat(200);
        assertThat(render(text).text()).isEqualTo("x");
    }

    @Test
    void sourceMapSkipsCommentLinesAndPointsActionsAtTheirStart() throws Exception {
        String authored = "# header\nsteps:\n# c\n  - cmd: echo {{.Run.ID}} done\n";
        RenderedTask t = render(authored);
        assertThat(t.text()).isEqualTo("steps:\n  - cmd: echo run1 done\n");
        assertThat(t.sourceMap().locate(1, 1)).isEqualTo(new SourceLocation("acb.yaml", 2, 1));
        assertThat(t.sourceMap().locate(2, 5)).isEqualTo(new SourceLocation("acb.yaml", 4, 5));
        // "run1" is the output of the action whose "{{" is at column 15 of line 4
        assertThat(t.sourceMap().locate(2, 17)).isEqualTo(new SourceLocation("acb.yaml", 4, 15));
        assertThat(t.sourceMap().locate(2, 15)).isEqualTo(new SourceLocation("acb.yaml", 4, 15));
        // text after the action maps to itself
        assertThat(t.sourceMap().locate(2, 22)).isEqualTo(new SourceLocation("acb.yaml", 4, 29));
    }

    @Test
    void sourceMapAccountsForTheAliasBlockAndAliasValues() throws Exception {
        String authored = "version: v1.1.0\nalias:\n  values:\n    img: hello\nsteps:\n  - cmd: $img now\n";
        RenderedTask t = render(authored);
        assertThat(t.text()).isEqualTo("version: v1.1.0\nsteps:\n  - cmd: hello now\n");
        assertThat(t.sourceMap().locate(2, 1)).isEqualTo(new SourceLocation("acb.yaml", 5, 1));
        assertThat(t.sourceMap().locate(3, 10)).isEqualTo(new SourceLocation("acb.yaml", 6, 10));
        assertThat(t.sourceMap().locate(3, 16)).isEqualTo(new SourceLocation("acb.yaml", 6, 15));
    }

    @Test
    void executionErrorsPointAtTheAuthoredLine() {
        String authored = "# comment\n# another\nsteps:\n  - cmd: {{ .Values.a.b }}\n";
        RenderContext c = RenderContext.builder().values(Map.of("a", 1L)).build();
        assertThatThrownBy(() -> new TaskRenderer(c).render(authored, "acb.yaml", SecretsLookup.NONE))
                .isInstanceOf(TemplateException.class)
                .satisfies(e -> {
                    TemplateException te = (TemplateException) e;
                    assertThat(te.location().line()).isEqualTo(4);
                    // Go reports the line in the comment-stripped text (2)
                    assertThat(te.goMessage()).contains("template: acb.yaml:2:");
                    assertThat(te.getMessage()).startsWith("acb.yaml:4:");
                    assertThat(te.referenceMessage()).startsWith("unable to render task: error while rendering");
                });
    }

    @Test
    void secretsLookupSeesFirstPassTextAndSecondPassUsesValues() throws Exception {
        String authored = "secrets:\n  - id: s\n    keyvault: {{.Values.kv}}\nsteps:\n  - cmd: echo {{.Secrets.s}}\n";
        RenderContext c = RenderContext.builder().values(Map.of("kv", "https://v.vault.azure.net/secrets/x")).build();
        String[] seen = new String[1];
        RenderedTask t = new TaskRenderer(c).render(authored, "acb.yaml", (text, map) -> {
            seen[0] = text;
            return Map.of("s", "value");
        });
        assertThat(seen[0]).contains("keyvault: https://v.vault.azure.net/secrets/x").contains("cmd: echo \n");
        assertThat(t.text()).endsWith("cmd: echo value\n");
    }

    @Test
    void valuesFileLoadingAndMerging(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("v.yaml");
        Files.writeString(f, "tag: v1\nflag: yes\nlist: [a, n]\nnested: {k: v}\n");
        Map<String, Object> v = Values.applySets(Values.load(f), List.of("tag=v2"));
        assertThat(v).containsEntry("tag", "v2").containsEntry("flag", true)
                .containsEntry("list", List.of("a", false)).containsEntry("nested", Map.of("k", "v"));
    }

    @Test
    void missingValuesFileIsC3() {
        assertThatThrownBy(() -> Values.load(Path.of("nofile.yaml")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("failed to load values file at path nofile.yaml");
    }

    @Test
    void invalidValuesYamlIsR4() {
        assertThatThrownBy(() -> Values.parse("a: [", "v.yaml"))
                .isInstanceOf(TemplateException.class)
                .satisfies(e -> assertThat(((TemplateException) e).goMessage())
                        .contains("failed to deserialize values"));
    }

    @Test
    void imageAliasesAreConfiguration() throws Exception {
        RenderContext c = RenderContext.builder().imageAliases(Map.of("bash", "example.com/bash:1")).build();
        RenderedTask t = new TaskRenderer(c).render("version: v1.1.0\nsteps:\n  - cmd: bash x\n", "a",
                SecretsLookup.NONE);
        assertThat(Aliases.expandCommandAlias("bash x", t.aliases())).isEqualTo("example.com/bash:1 x");
    }

    @Test
    void thousandStepFileRendersEveryStep() throws Exception {
        StringBuilder sb = new StringBuilder("version: v1.1.0\nalias:\n  values:\n    repo: team/web\nsteps:\n");
        for (int i = 0; i < 1000; i++) {
            sb.append("  # step ").append(i).append('\n');
            sb.append("  - id: s").append(i).append('\n');
            sb.append("    cmd: bash echo {{.Values.msg | default \"hi\" | upper}} $Registry/$repo:$ID ")
                    .append(i).append('\n');
            sb.append("    env: [\"A={{.Run.ID}}\", \"B={{ printf \"%03d\" ").append(i).append(" }}\"]\n");
        }
        TaskRenderer r = new TaskRenderer(ctx);
        String text = sb.toString();
        // Speed is TaskFileBenchmark's job (no timed assertions in tests); this checks the result.
        RenderedTask t = r.render(text, "acb.yaml", SecretsLookup.NONE);
        assertThat(t.text()).contains("cmd: bash echo HI reg.azurecr.io/team/web:run1 0\n")
                .contains("cmd: bash echo HI reg.azurecr.io/team/web:run1 999")
                .contains("B=007");
    }
}
