package io.multistep.gotemplate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The default function set is Sprig v2.22.0's genericMap (less getHostByName); the rest are extras. */
class FunctionSetTest {

    private static final Map<String, GoFunc> ALL = Sprig.funcs(new Sprig.Context(Clock.systemUTC(), ZoneOffset.UTC,
            Map.of(), 1000));

    @Test
    void theReferenceSetIsSprigV222sFunctionsGoLessGetHostByName() {
        // functions.go at v2.22.0 defines 149 names; getHostByName is the one left out (docs/differences.md)
        assertThat(FunctionSet.SPRIG_V2_22).hasSize(148).doesNotContain("getHostByName")
                .contains("derivePassword", "genCA", "buildCustomCert", "date_in_zone", "toDecimal", "urlJoin");
    }

    @Test
    void byDefaultEveryReferenceFunctionIsDefinedAndNothingElse() {
        Map<String, GoFunc> dflt = FunctionSet.select(ALL, false);
        assertThat(new TreeSet<>(dflt.keySet())).isEqualTo(new TreeSet<>(FunctionSet.SPRIG_V2_22));
    }

    @Test
    void withExtrasTheLaterSprigFunctionsAreDefinedToo() {
        Map<String, GoFunc> all = FunctionSet.select(ALL, true);
        Set<String> extras = new TreeSet<>(all.keySet());
        extras.removeAll(FunctionSet.SPRIG_V2_22);
        assertThat(extras).contains("dig", "fromJson", "toRawJson", "mustFirst", "seq", "chunk", "addf", "osBase")
                .hasSize(55);
        assertThat(all.keySet()).containsAll(FunctionSet.SPRIG_V2_22);
    }

    @Test
    void onlyAnExtraGetsTheHint() {
        assertThat(FunctionSet.hint("template: t:1: function \"dig\" not defined", ALL))
                .isEqualTo(" (Sprig v2.22 has no dig; multistep provides it with --template-extras)");
        assertThat(FunctionSet.hint("template: t:1: function \"nosuch\" not defined", ALL)).isEmpty();
        assertThat(FunctionSet.hint("template: t:1: unexpected EOF", ALL)).isEmpty();
    }
}
