package io.multistep.spec.conformance;

import static io.multistep.spec.conformance.Conf.ctx;
import static io.multistep.spec.conformance.Conf.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.spec.render.RenderContext;
import io.multistep.spec.render.SecretsLookup;
import io.multistep.spec.render.TaskRenderer;
import io.multistep.gotemplate.TemplateException;
import io.multistep.spec.render.Values;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** templating.md §3: engine, data model, values/--set, JSON and shell quoting. */
class RenderingConformanceTest {

    private static String withValues(String tpl, String valuesYaml, String... sets) throws Exception {
        Map<String, Object> v = Values.applySets(valuesYaml == null ? Map.of() : Values.parse(valuesYaml, "values.yaml"),
                List.of(sets));
        return render(tpl, ctx().values(v).build());
    }

    private static String renderErr(String tpl, RenderContext c) {
        try {
            render(tpl, c);
        } catch (TemplateException e) {
            return e.goMessage();
        }
        throw new AssertionError("no error");
    }

    @Test
    void exampleT1() throws Exception {
        String tpl = "version: v1.0.0\nsteps:\n  - build: -t {{.Run.Registry}}/app:{{.Values.tag}} .\n"
                + "  - cmd: bash echo {{.Values.env}} {{.Values.replicas}} [{{.Values.nothere}}] {{.Values.nothere | default \"fallback\"}} {{index .Values \"a.b\"}}\n"
                + "  - cmd: bash echo {{.Run.RegistryName}} {{.Run.ID}} {{.Build.ID}} {{.Run.Commit | trunc 7}} {{ \"x y\" | quote }} {{ .Values.env | upper }} {{ \"s3cr3t\" | b64enc }}\n"
                + "  - cmd: bash echo {{.ValuesJSON}}\n";
        Map<String, Object> v = Values.applySets(Values.parse("tag: v1\nenv: prod\nreplicas: 3\n", "ex2-values.yaml"),
                List.of("tag=v2", "a.b=c"));
        String out = render(tpl, ctx().values(v).id("ca1").registry("contoso.azurecr.io").commit("0123456789abcdef").build());
        assertThat(out).isEqualTo("version: v1.0.0\nsteps:\n  - build: -t contoso.azurecr.io/app:v2 .\n"
                + "  - cmd: bash echo prod 3 [] fallback c\n"
                + "  - cmd: bash echo contoso ca1 ca1 0123456 \"x y\" PROD czNjcjN0\n"
                + "  - cmd: bash echo '{\"a.b\":\"c\",\"env\":\"prod\",\"replicas\":3,\"tag\":\"v2\"}'\n");
    }

    @Test
    void exampleT2RunJson() throws Exception {
        assertThat(render("{{.RunJSON}}", ctx().id("it's").build())).isEqualTo(
                "'{\"Architecture\":\"amd64\",\"Branch\":\"\",\"Commit\":\"\",\"Date\":\"20240305-070809z\",\"GitTag\":\"\","
                        + "\"ID\":\"it'\"'\"'s\",\"OS\":\"linux\",\"OSVersion\":\"\",\"Registry\":\"\",\"RegistryName\":\"\","
                        + "\"Repository\":\"\",\"SharedVolume\":\"\",\"TaskName\":\"\",\"TriggeredBy\":\"\"}'");
    }

    @Test
    void noValuesGiveQuotedEmptyObject() throws Exception {
        assertThat(render("{{.ValuesJSON}}")).isEqualTo("'{}'");
        assertThat(withValues("{{.ValuesJSON}}", null, "a=it's")).isEqualTo("'{\"a\":\"it'\"'\"'s\"}'");
    }

    @Test
    void valuesJsonIsGoEncodingJson() throws Exception {
        assertThat(withValues("{{.ValuesJSON}}", "h: \"<a&b>\"\nf: 1.5\nbig: 1e21\nn: 100000000000000000000.0\ni: 12\nneg: -3\n"
                + "b: yes\nl: [x, y, 2]\nnul: ~\nu: \"é\u2028\"\nz: 3.0\n"))
                .isEqualTo("'{\"b\":true,\"big\":1e+21,\"f\":1.5,\"h\":\"\\u003ca\\u0026b\\u003e\",\"i\":12,"
                        + "\"l\":[\"x\",true,2],\"n\":100000000000000000000,\"neg\":-3,\"nul\":null,"
                        + "\"u\":\"é\\u2028\",\"z\":3}'");
    }

    @Test
    void smallFloatsUseGoExponentFormat() throws Exception {
        assertThat(withValues("{{.ValuesJSON}}", "a: 0.000001\nb: 0.0000001\nc: 1e-7\n"))
                .isEqualTo("'{\"a\":0.000001,\"b\":1e-7,\"c\":1e-7}'");
    }

    @Test
    void missingKeysRenderEmptyAndNoValueTextIsDeletedEverywhere() throws Exception {
        assertThat(render("[{{.Values.missing}}] [{{.Nope}}] [<no value>] [{{ \"<no value>\" }}]"))
                .isEqualTo("[] [] [] []");
    }

