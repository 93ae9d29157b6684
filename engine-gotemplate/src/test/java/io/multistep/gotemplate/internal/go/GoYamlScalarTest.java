package io.multistep.gotemplate.internal.go;

import io.multistep.gotemplate.internal.go.GoYamlScalar;
import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.gotemplate.internal.go.GoYamlScalar.Kind;
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

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // Go's ParseFloat fails with ErrRange where Java rounds to infinity: yaml.v2 keeps a string.
        "1e400|STR", "-1e400|STR", "+1E400|STR", ".1e400|STR", "1.8e308|STR", "1e-400|FLOAT",
        // ParseUint takes no '+': above MaxInt64 with a '+' is a float, or a string when hex.
        "+9339545991173393047|FLOAT", "9339545991173393047|UINT", "+0XFFFFFFFFFFFFFFFF|STR",
        // In the '.' case ParseFloat sees the text as written, where '_' may separate digits.
        ".9_7|FLOAT", "._9|STR", ".9_|STR", ".9__7|STR"})
    void edgesFoundAgainstGo(String in, Kind kind) {
        assertThat(GoYamlScalar.plain(in).kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "2001-12-14|!!timestamp", "2001-1-2|!!timestamp", "2001-12-14t21:59:43.10-05:00|!!timestamp",
        "2001-12-14T21:59:43Z|!!timestamp", "2001-12-14  21:59:43.123456789|!!timestamp",
        "2001-12-14T21:59:43+-1:+2|!!timestamp", "2000-02-29|!!timestamp",
        // time.Parse checks ranges and takes at most nine fraction digits; yaml.v2 lists no
        // layout with both a space and a zone.
        "2001-13-01|!!str", "2001-02-29|!!str", "2001-02-30|!!str", "2001-12-14T24:00:00Z|!!str",
        "2001-12-14 21:60:00|!!str", "2001-12-14 21:59:43.1234567890|!!str", "2001-12-14 21:59:43.10 -5|!!str",
        "2001-12-14T21:59:43+0500|!!str", "2001-12-14T21:59:43|!!str", "20011-12-14|!!str", "2001-001-01|!!str"})
    void timestampsAsTimeParseReadsThem(String in, String tag) {
        GoYamlScalar s = GoYamlScalar.plain(in);
        assertThat(s.tag()).isEqualTo(tag);
        assertThat(s.kind()).isEqualTo(Kind.STR);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"abc|`abc`", "0123456789|`0123456789`", "01234567890|`0123456...`"})
    void typeErrorsShowAtMostTenCharacters(String in, String shown) {
        assertThat(GoYamlScalar.plain(in).goQuoted()).isEqualTo(shown);
    }
}
