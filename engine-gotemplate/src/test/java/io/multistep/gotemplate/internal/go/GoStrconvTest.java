package io.multistep.gotemplate.internal.go;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.gotemplate.GoTemplate;
import org.junit.jupiter.api.Test;

/** Go's numeric conversions as measured with Go on amd64 (int64(f), strconv's underscore rules, runes). */
class GoStrconvTest {

    @Test
    void floatToIntIsGosAmd64Conversion() {
        // Go: int64(f) for 1e21, -1e21, NaN, +Inf, 9.3e18 is -9223372036854775808; 1.5 -> 1; -2.7 -> -2.
        assertThat(GoStrconv.floatToInt64(1e21)).isEqualTo(Long.MIN_VALUE);
        assertThat(GoStrconv.floatToInt64(-1e21)).isEqualTo(Long.MIN_VALUE);
        assertThat(GoStrconv.floatToInt64(Double.NaN)).isEqualTo(Long.MIN_VALUE);
        assertThat(GoStrconv.floatToInt64(Double.POSITIVE_INFINITY)).isEqualTo(Long.MIN_VALUE);
        assertThat(GoStrconv.floatToInt64(9.3e18)).isEqualTo(Long.MIN_VALUE);
        assertThat(GoStrconv.floatToInt64(1.5)).isEqualTo(1);
        assertThat(GoStrconv.floatToInt64(-2.7)).isEqualTo(-2);
    }

    @Test
    void sprigIntOfAHugeFloatIsMinInt64() throws Exception {
        // cast.ToInt does int(f): MinInt64 on amd64 rather than Java's saturated MaxInt64.
        assertThat(GoTemplate.parse("t", "{{int 1e21}} {{int64 -1e21}} {{int 2.9}}").execute(null))
                .isEqualTo("-9223372036854775808 -9223372036854775808 2");
    }

    @Test
    void underscoresFollowStrconv() {
        // Go: ParseFloat("1_0")=10, ("1_0.5")=10.5, ("0x_1p4")=16; "1__0", "1_e5", "_1" invalid;
        // ParseFloat("1e400") is out of range.
        assertThat(GoStrconv.parseFloat("1_0")).isEqualTo(10.0);
        assertThat(GoStrconv.parseFloat("1_0.5")).isEqualTo(10.5);
        assertThat(GoStrconv.parseFloat("0x_1p4")).isEqualTo(16.0);
        assertThat(GoStrconv.parseFloat("1__0")).isNull();
        assertThat(GoStrconv.parseFloat("1_e5")).isNull();
        assertThat(GoStrconv.parseFloat("_1")).isNull();
        assertThat(GoStrconv.parseFloat("1e400")).isNull();
        assertThat(GoStrconv.parseInt("1_0")).isEqualTo(10L);
        assertThat(GoStrconv.parseInt("1_0.5")).isNull();
        assertThat(GoStrconv.parseUint("9223372036854775808")).isEqualTo(0x1p63);
        assertThat(GoStrconv.parseUint("18446744073709551616")).isNull();
        assertThat(GoStrconv.parseUint("-1")).isNull();
    }

    @Test
    void invalidRunesPrintAsTheReplacementCharacter() throws Exception {
        // Go: fmt.Printf("%c|%q|%#U|%c|%q", -1, -1, int64(MaxInt64), 0xD800, 0x110000).
        assertThat(GoTemplate.parse("t", "{{printf \"%c|%q|%#U|%c|%q\" -1 -1 9223372036854775807 0xD800 0x110000}}")
                .execute(null)).isEqualTo("\uFFFD|'\uFFFD'|U+7FFFFFFFFFFFFFFF|\uFFFD|'\uFFFD'");
    }
}
