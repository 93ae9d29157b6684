package io.multistep.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.gotemplate.TemplateException;
import io.multistep.spec.render.Values;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A located error points at the offending key or value, not at the block that holds it. */
class LocatedErrorsTest {

    private static List<String> errors(String text) {
        return TaskFiles.loader().build().load(text, "acb.yaml").errors().stream().map(Problem::toString).toList();
    }

    @Test
    void aSecondStepTypeIsReportedAtItsKey() {
        assertThat(errors("""
                version: v1.1.0
                steps:
                  - id: a
                    cmd: bash echo hi
                    build: .
                """)).containsExactly(
                "acb.yaml:5:5: error: step must only contain a single build, cmd, or push property (found cmd and build)");
    }

    @Test
    void anUnclosedQuoteInCmdOrBuildIsReportedAtTheKeyWhenLoading() {
        assertThat(errors("""
                version: v1.1.0
                steps:
                  - id: a
                    cmd: img echo 'hi
                  - build: -t "x .
                """)).containsExactly(
                "acb.yaml:4:5: error: cannot split cmd: unterminated single quote at column 10 in: img echo 'hi",
                "acb.yaml:5:5: error: cannot split build: unterminated double quote at column 4 in: -t \"x .");
    }

    @Test
    void volumeMountsOnAPushStepAreReportedAtTheKey() {
        assertThat(errors("""
                version: v1.1.0
                volumes:
                  - name: v
                    secret:
                      a: aGk=
                steps:
                  - push: [x]
                    volumeMounts:
                      - name: v
                        mountPath: /v
                """)).containsExactly("acb.yaml:8:5: error: invalid use of Mounts. Mounts must have unique container"
                + " paths and only used for cmd or build steps (volumeMounts on a push step)");
    }

    @Test
    void aBadDirectiveIsReportedAtItsValue() {
        assertThat(errors("""
                version: v1.1.0
                alias:
                  values:
                    a: b
                  directive: ab
                steps:
                  - cmd: bash
                """)).containsExactly("acb.yaml:5:14: error: unable to search/replace aliases in task: $ directive can"
                + " only be overwritten by a single character");
        assertThat(errors("version: v1.1.0\nalias:\n  directive: x\nsteps:\n  - cmd: bash\n"))
                .containsExactly("acb.yaml:3:14: error: unable to search/replace aliases in task: overwritten"
                        + " directives may not be alphanumeric characters");
    }

    @Test
    void valuesOfTheWrongTypeAreReportedAtTheValue() {
        assertThat(errors("""
                version: v1.1.0
                alias:
                  values:
                    a: b
                    c: [1]
                steps:
                  - cmd: bash
                """)).hasSize(1).first().asString().startsWith("acb.yaml:5:8: error: unable to search/replace aliases"
                + " in task: error during alias unmarshaling: yaml: unmarshal errors:");
        assertThat(errors("version: v1.1.0\nalias:\n  values:\n    - 1\nsteps:\n  - cmd: bash\n"))
                .hasSize(1).first().asString().startsWith("acb.yaml:4:5: error:");
    }

    @Test
    void aKeyThatIsNotAlphanumericIsReportedAtTheKey() {
        assertThat(errors("""
                version: v1.1.0
                alias:
                  values:
                    good: x
                    bad-key: y
                steps:
                  - cmd: bash
                """)).containsExactly("acb.yaml:5:5: error: unable to search/replace aliases in task: alias key names"
                + " only support alphanumeric characters");
    }

    @Test
    void aMissingSrcFileIsReportedAtItsItem() {
        assertThat(errors("""
                version: v1.1.0
                alias:
                  src:
                    - ./no-such-aliases.yaml
                steps:
                  - cmd: bash
                """)).containsExactly("acb.yaml:4:7: error: unable to search/replace aliases in task: open"
                + " ./no-such-aliases.yaml: no such file or directory");
    }

    @Test
    void aYamlErrorInTheAliasBlockIsReportedWhereItIs() {
        assertThat(errors("version: v1.1.0\nalias:\n  values:\n    a: b\n     c: d\nsteps:\n  - cmd: bash\n"))
                .hasSize(1).first().asString().startsWith("acb.yaml:5:");
    }

    @Test
    void anEmptyRenderedDocumentNamesTheFileAndLine1() {
        assertThat(errors("{{ if false }}x{{ end }}")).containsExactly(
                "acb.yaml:1:1: error: unable to render task: rendered template was empty");
    }

    /** yaml.v2's parser.fail: a scanner error names the problem's line; a parser error the line before it. */
    @Test
    void aValuesFileProblemIsLocatedAndNamesTheLineLibyamlNames() {
        assertThatThrownBy(() -> Values.parse("a:\n  b: 1\n c: 2\n", "values.yaml"))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.location().toString()).isEqualTo("values.yaml:3:2");
                    assertThat(e.goMessage()).endsWith("values file: yaml: line 2: did not find expected key");
                });
        assertThatThrownBy(() -> Values.parse("a: b\n\tc: d\n", "values.yaml"))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.location().toString()).isEqualTo("values.yaml:2:1");
                    assertThat(e.goMessage()).endsWith("yaml: line 2: found character that cannot start any token");
                });
        assertThatThrownBy(() -> Values.parse("a: b: c\n", "values.yaml"))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.location().toString()).isEqualTo("values.yaml:1:5");
                    assertThat(e.goMessage()).endsWith("values file: yaml: mapping values are not allowed in this context");
                });
    }
}
