package io.multistep.spec.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values files read as yaml.v2 fills the reference's {@code map[string]interface{}}. */
class ValuesTest {

    @Test
    void keysAreTheTextAsWrittenEvenWhenTheyLookLikeBooleans() throws Exception {
        Map<String, Object> values = Values.parse("n: ~\ny: [x, y]\nyes: 1\n", "v.yaml");

        assertThat(values).containsOnlyKeys("n", "y", "yes");
        assertThat(values.get("n")).isNull();
        assertThat(values.get("y")).isEqualTo(List.of("x", true));
    }

    @Test
    void plainScalarsResolveByYamlV2RulesNotSnakeYamls() throws Exception {
        Map<String, Object> values = Values.parse(
                "port: 8080:80\nt: 2024-01-02\nh: 0x10\noct: 010\nf: 1e3\nbig: 12345678901234567890\n", "v.yaml");

        assertThat(values.get("port")).as("no sexagesimal ints in yaml.v2").isEqualTo("8080:80");
        assertThat(values.get("t")).as("timestamps stay text").isEqualTo("2024-01-02");
        assertThat(values.get("h")).isEqualTo(16L);
        assertThat(values.get("oct")).isEqualTo(8L);
        assertThat(values.get("f")).isEqualTo(1000.0);
        assertThat(values.get("big")).isEqualTo(new BigInteger("12345678901234567890"));
    }

    @Test
    void explicitTagsAndQuotesDecideTheType() throws Exception {
        Map<String, Object> values = Values.parse("q: !!str 3\ni: !!int \"7\"\ns: \"07\"\n", "v.yaml");

        assertThat(values.get("q")).isEqualTo("3");
        assertThat(values.get("i")).isEqualTo(7L);
        assertThat(values.get("s")).isEqualTo("07");
    }

    @Test
    void valuesJsonKeepsUnsignedIntegersExact() throws Exception {
        RenderContext ctx = RenderContext.builder()
                .values(Values.parse("big: 12345678901234567890\n", "v.yaml")).build();

        String text = new TaskRenderer(ctx).renderOnly("a: {{.ValuesJSON}} {{.Values.big}}\n", "t.yaml",
                SecretsLookup.NONE).text();

        assertThat(text).isEqualTo("a: '{\"big\":12345678901234567890}' 12345678901234567890\n");
    }
}
