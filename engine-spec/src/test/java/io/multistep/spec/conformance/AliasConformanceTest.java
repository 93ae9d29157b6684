package io.multistep.spec.conformance;

import static io.multistep.spec.conformance.Conf.cmd;
import static io.multistep.spec.conformance.Conf.ctx;
import static io.multistep.spec.conformance.Conf.firstError;
import static io.multistep.spec.conformance.Conf.ok;
import static io.multistep.spec.conformance.Conf.pipeline;
import static io.multistep.spec.conformance.Conf.renderError;
import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.spec.Task;
import io.multistep.spec.render.Aliases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** templating.md §2: alias block, precedence, directive substitution, image aliases in cmd. */
class AliasConformanceTest {

    private static final String HEAD = "version: v1.1.0\nalias:\n  values:\n    repo: myrepo\n    img: hello-world\n";

    /** Substitutes {@code in} as the value of a cmd and returns the pre-render text of that line. */
    private static String subst(String aliasBlock, String in) throws Exception {
        // render with a template-free line: use a key whose value we read back from the rendered text
        String out = pipeline(aliasBlock + "x: " + in + "\n", ctx().registry("reg.io").id("run1").build());
        String line = out.lines().filter(l -> l.startsWith("x: ")).findFirst().orElseThrow();
        return line.substring(3);
    }

    @Test
    void verifiedSubstitutionTable() throws Exception {
        assertThat(subst(HEAD, "$repo$img")).isEqualTo("myrepohello-world");
        assertThat(subst(HEAD, "$unknown$repo")).isEqualTo("$unknown$repo");
        assertThat(subst(HEAD, "$$$repo")).isEqualTo("$myrepo");
        assertThat(subst(HEAD, "$$HOME")).isEqualTo("$HOME");
        assertThat(subst(HEAD, "${repo}")).isEqualTo("${repo}");
        assertThat(subst(HEAD, "$ alone")).isEqualTo("$ alone");
        assertThat(subst(HEAD, "$registry")).isEqualTo("$registry");
        // rendered afterwards: {{.Run.Registry}} -> reg.io
        assertThat(subst(HEAD, "$Registry$|")).isEqualTo("reg.io$|");
        assertThat(subst(HEAD, "x$ID.y")).isEqualTo("xrun1.y");
        assertThat(subst(HEAD, "costs $5")).isEqualTo("costs $5");
        assertThat(subst(HEAD, "$IDx")).isEqualTo("$IDx");
        assertThat(subst(HEAD + "  directive: \"&\"\n", "&repo $Registry &&Registry")).isEqualTo("myrepo $Registry &Registry");
    }

    @Test
    void substitutedValuesAreNotRescanned() throws Exception {
        assertThat(subst("version: v1.1.0\nalias:\n  values:\n    a: $b\n    b: B\n", "$a")).isEqualTo("$b");
    }

    @Test
    void aDirectiveAtTheVeryEndOfTheDocumentSurvives() throws Exception {
        // sentinel blank appended then removed: the last line ends with "\n" anyway
        assertThat(pipeline("version: v1.1.0\nx: $")).isEqualTo("version: v1.1.0\nx: $\n");
        assertThat(pipeline("version: v1.1.0\nx: a$repo")).isEqualTo("version: v1.1.0\nx: a$repo\n");
    }

