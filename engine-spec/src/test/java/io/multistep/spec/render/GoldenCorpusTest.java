package io.multistep.spec.render;

import io.multistep.gotemplate.GoTemplate;
import io.multistep.gotemplate.TemplateException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.multistep.gotemplate.internal.Mapped;
import io.multistep.spec.render.Preprocessor;
import io.multistep.gotemplate.internal.go.YamlSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the golden corpus under {@code template/golden/}: each YAML file is a list of cases
 * with a template (or input), data and the expected text or error substring.
 */
class GoldenCorpusTest {

    private static final String[] FILES = {"spec-examples.yaml", "go-template.yaml", "go-fmt.yaml",
        "go-fmt-conformance.yaml", "sprig-strings.yaml", "sprig-lists-dicts.yaml", "sprig-misc.yaml", "sprig-crypto.yaml", "pipeline.yaml", "errors.yaml"};

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String f : FILES) {
            try (InputStream in = GoldenCorpusTest.class.getResourceAsStream("/template/golden/" + f)) {
                if (in == null) {
                    throw new IllegalStateException("missing corpus file " + f);
                }
                Object doc = YamlSupport.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                for (Object c : (List<?>) doc) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) c;
                    out.add(Arguments.of(f.replace(".yaml", "") + ": " + m.get("name"), m));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersAsTheReference(String name, Map<String, Object> c) throws Exception {
        String mode = (String) c.getOrDefault("mode", "renderOnly");
        Object expect = c.get("expect");
        Object error = c.get("error");
        if (error != null) {
            assertThatThrownBy(() -> run(mode, c)).as(name).isInstanceOf(TemplateException.class)
                    .satisfies(e -> assertThat(((TemplateException) e).goMessage()).contains(error.toString()));
            return;
        }
        if (expect == null) {
            fail("case " + name + " has neither expect nor error");
        }
        assertThat(run(mode, c)).as(name).isEqualTo(expect.toString());
    }

    @SuppressWarnings("unchecked")
    static String run(String mode, Map<String, Object> c) throws Exception {
        String tpl = String.valueOf(c.getOrDefault("template", ""));
        switch (mode) {
            case "go":
                return GoTemplate.parse("t", tpl, Map.of(), Boolean.TRUE.equals(c.get("extras"))).execute(c.get("data"));
            case "render":
            case "renderOnly": {
                TaskRenderer r = new TaskRenderer(context(c));
                SecretsLookup lookup = SecretsLookup.NONE;
                if (c.get("secrets") != null) {
                    Map<String, String> sec = new LinkedHashMap<>();
                    ((Map<String, Object>) c.get("secrets")).forEach((k, v) -> sec.put(k, String.valueOf(v)));
                    lookup = (text, map) -> sec;
                }
                RenderedTask t = mode.equals("render") ? r.render(tpl, "acb.yaml", lookup)
                        : r.renderOnly(tpl, "acb.yaml", lookup);
                if (c.get("cmd") != null) {
                    return Aliases.expandCommandAlias(String.valueOf(c.get("cmd")), t.aliases());
                }
                return t.text();
            }
            case "substitute": {
                Map<String, String> inline = new LinkedHashMap<>();
                ((Map<String, Object>) c.getOrDefault("aliases", Map.of()))
                        .forEach((k, v) -> inline.put(k, String.valueOf(v)));
                StringBuilder block = new StringBuilder("alias:\n  values:\n");
                inline.forEach((k, v) -> block.append("    ").append(k).append(": \"").append(v).append("\"\n"));
                if (c.get("directive") != null) {
                    block.append("  directive: \"").append(c.get("directive")).append("\"\n");
                }
                Aliases.Resolved res = Aliases.build(block.toString(), Aliases.defaultImageAliases(),
                        io.multistep.spec.SourceLocation.UNKNOWN);
                Mapped m = Preprocessor.substitute(tpl, res.aliases(), res.directive());
                return m.text();
            }
            case "cmd": {
                Map<String, String> all = new LinkedHashMap<>(Aliases.runVariableAliases());
                all.putAll(Aliases.defaultImageAliases());
                return Aliases.expandCommandAlias(tpl, all);
            }
            case "quote":
                return TaskRenderer.shellQuote(tpl);
            case "version":
                return Preprocessor.findVersion(Preprocessor.stripComments(tpl).text());
            case "separate": {
                Preprocessor.Separated s = Preprocessor.separate(tpl);
                return s.alias().text() + "\n---\n" + s.rest().text();
            }
            case "comments":
                return Preprocessor.stripComments(tpl).text();
            default:
                throw new IllegalArgumentException("mode " + mode);
        }
    }

    @SuppressWarnings("unchecked")
    static RenderContext context(Map<String, Object> c) throws TemplateException {
        Map<String, Object> run = (Map<String, Object>) c.getOrDefault("run", Map.of());
        Map<String, Object> values = (Map<String, Object>) c.getOrDefault("values", Map.of());
        List<String> sets = new ArrayList<>();
        for (Object o : (List<Object>) c.getOrDefault("sets", List.of())) {
            sets.add(String.valueOf(o));
        }
        Map<String, Object> merged = Values.applySets(values == null ? Map.of() : values, sets);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", "/root");
        env.put("GREETING", "hi");
        return RenderContext.builder()
                .id(str(run, "id")).commit(str(run, "commit")).repository(str(run, "repository"))
                .branch(str(run, "branch")).gitTag(str(run, "gitTag")).triggeredBy(str(run, "triggeredBy"))
                .registry(str(run, "registry")).osVersion(str(run, "osVersion")).taskName(str(run, "taskName"))
                .sharedVolume(str(run, "sharedVolume")).architecture("amd64")
                .date(Instant.parse((String) run.getOrDefault("date", "2024-03-05T07:08:09Z")))
                .values(merged).environment(env)
                .envFunctions(!Boolean.FALSE.equals(c.get("envFunctions")))
                .templateExtras(Boolean.TRUE.equals(c.get("extras")))
                .build();
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? "" : String.valueOf(v);
    }
}
