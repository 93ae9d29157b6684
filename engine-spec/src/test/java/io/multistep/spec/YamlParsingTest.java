package io.multistep.spec;

import static io.multistep.spec.Fixtures.errors;
import static io.multistep.spec.Fixtures.first;
import static io.multistep.spec.Fixtures.load;
import static io.multistep.spec.Fixtures.ok;
import static io.multistep.spec.Fixtures.onlyError;
import static io.multistep.spec.Fixtures.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** YAML 1.1 decoding as Go's yaml.v2 does it (task-format.md §2). */
class YamlParsingTest {

    @ParameterizedTest
    @ValueSource(strings = {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"})
    void yamlOneOneTrueWordsAreBooleans(String word) {
        assertThat(((ContainerStep) first(ok("steps:\n  - cmd: x\n    privileged: " + word + "\n"))).container().privileged()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE", "~", "null", "''"})
    void yamlOneOneFalseWordsAndNullAreFalse(String word) {
        if (word.equals("''")) {
            // a quoted empty string is a string, not a bool
            assertThat(onlyError("steps:\n  - cmd: x\n    keep: ''\n").message())
                    .startsWith("cannot unmarshal !!str `` into bool");
            return;
        }
        assertThat(((ContainerStep) first(ok("steps:\n  - cmd: x\n    keep: " + word + "\n"))).container().keep()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tRUE", "yES", "oN", "enabled", "1"})
    void otherWordsAreNotBooleans(String word) {
        assertThat(onlyError("steps:\n  - cmd: x\n    keep: " + word + "\n").message())
                .startsWith("cannot unmarshal ").contains(" into bool (expected true or false for keep");
    }

    @Test
    void integersAcceptGoBasePrefixesAndUnderscores() {
        Task t = ok("steps:\n"
                + "  - {cmd: x, timeout: 0x10}\n"
                + "  - {cmd: x, timeout: 010}\n"
                + "  - {cmd: x, timeout: 0o10}\n"
                + "  - {cmd: x, timeout: 1_000}\n"
                + "  - {cmd: x, timeout: +7}\n"
                + "  - {cmd: x, timeout: 0b101}\n");
        assertThat(t.steps()).extracting(s -> s.schedule().timeout()).containsExactly(16, 8, 8, 1000, 7, 5);
    }

    @Test
    void floatsAreTruncatedIntoIntsAsYamlV2Does() {
        Task t = ok("steps:\n  - {cmd: x, timeout: 30.9}\n  - {cmd: x, timeout: 1e3}\n  - {cmd: x, timeout: 08}\n");
        assertThat(t.steps()).extracting(s -> s.schedule().timeout()).containsExactly(30, 1000, 8);
    }

    @Test
    void aQuotedNumberIsAStringAndNotAnInt() {
        Problem p = onlyError("steps:\n  - cmd: x\n    timeout: \"30\"\n");
        assertThat(p.message()).isEqualTo(
                "cannot unmarshal !!str `30` into int (expected an integer number of seconds for timeout, found \"30\")");
        assertThat(p.location()).isEqualTo(new SourceLocation("acb.yaml", 3, 14));
    }

    @Test
    void aWordForAnIntIsATypeErrorWithLocationTextAndExpectation() {
        Problem p = onlyError("stepTimeout: abc\n");
        assertThat(p.toString()).isEqualTo("acb.yaml:1:14: error: cannot unmarshal !!str `abc` into int "
                + "(expected an integer number of seconds for stepTimeout, found \"abc\")");
    }

    @Test
    void longScalarsAreShortenedInTheGoPartOfTheMessage() {
        assertThat(onlyError("stepTimeout: abcdefghijklmnop\n").message())
                .startsWith("cannot unmarshal !!str `abcdefg...` into int")
                .endsWith("found \"abcdefghijklmnop\")");
    }

    @Test
    void aMappingWhereAListIsExpectedIsATypeError() {
        assertThat(onlyError("steps:\n  - cmd: x\n    env: {A: b}\n").message())
                .isEqualTo("cannot unmarshal !!map into []string (expected a list of strings for env, found a mapping)");
    }

    @Test
    void aScalarWhereStepsAreExpectedIsATypeError() {
        assertThat(onlyError("steps: hello\n").message()).startsWith("cannot unmarshal !!str `hello` into []*graph.Step");
    }

    @Test
    void aDocumentThatIsNotAMappingIsATypeError() {
        assertThat(onlyError("- a\n- b\n").message()).startsWith("cannot unmarshal !!seq into graph.Task");
        assertThat(onlyError("just text\n").message()).startsWith("cannot unmarshal !!str `just text` into graph.Task");
    }

    @Test
    void anyScalarDecodesIntoAStringFieldAsItsText() {
        Task t = ok("steps:\n  - cmd: true\n    id: 0x10\n    user: 1.50\n    entryPoint: ~\n");
        CmdStep s = (CmdStep) first(t);
        assertThat(s.cmd()).isEqualTo("true");
        assertThat(s.id()).isEqualTo("0x10");
        assertThat(((ContainerStep) s).container().user()).isEqualTo("1.50");
        assertThat(((CmdStep) s).entryPoint()).isEmpty();
    }

    @Test
    void unquotedYInAStringListStaysTheLetterY() {
        assertThat(((ContainerStep) first(ok("steps:\n  - cmd: x\n    ports: [y, n, 80]\n"))).container().ports()).containsExactly("y", "n", "80");
    }

    @Test
    void nullValuesAreZeroValues() {
        Task t = ok("stepTimeout:\nenv:\nsteps:\n  - cmd: x\n    timeout: ~\n    when:\n");
        assertThat(t.stepTimeout()).isEqualTo(600);
        assertThat(first(t).schedule().timeout()).isEqualTo(600);
    }

    @Test
    void anEmptyDocumentIsATaskWithoutSteps() {
        assertThat(ok("").steps()).isEmpty();
        assertThat(ok("# only a comment\n").steps()).isEmpty();
        assertThat(ok("~\n").steps()).isEmpty();
    }

    @Test
    void onlyTheFirstDocumentIsRead() {
        Task t = ok("steps:\n  - cmd: a\n---\nsteps:\n  - cmd: b\n  - cmd: c\n");
        assertThat(t.steps()).hasSize(1);
    }

    @Test
    void duplicateKeysKeepTheLastValueWithAWarning() {
        LoadResult r = load("steps:\n  - cmd: a\n    cmd: b\n");
        assertThat(r.task()).isNotNull();
        assertThat(((CmdStep) first(r.task())).cmd()).isEqualTo("b");
        assertThat(r.problems()).singleElement().hasToString(
                "acb.yaml:3:5: warning: duplicate key \"cmd\" in step (first at line 2); the last value is used");
    }

    @Test
    void mergeKeysApplyInPlace() {
        Task t = ok("base: &b {timeout: 42, privileged: true}\nsteps:\n  - <<: *b\n    cmd: x\n");
        assertThat(first(t).schedule().timeout()).isEqualTo(42);
        assertThat(((ContainerStep) first(t)).container().privileged()).isTrue();
    }

    @Test
    void unknownKeysHoldingAnchorsAreNotWarnedAbout() {
        assertThat(warnings("defaults: &d {keep: true}\nother: {keep: true}\nsteps:\n  - cmd: x\n"))
                .containsExactly("unknown key \"other\" in task is ignored");
    }

    @Test
    void anchorsAndAliasesWork() {
        Task t = ok("x: &env [A=1, B=2]\nsteps:\n  - cmd: x\n    env: *env\n");
        assertThat(((ContainerStep) first(t)).container().env()).containsExactly("A=1", "B=2");
    }

    @Test
    void explicitTagsAreHonoured() {
        assertThat(first(ok("steps:\n  - cmd: x\n    timeout: !!int 12\n")).schedule().timeout()).isEqualTo(12);
        assertThat(onlyError("steps:\n  - cmd: x\n    timeout: !!str 12\n").message()).startsWith("cannot unmarshal !!str `12` into int");
        assertThat(onlyError("steps:\n  - cmd: x\n    timeout: !!int abc\n").message()).isEqualTo("cannot decode !!str `abc` as a !!int");
    }

    @Test
    void everyTypeErrorIsReportedNotOnlyTheFirst() {
        assertThat(errors("stepTimeout: a\nsteps:\n  - cmd: x\n    timeout: b\n    keep: c\n    exitedWith: [1, z]\n"))
                .hasSize(4);
    }

    @Test
    void aBadCmdValueDoesNotAlsoReportAMissingCmd() {
        assertThat(errors("steps:\n  - cmd: [a, b]\n")).singleElement().asString().startsWith("cannot unmarshal !!seq into string");
    }

    @Test
    void aNullStepEntryIsAnError() {
        assertThat(onlyError("steps:\n  -\n  - cmd: x\n").message()).startsWith("empty list entry");
    }

    @Test
    void unknownKeysAreWarningsWithSuggestions() {
        assertThat(warnings("stepTimout: 5\nsteps:\n  - cmd: x\n    disableWorkingDirectoryOveride: true\n    volumeMount: []\n    secret: x\n    downloadRetries: 3\n    zzz: 1\n"))
                .containsExactly(
                        "unknown key \"stepTimout\" in task is ignored; did you mean \"stepTimeout\"?",
                        "unknown key \"disableWorkingDirectoryOveride\" in step is ignored; did you mean \"disableWorkingDirectoryOverride\"?",
                        "unknown key \"volumeMount\" in step is ignored; did you mean \"volumeMounts\"?",
                        "unknown key \"secret\" in step is ignored; per-step secrets do not exist; declare them under the task's \"secrets\" and use {{.Secrets.<id>}}",
                        "unknown key \"downloadRetries\" in step is ignored; did you mean \"cmdDownloadRetries\"?",
                        "unknown key \"zzz\" in step is ignored");
    }

    @Test
    void keysAreCaseSensitive() {
        assertThat(warnings("StepTimeout: 5\n")).containsExactly("unknown key \"StepTimeout\" in task is ignored; did you mean \"stepTimeout\"?");
    }

    @Test
    void anAliasBlockWithoutVersionOneOneIsAnIgnoredUnknownKey() {
        assertThat(warnings("alias:\n  values:\n    x: y\nsteps:\n  - cmd: x\n")).singleElement().asString()
                .startsWith("unknown key \"alias\" in task is ignored: image aliases need \"version: v1.1.0\"");
    }

    @Test
    void strictModeTurnsWarningsIntoErrors() {
        LoadResult r = TaskFiles.loader().strict(true).build().load("steps:\n  - cmd: x\n    keeep: true\n", "acb.yaml");
        assertThat(r.task()).isNull();
        assertThat(r.errors()).singleElement().extracting(Problem::message).asString().startsWith("unknown key \"keeep\"");
    }

    @Test
    void hiddenAndExtensionKeysAreAcceptedWithoutWarning() {
        Task t = ok("isbuildtask: true\ntotalTimeout: 3600\nregistryname: x\nsecrets:\n  - id: s\n    aadresourceid: https://management.azure.com/\n"
                + "steps:\n  - build: -t a .\n    tags: [b, c]\n    buildargs: [x]\n    usesbuildkit: true\n");
        assertThat(t.totalTimeout()).contains(3600);
        assertThat(((BuildStep) first(t)).tags()).containsExactly("b", "c");
        assertThat(t.secrets().get(0).aadResourceId()).isEqualTo("https://management.azure.com/");
        assertThat(t.networks()).isEmpty();
    }

    @Test
    void aBadTotalTimeoutIsOnlyAWarningBecauseTheReferenceIgnoresTheKey() {
        LoadResult r = load("totalTimeout: soon\nsteps:\n  - cmd: x\n");
        assertThat(r.task()).isNotNull();
        assertThat(r.task().totalTimeout()).isEmpty();
        assertThat(r.warnings()).singleElement().extracting(Problem::message).asString()
                .startsWith("totalTimeout is ignored: it must be a positive integer number of seconds (found \"soon\")");
    }

    @Test
    void commentLinesAreRemovedEvenInsideBlockScalars() {
        CmdStep s = (CmdStep) first(ok("steps:\n  - cmd: |\n      bash -c 'echo a\n      # not a comment for YAML, but acb drops it\n      echo b'\n"));
        assertThat(s.cmd()).isEqualTo("bash -c 'echo a\necho b'\n");
    }

    @Test
    void locationsPointIntoTheAuthoredFileEvenAfterCommentLines() {
        Problem p = onlyError("# header\n# more\nsteps:\n  - cmd: x\n    retries: -1\n");
        assertThat(p.location()).isEqualTo(new SourceLocation("acb.yaml", 5, 14));
    }

    @Test
    void syntaxErrorsAreProblemsWithALocation() {
        Problem p = onlyError("steps:\n  - cmd: x\n   bad: [\n");
        assertThat(p.message()).startsWith("yaml: ");
        assertThat(p.location().line()).isGreaterThan(0);
    }
}