    @Test
    void exampleA1EndToEnd() throws Exception {
        String in = "version: v1.1.0\nalias:\n  values:\n    repo: team/web\n    greeting: \"hello {{.Values.who}}\"\n"
                + "steps:\n  - id: build\n    build: -t $Registry/$repo:$ID -f Dockerfile .\n"
                + "  - cmd: bash echo $greeting on $OS/$Architecture at $Date, cost $$5\n  - push:\n    - $Registry/$repo:$ID\n";
        var c = ctx().registry("myreg.azurecr.io").id("run1").values(Map.of("who", "world")).build();
        assertThat(pipeline(in, c)).isEqualTo("version: v1.1.0\nsteps:\n  - id: build\n"
                + "    build: -t myreg.azurecr.io/team/web:run1 -f Dockerfile .\n"
                + "  - cmd: bash echo hello world on linux/amd64 at 20240305-070809z, cost $5\n"
                + "  - push:\n    - myreg.azurecr.io/team/web:run1\n");
        Task t = Conf.load(in, c).orThrow();
        assertThat(cmd(t, 1)).isEqualTo("mcr.microsoft.com/acr/bash:42e38da echo hello world on linux/amd64 at 20240305-070809z, cost $5");
        assertThat(t.steps().get(1).id()).isEqualTo("acb_step_1");
    }

    @Test
    void exampleA2VersionOneZeroLeavesEverythingLiteral() {
        Task t = ok("version: v1.0.0\nalias:\n  values:\n    repo: x\nsteps:\n  - cmd: bash echo $Registry $repo\n");
        assertThat(cmd(t, 0)).isEqualTo("bash echo $Registry $repo");
    }

    @Test
    void aliasBlockMayBeAnywhere() throws Exception {
        assertThat(pipeline("version: v1.1.0\nsteps:\n  - cmd: $a\nalias:\n  values:\n    a: A\n"))
                .isEqualTo("version: v1.1.0\nsteps:\n  - cmd: A\n");
        assertThat(pipeline("alias:\n  values:\n    a: A\nversion: v1.1.0\nsteps:\n  - cmd: $a\n"))
                .isEqualTo("version: v1.1.0\nsteps:\n  - cmd: A\n");
    }

    @Test
    void blockEndsAtAColumnZeroListItemWithAColon() throws Exception {
        assertThat(pipeline("version: v1.1.0\nalias:\n  values:\n    a: A\n- a: $a\n"))
                .isEqualTo("version: v1.1.0\n- a: A\n");
    }

    @Test
    void indentedAndBlankAndColonlessLinesStayInTheBlock() throws Exception {
        assertThat(pipeline("version: v1.1.0\nalias:\n\n  values:\n    a: A\n  # x\nsteps: $a\n"))
                .isEqualTo("version: v1.1.0\nsteps: A\n");
    }

    @Test
    void anAliasLineInsideAnOpenBlockClosesItAndItsAliasesAreNotDefined() throws Exception {
        assertThat(pipeline("version: v1.1.0\nalias:\n  values:\n    a: A\nalias:\n  values:\n    b: B\nx: $a $b\n"))
                .isEqualTo("version: v1.1.0\nalias:\n  values:\n    b: B\nx: A $b\n");
    }

    @Test
    void aSecondBlockAfterAClosedOneCombinesValuesLaterWinning() throws Exception {
        assertThat(pipeline("version: v1.1.0\nalias:\n  values:\n    a: A\n    c: C1\nsteps: []\n"
                + "alias:\n  values:\n    b: B\n    c: C2\nx: $a $b $c\n"))
                .isEqualTo("version: v1.1.0\nsteps: []\nx: A B C2\n");
    }

    @Test
    void srcFilesLastListedFirstAndInlineWins(@TempDir Path dir) throws Exception {
        Path e1 = Files.writeString(dir.resolve("e1.yaml"), "repo: one\nonly1: o1\nimg: i1\n");
        Path e2 = Files.writeString(dir.resolve("e2.yaml"), "repo: two\n");
        String out = pipeline("version: v1.1.0\nalias:\n  src:\n    - " + e1 + "\n    - " + e2
                + "\n  values:\n    img: inline\nx: $repo $only1 $img\n");
        assertThat(out).isEqualTo("version: v1.1.0\nx: two o1 inline\n");
    }

