package io.multistep.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render}: byte-exact output for the worked examples of templating.md §3.6, and its errors. */
class RenderCommandTest {

    @TempDir
    Path dir;

    static final String T1_VALUES = """
            tag: v1
            env: prod
            replicas: 3
            """;

    static final String T1_TASK = """
            version: v1.0.0
            steps:
              - build: -t {{.Run.Registry}}/app:{{.Values.tag}} .
              - cmd: bash echo {{.Values.env}} {{.Values.replicas}} [{{.Values.nothere}}] {{.Values.nothere | default "fallback"}} {{index .Values "a.b"}}
              - cmd: bash echo {{.Run.RegistryName}} {{.Run.ID}} {{.Build.ID}} {{.Run.Commit | trunc 7}} {{ "x y" | quote }} {{ .Values.env | upper }} {{ "s3cr3t" | b64enc }}
              - cmd: bash echo {{.ValuesJSON}}
            """;

    static final String T1_OUTPUT = """
            version: v1.0.0
            steps:
              - build: -t contoso.azurecr.io/app:v2 .
              - cmd: bash echo prod 3 [] fallback c
              - cmd: bash echo contoso ca1 ca1 0123456 "x y" PROD czNjcjN0
              - cmd: bash echo '{"a.b":"c","env":"prod","replicas":3,"tag":"v2"}'
            """;

    static final String A1_TASK = """
            version: v1.1.0
            alias:
              values:
                repo: team/web
                greeting: "hello {{.Values.who}}"
            steps:
              - id: build
                build: -t $Registry/$repo:$ID -f Dockerfile .
              - cmd: bash echo $greeting on $OS/$Architecture at $Date, cost $$5
              - push:
                - $Registry/$repo:$ID
            """;

    static final String A1_RENDERED = """
            version: v1.1.0
            steps:
              - id: build
                build: -t myreg.azurecr.io/team/web:run1 -f Dockerfile .
              - cmd: bash echo hello world on linux/amd64 at 20240305-070809z, cost $5
              - push:
                - myreg.azurecr.io/team/web:run1
            """;

