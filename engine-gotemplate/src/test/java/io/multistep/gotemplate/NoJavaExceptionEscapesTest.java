package io.multistep.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile templates either render or fail with a located {@link TemplateException} in Go's words; no
 * Java exception (or Java wording) escapes parsing or execution.
 */
class NoJavaExceptionEscapesTest {

    private static final Map<String, Object> DATA = Map.of("SI", List.of(3L, 4L, 5L), "S", "xyz",
            "M", Map.of("a", 1L), "F", 1.5e300);

    @ParameterizedTest
    @ValueSource(strings = {
        "{{index .SI 9223372036854775807}}", "{{index .S -9223372036854775808}}", "{{index .SI 1+0i}}",
        "{{index .M 1+2i}}", "{{slice .SI 9223372036854775807}}", "{{slice .S 2 1}}", "{{slice .SI 1+0i}}",
        "{{slice .S 0 9223372036854775807}}", "{{len 1+2i}}", "{{eq 1+2i .SI}}", "{{lt 1+2i 1}}",
        "{{printf \"%d\" 1+2i}}", "{{printf \"%x\" 1+2i}}", "{{printf \"%s\" 1+2i}}", "{{print 1+2i}}",
        "{{html 1+2i}}", "{{js .SI}}", "{{urlquery .M}}", "{{printf \"%999999999d\" 1}}",
        "{{printf \"%*d\" 9223372036854775807 1}}", "{{printf \"%.*f\" -5 1.0}}", "{{printf \"%[99]d\" 1}}",
        "{{printf \"%c\" -1}}", "{{printf \"%U\" 9223372036854775807}}", "{{printf \"%c\" 9223372036854775807}}",
        "{{printf \"%!\"}}", "{{printf \"%\"}}", "{{'\\xff'}}", "{{\"\\xff\"}}", "{{'\\U00110000'}}",
        "{{\"\\U00110000\"}}", "{{\"\\400\"}}", "{{int .F}}", "{{int64 1e300}}", "{{div 1 0}}", "{{mod 1 0}}",
        "{{add1 9223372036854775807}}", "{{until 9223372036854775807}}", "{{repeat 9223372036854775807 \"x\"}}",
        "{{substr 5 1 .S}}", "{{substr -9223372036854775808 2 .S}}", "{{trunc -9223372036854775808 .S}}",
        "{{abbrev -1 .S}}", "{{indent -1 .S}}", "{{randAlpha -1}}", "{{first .S}}", "{{rest 1+2i}}",
        "{{atoi \"99999999999999999999\"}}", "{{float64 \"1e999\"}}", "{{toString 1+2i}}", "{{toJson 1+2i}}",
        "{{kindOf 1+2i}}", "{{typeOf 1+2i}}", "{{1+2i | printf \"%v\"}}", "{{range 1+2i}}{{end}}",
        "{{with 0i}}x{{end}}", "{{not 0i}}", "{{and 1i 0i}}", "{{max 1 1e300}}", "{{round 1e300 2}}",
        "{{date \"2006\" 1e300}}", "{{dateModify \"9999999999999h\" now}}", "{{duration 1e300}}",
        "{{semverCompare \"99999999999999999999\" \"1\"}}", "{{b64dec \"%%%\"}}", "{{regexMatch \"(\" \"a\"}}",
        "{{fromJson \"{\"}}", "{{splitn \"a\" -9223372036854775808 .S}}", "{{chunk 0 .SI}}", "{{seq 1 0 5}}",
        "{{untilStep 0 10 0}}", "{{1e309}}", "{{9999999999999999999999}}", "{{index .SI -1}}"
    })
    void failsAsTemplateErrorOrRenders(String tpl) {
        try {
            GoTemplate.parse("t", tpl).execute(DATA);
        } catch (TemplateException e) {
            assertThat(e.goMessage()).as(tpl).startsWith("template: t:").doesNotContain("java.", "Exception",
                    "Index ", " out of bounds for length");
        } catch (RuntimeException | StackOverflowError e) {
            fail(tpl + " let a Java exception escape: " + e);
        }
    }
}
