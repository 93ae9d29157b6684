package io.multistep.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.spec.internal.GoYamlScalar.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plain-scalar resolution as yaml.v2's resolve() does it. */
class GoYamlScalarTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "0|INT|0", "-0|INT|0", "+12|INT|12", "0x1F|INT|31", "0X1f|INT|31", "017|INT|15", "0o17|INT|15",
        "0b11|INT|3", "1_000_000|INT|1000000", "-0x10|INT|-16", "9223372036854775807|INT|9223372036854775807",
        "-9223372036854775808|INT|-9223372036854775808"})
    void integers(String in, Kind kind, long value) {
        GoYamlScalar s = GoYamlScalar.plain(in);
        assertThat(s.kind()).isEqualTo(kind);
        assertThat(s.longValue()).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "9223372036854775808|UINT", "18446744073709551616|FLOAT", "08|FLOAT", "1.5|FLOAT", "1e3|FLOAT", ".5|FLOAT",
        ".inf|FLOAT", "-.Inf|FLOAT", ".NaN|FLOAT", "0x|STR", "1.2.3|STR", "12abc|STR", "2001-12-14|STR",
        "y|BOOL", "NO|BOOL", "oN|STR", "~|NULL", "Null|NULL", "nULL|STR", "-|STR", "+|STR", "abc|STR"})
    void kinds(String in, Kind kind) {
        assertThat(GoYamlScalar.plain(in).kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"abc|`abc`", "0123456789|`0123456789`", "01234567890|`0123456...`"})
    void typeErrorsShowAtMostTenCharacters(String in, String shown) {
        assertThat(GoYamlScalar.plain(in).goQuoted()).isEqualTo(shown);
    }
}