    @Test
    void builtInsCanBeRedefined() throws Exception {
        assertThat(pipeline("version: v1.1.0\nalias:\n  values:\n    ID: mine\n    bash: myimg\nx: $ID\nsteps:\n  - cmd: bash\n"))
                .isEqualTo("version: v1.1.0\nx: mine\nsteps:\n  - cmd: bash\n");
        Task t = ok("version: v1.1.0\nalias:\n  values:\n    bash: myimg\nsteps:\n  - cmd: bash -c x\n");
        assertThat(cmd(t, 0)).isEqualTo("myimg -c x");
    }

    @Test
    void missingSrcFileIsAnOsError() {
        var e = renderError("version: v1.1.0\nalias:\n  src:\n    - nofile.yaml\nsteps: []\n");
        assertThat(e.goMessage()).isEqualTo("open nofile.yaml: no such file or directory");
        assertThat(e.referenceMessage()).startsWith("unable to search/replace aliases in task: ");
    }

    @Test
    void directiveRulesA3A4() {
        assertThat(renderError(HEAD + "  directive: \"&&\"\nx: 1\n").goMessage())
                .isEqualTo("$ directive can only be overwritten by a single character");
        assertThat(renderError(HEAD + "  directive: a\nx: 1\n").goMessage())
                .isEqualTo("overwritten directives may not be alphanumeric characters");
        assertThat(renderError(HEAD + "  directive: \"7\"\nx: 1\n").goMessage())
                .isEqualTo("overwritten directives may not be alphanumeric characters");
    }

    @Test
    void aMultiByteDirectiveIsOneCharacter() throws Exception {
        assertThat(subst(HEAD + "  directive: \"§\"\n", "§repo $repo")).isEqualTo("myrepo $repo");
    }

