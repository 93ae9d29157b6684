package io.multistep.spec.conformance;

import static io.multistep.spec.conformance.Conf.cmd;
import static io.multistep.spec.conformance.Conf.ok;
import static io.multistep.spec.conformance.Conf.pipeline;
import static io.multistep.spec.conformance.Conf.render;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * task-format.md §1 / templating.md §1 step 1: comment lines are dropped before anything else.
 * acb's NewTemplate does {@code strings.Split(data, "\n")}, drops lines whose
 * {@code strings.TrimSpace} starts with {@code #}, and re-joins with {@code "\n"}.
 */
class CommentRemovalConformanceTest {

    @Test
    void commentLinesVanishAndOtherLinesAreKeptByteForByte() throws Exception {
        assertThat(render("# head\nsteps:\n  # inner\n  - cmd: a # trailing stays\n\t# tab comment\n"))
                .isEqualTo("steps:\n  - cmd: a # trailing stays\n");
    }

    @Test
    void trailingNewlineIsPreservedExactlyAsSplitAndJoinDo() throws Exception {
        assertThat(render("steps: []")).isEqualTo("steps: []");
        assertThat(render("steps: []\n")).isEqualTo("steps: []\n");
        assertThat(render("steps: []\n\n")).isEqualTo("steps: []\n\n");
        // a final comment line without a newline: the newline before it goes with it
        assertThat(render("steps: []\n# end")).isEqualTo("steps: []");
        assertThat(render("steps: []\n# end\n")).isEqualTo("steps: []\n");
    }

    @Test
    void crlfLinesKeepTheirCarriageReturnsAndCrlfCommentsAreRemoved() throws Exception {
        assertThat(render("# c\r\nsteps:\r\n  - cmd: a\r\n")).isEqualTo("steps:\r\n  - cmd: a\r\n");
    }

    @Test
    void commentLinesVanishInsideBlockScalars() {
        var t = ok("steps:\n  - cmd: |\n      bash -c 'echo 1\n      # not a shell comment any more\n      echo 2'\n");
        assertThat(cmd(t, 0)).isEqualTo("bash -c 'echo 1\necho 2'\n");
    }

    @Test
    void commentLinesVanishInsideQuotedMultiLineStrings() {
        var t = ok("steps:\n  - cmd: \"bash echo a\n    # gone\n    b\"\n");
        assertThat(cmd(t, 0)).isEqualTo("bash echo a b");
    }

    @Test
    void aHashLineInsideAMultiLineTemplateActionIsRemovedBeforeParsingTheTemplate() throws Exception {
        // the line is removed from the text, so the action is parsed without it
        assertThat(render("x: {{ printf \"%s\"\n  # dropped\n  \"y\" }}\n")).isEqualTo("x: y\n");
    }

    @Test
    void aHashLineInsideATemplateCommentIsAlsoJustALine() throws Exception {
        assertThat(render("a: 1\n{{/*\n# x\n*/}}b: 2\n")).isEqualTo("a: 1\nb: 2\n");
    }

    @Test
    void unicodeBlanksBeforeTheHashCountAsBlankLikeGoTrimSpace() throws Exception {
        assertThat(render("\u00a0# nbsp\n\u2003# em space\n\u000b# vt\na: 1\n")).isEqualTo("a: 1\n");
    }

    @Test
    void aCommentOnlyFileIsAnEmptyTemplateAndRendersToNothingWithoutError() throws Exception {
        assertThat(render("# only\n# comments")).isEmpty();
        assertThat(ok("# only\n# comments\n").steps()).isEmpty();
    }

    @Test
    void withAliasesTheRestIsReadLineByLineDroppingCarriageReturnsAndEndingEveryLineWithNewline()
            throws Exception {
        // graph.SeparateAliasFromRest uses bufio.ScanLines (drops one \r before \n and at EOF)
        // and writes text + "\n" for every line.
        assertThat(pipeline("version: v1.1.0\r\nsteps:\r\n  - cmd: a\r\n")).isEqualTo(
                "version: v1.1.0\nsteps:\n  - cmd: a\n");
        assertThat(pipeline("version: v1.1.0\nsteps:\n  - cmd: a")).isEqualTo("version: v1.1.0\nsteps:\n  - cmd: a\n");
        assertThat(pipeline("version: v1.1.0\nsteps:\n  - cmd: a\n\n")).isEqualTo(
                "version: v1.1.0\nsteps:\n  - cmd: a\n\n");
    }

    @Test
    void withAliasesABlockScalarAtTheEndOfAFileWithoutNewlineGainsTheFinalLineBreak() {
        var t = ok("version: v1.1.0\nsteps:\n  - cmd: |\n      myimg echo hi");
        assertThat(cmd(t, 0)).isEqualTo("myimg echo hi\n");
        var t2 = ok("version: v1.0.0\nsteps:\n  - cmd: |\n      myimg echo hi");
        assertThat(cmd(t2, 0)).isEqualTo("myimg echo hi");
        // an expanded image alias is trimmed by ExpandCommandAliases (strings.TrimSpace)
        var t3 = ok("version: v1.1.0\nsteps:\n  - cmd: |\n      bash echo hi");
        assertThat(cmd(t3, 0)).isEqualTo("mcr.microsoft.com/acr/bash:42e38da echo hi");
    }
}
