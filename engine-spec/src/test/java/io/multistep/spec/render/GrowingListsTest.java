package io.multistep.spec.render;

import io.multistep.gotemplate.TemplateException;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Lists grown by {@code append}, {@code prepend} and {@code concat} share arrays to stay linear in a
 * loop, yet every list keeps exactly the elements Sprig's copying functions give it.
 */
class GrowingListsTest {

    private static String render(String text) throws TemplateException {
        return new TaskRenderer(RenderContext.builder().build()).render(text, "acb.yaml", SecretsLookup.NONE).text();
    }

    @Test
    void twoAppendsToOneListDoNotSeeEachOther() throws TemplateException {
        assertThat(render("{{ $a := list 1 2 }}{{ $b := append $a 3 }}{{ $c := append $a 4 }}"
                + "{{ $d := append $b 5 }}{{ $a }} {{ $b }} {{ $c }} {{ $d }}"))
                .isEqualTo("[1 2] [1 2 3] [1 2 4] [1 2 3 5]");
    }

    @Test
    void twoPrependsToOneListDoNotSeeEachOther() throws TemplateException {
        assertThat(render("{{ $a := list 1 2 }}{{ $b := prepend $a 0 }}{{ $c := prepend $a 9 }}"
                + "{{ $d := append $b 3 }}{{ $a }} {{ $b }} {{ $c }} {{ $d }}"))
                .isEqualTo("[1 2] [0 1 2] [9 1 2] [0 1 2 3]");
    }

    @Test
    void appendingToAPartOfAListLeavesTheListAlone() throws TemplateException {
        assertThat(render("{{ $a := append (list 1 2) 3 }}{{ $i := initial $a }}{{ $x := append $i 9 }}"
                + "{{ $r := rest $a }}{{ $y := prepend $r 8 }}{{ $s := slice $a 1 2 }}{{ $z := append $s 7 }}"
                + "{{ $a }} {{ $x }} {{ $y }} {{ $z }} {{ $i }} {{ $r }} {{ $s }}"))
                .isEqualTo("[1 2 3] [1 2 9] [8 2 3] [2 7] [1 2] [2 3] [2]");
    }

    @Test
    void concatCopiesWhatItIsGiven() throws TemplateException {
        assertThat(render("{{ $a := list 1 }}{{ $b := concat $a (list 2) (list 3 4) }}{{ $c := concat $a (list 5) }}"
                + "{{ $d := concat $b }}{{ $a }} {{ $b }} {{ $c }} {{ $d }} {{ concat }}"))
                .isEqualTo("[1] [1 2 3 4] [1 5] [1 2 3 4] []");
    }

    @Test
    void aListGrownAHundredThousandTimesKeepsEveryElementInOrder() throws TemplateException {
        String loop = "{{ range until 100000 }}{{ $l = %s }}{{ end }}{{ len $l }} {{ index $l 0 }} {{ index $l 99999 }}";
        assertThat(render("{{ $l := list }}" + loop.formatted("append $l .")))
                .isEqualTo("100000 0 99999");
        assertThat(render("{{ $l := list }}" + loop.formatted("prepend $l .")))
                .isEqualTo("100000 99999 0");
        assertThat(render("{{ $l := list }}" + loop.formatted("concat $l (list . .)")))
                .isEqualTo("200000 0 49999");
    }

    @Test
    void grownListsPrintAndCompareAsLists() throws TemplateException {
        assertThat(render("{{ $a := append (list \"x\") \"y\" }}{{ toJson $a }} {{ typeOf $a }} "
                + "{{ has \"y\" $a }} {{ $a | join \",\" }} {{ deepEqual $a (list \"x\" \"y\") }}"))
                .isEqualTo("[\"x\",\"y\"] []interface {} true x,y true");
        assertThat(render("{{ $a := append (list 1) 2 }}{{ kindOf $a }} {{ deepCopy $a }} {{ reverse $a }} "
                + "{{ sortAlpha (prepend $a 3) }} {{ range $i, $v := $a }}{{ $i }}={{ $v }};{{ end }}"))
                .isEqualTo("slice [1 2] [2 1] [1 2 3] 0=1;1=2;");
    }
}