    @Test
    void reachingThroughAScalarIsAnExecutionError() {
        String e = renderErr("{{.Values.a.b}}", ctx().values(Map.of("a", 1)).build());
        assertThat(e).startsWith("error while rendering templates: failed to execute template: acb.yaml. Err: template: acb.yaml:1:");
    }

    @Test
    void parseErrorsNameTheTemplate() {
        String e = renderErr("a: {{ .Values.x \n", ctx().build());
        assertThat(e).startsWith("error while rendering templates: failed to parse template: acb.yaml. Err: template: acb.yaml:");
    }

    @Test
    void emptyTemplateRules() throws Exception {
        assertThat(render("")).isEmpty();
        assertThat(render("  \n")).isEqualTo("  \n");
        assertThat(renderErr("{{ if false }}x{{ end }}", ctx().build())).isEqualTo("rendered template was empty");
        assertThat(renderErr("<no value>", ctx().build())).isEqualTo("rendered template was empty");
    }

    @Test
    void runVariables() throws Exception {
        RenderContext c = ctx().id("i").commit("c").repository("r").branch("b").gitTag("g").triggeredBy("t")
                .registry("contoso.azurecr.io").osVersion("ov").taskName("tn").sharedVolume("sv").build();
        assertThat(render("{{.Run.ID}}|{{.Run.Commit}}|{{.Run.Repository}}|{{.Run.Branch}}|{{.Run.GitTag}}|"
                + "{{.Run.TriggeredBy}}|{{.Run.Registry}}|{{.Run.RegistryName}}|{{.Run.Date}}|{{.Run.SharedVolume}}|"
                + "{{.Run.OS}}|{{.Run.OSVersion}}|{{.Run.Architecture}}|{{.Run.TaskName}}|{{.Build.ID}}|{{.Run.Nope}}|{{.Build.Nope}}", c))
                .isEqualTo("i|c|r|b|g|t|contoso.azurecr.io|contoso|20240305-070809z|sv|linux|ov|amd64|tn|i||");
        assertThat(render("{{.Run.RegistryName}}", ctx().registry("localhost").build())).isEqualTo("localhost");
        assertThat(render("[{{.Run.RegistryName}}]", ctx().registry(".x").build())).isEqualTo("[]");
    }

    @Test
    void setRules() throws Exception {
        assertThat(withValues("{{.Values.num}}", null, "num=x=y")).isEqualTo("x=y");
        assertThat(withValues("{{.Values.a}}", null, "a=1,b=2")).isEqualTo("1,b=2");
        assertThat(withValues("{{.Values.n | printf \"%T\"}}", null, "n=5")).isEqualTo("string");
        assertThat(withValues("{{.Values.n}}", null, "n=1", "n=2")).isEqualTo("2");
        assertThat(withValues("{{index .Values \"a.b\"}}[{{.Values.a}}]", null, "a.b=c")).isEqualTo("c[]");
        assertThat(withValues("{{.Values.t}} {{.Values.k}}", "t: file\nk: kept\n", "t=set")).isEqualTo("set kept");
        assertThatThrownBy(() -> Values.applySets(Map.of(), List.of("novalue")))
                .hasMessageContaining("failed to parse --set data; invalid format, no = assignment found");
        assertThatThrownBy(() -> Values.applySets(Map.of(), List.of("=v")))
                .hasMessageContaining("failed to parse --set data; expected a key=val format");
        assertThat(withValues("[{{.Values.e}}]", null, "e=")).isEqualTo("[]");
    }

    @Test
    void yaml11ScalarTypingInValues() throws Exception {
        assertThat(withValues("{{.Values.l}} {{.Values.o}} {{.Values.q}}", "l: [x, y]\no: on\nq: \"yes\"\n")).isEqualTo("[x true] true yes");
    }

    @Test
    void secretsFastPathIsASubstringCheckOnTheCommentFreeText() throws Exception {
        int[] calls = {0};
        SecretsLookup counting = (text, map) -> {
            calls[0]++;
            return Map.of("s", "v");
        };
        TaskRenderer r = new TaskRenderer(ctx().build());
        r.renderOnly("# secrets in a comment\nx: [{{.Secrets.s}}]\n", "acb.yaml", counting);
        assertThat(calls[0]).isZero();
        String out = r.renderOnly("x: [{{.Secrets.s}}] # secrets\n", "acb.yaml", counting).text();
        assertThat(calls[0]).isEqualTo(1);
        assertThat(out).isEqualTo("x: [v] # secrets\n");
        // case-sensitive
        r.renderOnly("x: Secrets\n", "acb.yaml", counting);
        assertThat(calls[0]).isEqualTo(1);
    }

    @Test
    void b64encOverride() throws Exception {
        assertThat(render("[{{ .Values.none | b64enc }}][{{ b64enc \"a\" }}]")).isEqualTo("[][YQ==]");
    }
}