    @Test
    void t1ValuesOverridesAndRunVariablesAreByteExact() {
        String values = Cli.write(dir, "ex2-values.yaml", T1_VALUES);
        String task = Cli.write(dir, "ex2.yaml", T1_TASK);
        Cli.Result r = Cli.run("render", "-f", task, "--values", values, "--set", "tag=v2", "--set", "a.b=c",
                "--id", "ca1", "-r", "contoso.azurecr.io", "-c", "0123456789abcdef");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(T1_OUTPUT);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void t1WithEqualsFormFlagsGivesTheSameBytes() {
        String values = Cli.write(dir, "ex2-values.yaml", T1_VALUES);
        String task = Cli.write(dir, "ex2.yaml", T1_TASK);
        Cli.Result r = Cli.run("render", "--file=" + task, "--values=" + values, "--set=tag=v2", "--set=a.b=c",
                "--id=ca1", "--registry=contoso.azurecr.io", "--commit=0123456789abcdef");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(T1_OUTPUT);
    }

    @Test
    void t1FromEncodedFileAndEncodedValues() {
        Cli.Result r = Cli.run("render", "--encoded-file", b64(T1_TASK), "--encoded-values", b64(T1_VALUES),
                "--set", "tag=v2", "--set", "a.b=c", "--id", "ca1", "-r", "contoso.azurecr.io",
                "-c", "0123456789abcdef");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(T1_OUTPUT);
    }

    @Test
    void t2RunJsonIsShellQuotedWithAFixedDate() {
        String task = Cli.write(dir, "ex3.yaml", "version: v1.0.0\nsteps:\n  - cmd: bash echo {{.RunJSON}}\n");
        Cli.Result r = Cli.run("render", "-f", task, "--id", "it's", "--date", "2026-11-25T02:15:48Z");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("version: v1.0.0\nsteps:\n  - cmd: bash echo '"
                + "{\"Architecture\":\"amd64\",\"Branch\":\"\",\"Commit\":\"\",\"Date\":\"20261125-021548z\","
                + "\"GitTag\":\"\",\"ID\":\"it'\"'\"'s\",\"OS\":\"linux\",\"OSVersion\":\"\",\"Registry\":\"\","
                + "\"RegistryName\":\"\",\"Repository\":\"\",\"SharedVolume\":\"\",\"TaskName\":\"\","
                + "\"TriggeredBy\":\"\"}'\n");
    }

    @Test
    void a1AliasesEndToEndWithAliasesFlag() {
        String task = Cli.write(dir, "a1.yaml", A1_TASK);
        Cli.Result r = Cli.run("render", "-f", task, "--aliases", "--id", "run1", "-r", "myreg.azurecr.io",
                "--date", "2024-03-05T07:08:09Z", "--set", "who=world");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(A1_RENDERED);
    }

    @Test
    void a1WithoutAliasesFlagRendersLikeAcbRenderAndKeepsTheAliasBlock() {
        String task = Cli.write(dir, "a1.yaml", A1_TASK);
        Cli.Result r = Cli.run("render", "-f", task, "--id", "run1", "-r", "myreg.azurecr.io",
                "--date", "2024-03-05T07:08:09Z", "--set", "who=world");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(A1_TASK.replace("hello {{.Values.who}}", "hello world"));
    }

    @Test
    void a2VersionOneZeroHasNoAliasProcessingEvenWithAliasesFlag() {
        String text = A1_TASK.replace("v1.1.0", "v1.0.0");
        String task = Cli.write(dir, "a2.yaml", text);
        Cli.Result r = Cli.run("render", "-f", task, "--aliases", "--id", "run1", "-r", "myreg.azurecr.io",
                "--date", "2024-03-05T07:08:09Z", "--set", "who=world");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(text.replace("hello {{.Values.who}}", "hello world"));
    }

    @Test
    void withoutAFileItReadsAcbYamlAsExecDoes() {
        // The tests run in the module's folder, which has no acb.yaml.
        Cli.Result r = Cli.run("render");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("failed to load template at path acb.yaml: stat acb.yaml: no such file or directory\n");
    }

    @Test
    void missingFileIsC1() {
        String missing = dir.resolve("nope.yaml").toString();
        Cli.Result r = Cli.run("render", "-f", missing);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("failed to load template at path " + missing + ": stat " + missing
                + ": no such file or directory\n");
    }

    @Test
    void missingValuesFileIsC3() {
        String task = Cli.write(dir, "t.yaml", "version: v1.0.0\nsteps:\n  - cmd: bash echo hi\n");
        String missing = dir.resolve("values.yaml").toString();
        Cli.Result r = Cli.run("render", "-f", task, "--values", missing);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("failed to load values file at path " + missing);
    }

    @Test
    void setWithoutEqualsIsC5AndEmptyKeyIsC6() {
        String task = Cli.write(dir, "t.yaml", "version: v1.0.0\nsteps:\n  - cmd: bash echo hi\n");
        Cli.Result noEquals = Cli.run("render", "-f", task, "--set", "novalue");
        assertThat(noEquals.exit()).isEqualTo(2);
        assertThat(noEquals.err()).contains("failed to parse --set data; invalid format, no = assignment found");
        Cli.Result emptyKey = Cli.run("render", "-f", task, "--set", "=v");
        assertThat(emptyKey.exit()).isEqualTo(2);
        assertThat(emptyKey.err()).contains("failed to parse --set data; expected a key=val format");
    }

    @Test
    void badEncodedFileIsC2() {
        Cli.Result r = Cli.run("render", "--encoded-file", "!!!not base64");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("failed to decode Base64 template: ");
    }

    @Test
    void templateSyntaxErrorIsExit2WithFileLineColumn() {
        String task = Cli.write(dir, "bad.yaml", "version: v1.0.0\nsteps:\n  - cmd: bash echo {{.Values.x\n");
        Cli.Result r = Cli.run("render", "-f", task);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith(task + ":3:")
                .matches("(?s)" + java.util.regex.Pattern.quote(task) + ":3:\\d+: .*\n")
                .contains("failed to parse template");
    }

    @Test
    void templateExecutionErrorIsExit2() {
        String task = Cli.write(dir, "bad.yaml", "version: v1.0.0\nsteps:\n  - cmd: bash echo {{.Values.x.y}}\n");
        Cli.Result r = Cli.run("render", "-f", task, "--set", "x=scalar");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith(task + ":3:").contains("failed to execute template");
    }

    @Test
    void badDateIsAUsageError() {
        String task = Cli.write(dir, "t.yaml", "version: v1.0.0\nsteps:\n  - cmd: bash echo hi\n");
        Cli.Result r = Cli.run("render", "-f", task, "--date", "yesterday");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--date expects an ISO-8601 instant");
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