    @Test
    void keyNamesA5AndCheckOrder(@TempDir Path dir) throws Exception {
        assertThat(renderError("version: v1.1.0\nalias:\n  values:\n    my-key: v\nx: 1\n").goMessage())
                .isEqualTo("alias key names only support alphanumeric characters");
        // directive length is checked before key names
        assertThat(renderError("version: v1.1.0\nalias:\n  directive: ab\n  values:\n    my-key: v\nx: 1\n").goMessage())
                .isEqualTo("$ directive can only be overwritten by a single character");
        // src loading comes before everything
        assertThat(renderError("version: v1.1.0\nalias:\n  src: [nofile.yaml]\n  directive: ab\nx: 1\n").goMessage())
                .startsWith("open nofile.yaml");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "a_b: 1\n");
        assertThat(renderError("version: v1.1.0\nalias:\n  src: [" + bad + "]\nx: 1\n").goMessage())
                .isEqualTo("alias key names only support alphanumeric characters");
    }

    @Test
    void aliasBlockOfTheWrongShapeIsA1() {
        assertThat(renderError("version: v1.1.0\nalias:\n  values: [a, b]\nx: 1\n").goMessage())
                .startsWith("error during alias unmarshaling: yaml: ");
    }

    @Test
    void nullScalarsInTheAliasBlockDecodeAsEmptyLikeYamlV2() throws Exception {
        // yaml.v2 decodes every null form (~, null, Null, NULL, empty) into a string as ""
        assertThat(subst("version: v1.1.0\nalias:\n  values:\n    a: null\n    b: NULL\n    c: ~\n", "[$a|$b|$c]"))
                .isEqualTo("[||]");
        // a null directive is no directive: $ stays the directive
        assertThat(subst("version: v1.1.0\nalias:\n  directive: ~\n  values:\n    a: A\n", "$a ~a")).isEqualTo("A ~a");
        assertThat(subst("version: v1.1.0\nalias:\n  directive: null\n  values:\n    a: A\n", "$a")).isEqualTo("A");
        // a null src list is no list
        assertThat(subst("version: v1.1.0\nalias:\n  src: ~\n  values:\n    a: A\n", "$a")).isEqualTo("A");
        // a null key is the empty key, which is not alphanumeric
        assertThat(renderError("version: v1.1.0\nalias:\n  values:\n    null: x\nx: 1\n").goMessage())
                .isEqualTo("alias key names only support alphanumeric characters");
    }

    @Test
    void aScalarAliasBlockOrAQuotedEmptySrcIsA1() {
        // lines count in the alias block, which is decoded alone
        assertThat(renderError("version: v1.1.0\nalias: foo\nx: 1\n").goMessage())
                .startsWith("error during alias unmarshaling: yaml: unmarshal errors:\n  line 1: cannot unmarshal !!str `foo` into ");
        assertThat(renderError("version: v1.1.0\nalias:\n  src: \"\"\nx: 1\n").goMessage())
                .startsWith("error during alias unmarshaling: yaml: unmarshal errors:\n  line 2: cannot unmarshal !!str `` into []string");
        assertThat(renderError("version: v1.1.0\nalias:\n  values: \"\"\nx: 1\n").goMessage())
                .startsWith("error during alias unmarshaling: yaml: unmarshal errors:\n  line 2: cannot unmarshal !!str `` into map[string]string");
    }

    @Test
    void aliasBlockIsRenderedAsATemplateNamedAliasData() {
        var e = renderError("version: v1.1.0\nalias:\n  values:\n    a: {{.Values.x.y}}\nx: 1\n".replace(".Values.x.y", "fail \"boom\""));
        assertThat(e.referenceMessage()).startsWith("unable to render alias data: error while rendering templates: failed to ");
        assertThat(e.goMessage()).contains("aliasData");
    }

    @Test
    void imageAliasExpansionRules() {
        Task t = ok("version: v1.1.0\nsteps:\n  - cmd: bash echo hi\n  - cmd: \"  curl   -s http://x\"\n"
                + "  - cmd: bash:latest echo hi\n  - cmd: \"  other  x \"\n  - cmd: ID foo\n  - cmd: az\n  - cmd: acr purge\n  - cmd: cssc x\n");
        assertThat(cmd(t, 0)).isEqualTo("mcr.microsoft.com/acr/bash:42e38da echo hi");
        assertThat(cmd(t, 1)).isEqualTo("mcr.microsoft.com/acr/curl:42e38da   -s http://x");
        assertThat(cmd(t, 2)).isEqualTo("bash:latest echo hi");
        assertThat(cmd(t, 3)).isEqualTo("  other  x ");
        assertThat(cmd(t, 4)).isEqualTo("{{.Run.ID}} foo");
        assertThat(cmd(t, 5)).isEqualTo("mcr.microsoft.com/acr/azure-cli:42e38da");
        assertThat(cmd(t, 6)).isEqualTo("mcr.microsoft.com/acr/acr-cli:0.13 purge");
        assertThat(cmd(t, 7)).isEqualTo("mcr.microsoft.com/acr/cssc:42e38da x");
    }

    @Test
    void expansionTrimsLikeGoTrimSpaceIncludingNbsp() {
        assertThat(Aliases.expandCommandAlias("\u00a0bash x\u00a0", Aliases.defaultImageAliases()))
                .isEqualTo("mcr.microsoft.com/acr/bash:42e38da x");
        assertThat(Aliases.expandCommandAlias("bash\tx", Aliases.defaultImageAliases())).isEqualTo("bash\tx");
    }

    @Test
    void noBuiltInTaskNameAlias() throws Exception {
        assertThat(subst(HEAD, "$TaskName $GitTag $Commit$Branch")).isEqualTo("$TaskName $GitTag ");
    }

    @Test
    void substitutionReachesTemplateActionsAndBreaksThem() throws Exception {
        assertThat(subst("version: v1.1.0\nalias:\n  values:\n    v: Values\n", "{{ .$v.none | default \"d\" }}")).isEqualTo("d");
    }

    @Test
    void firstErrorOfLoadHasTheAliasText() {
        assertThat(firstError("version: v1.1.0\nalias:\n  directive: ab\nsteps: []\n"))
                .contains("$ directive can only be overwritten by a single character");
    }
}
