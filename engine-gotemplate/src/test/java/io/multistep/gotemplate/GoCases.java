package io.multistep.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.multistep.gotemplate.internal.Json;
import io.multistep.gotemplate.internal.go.YamlSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Loads a table of Go {@code text/template} cases from {@code template/conformance/NAME.jsonl}: one JSON
 * object a line with {@code name}, {@code tpl}, optional {@code data} (JSON text, integers become Go
 * {@code int}) and Go's exact {@code out} or {@code err}. The expectations are produced by running the
 * table through real Go ({@code src/test/go/gocases}), never written by hand.
 */
final class GoCases {

    private GoCases() {
    }

    /** One case: the template, its data and Go's output or error text. */
    record Case(String name, String tpl, String data, String out, String err) {
        @Override
        public String toString() {
            return name.isBlank() ? tpl : name;
        }
    }

    static Stream<Arguments> load(String table) throws IOException {
        String path = "/template/conformance/" + table + ".jsonl";
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = GoCases.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing case table " + path);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) Json.read(line);
                Case c = new Case((String) m.get("name"), (String) m.get("tpl"), (String) m.get("data"),
                        (String) m.get("out"), (String) m.get("err"));
                if ((c.out() == null) == (c.err() == null)) {
                    throw new IllegalStateException(table + ": case " + c.name() + " needs exactly one of out/err");
                }
                cases.add(Arguments.of(c));
            }
        }
        return cases.stream();
    }

    /** Parses and executes {@code c} as template "t" and checks Go's output or exact error text. */
    static void check(Case c) {
        Object data = c.data() == null ? null : YamlSupport.load(c.data());
        String out;
        try {
            out = GoTemplate.parse("t", c.tpl()).execute(data);
        } catch (TemplateException e) {
            assertThat(e.goMessage()).as(c.name() + ": " + c.tpl()).isEqualTo(c.err() == null
                    ? "(no error; output " + c.out() + ")" : c.err());
            return;
        }
        if (c.err() != null) {
            fail(c.name() + ": " + c.tpl() + " rendered " + out + " where Go fails with " + c.err());
        }
        assertThat(out).as(c.name() + ": " + c.tpl()).isEqualTo(c.out());
    }
}
