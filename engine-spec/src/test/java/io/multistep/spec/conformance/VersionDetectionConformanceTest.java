package io.multistep.spec.conformance;

import static io.multistep.spec.conformance.Conf.cmd;
import static io.multistep.spec.conformance.Conf.errors;
import static io.multistep.spec.conformance.Conf.firstError;
import static io.multistep.spec.conformance.Conf.ctx;
import static io.multistep.spec.conformance.Conf.load;
import static io.multistep.spec.conformance.Conf.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** task-format.md §3: alias switch by line-scanned version, and the post-render version check (T-2). */
class VersionDetectionConformanceTest {

    private static final String BASH = "mcr.microsoft.com/acr/bash:42e38da echo hi";

    private static boolean aliasesOn(String versionLine) {
        String text = versionLine + "\nsteps:\n  - cmd: bash echo hi\n";
        var r = load(text, ctx().values(Map.of("v", "v1.1.0")).build());
        if (r.task() == null) {
            return r.renderedText() != null && r.renderedText().contains("$$") == false
                    && r.renderedText().contains("x-alias");
        }
        return cmd(r.task(), 0).equals(BASH);
    }

    @Test
    void exactLowercaseV110EnablesAliases() {
        assertThat(aliasesOn("version: v1.1.0")).isTrue();
        // "version:v1.1.0" is detected too, but YAML reads it as one plain scalar -> parse error
        assertThat(load("version:v1.1.0\nsteps: []\n").errors()).isNotEmpty();
        assertThat(aliasesOn("version : v1.1.0")).isTrue();
        assertThat(aliasesOn("version:   v1.1.0   ")).isTrue();
        assertThat(aliasesOn("version: 'v1.1.0'")).isTrue();
        assertThat(aliasesOn("version: \"v1.1.0\"")).isTrue();
        assertThat(aliasesOn("\"version\": v1.1.0")).isTrue();
        assertThat(aliasesOn("'version' : \"v1.1.0\"")).isTrue();
    }

    @Test
    void olderOrCapitalOrIndentedVersionsDisableAliases() {
        assertThat(aliasesOn("version: v1.0.0")).isFalse();
        assertThat(aliasesOn("version: 1.0-preview-1")).isFalse();
        assertThat(aliasesOn("# version: v1.1.0")).isFalse();
        // V < v byte-wise: valid version, no aliases
        assertThat(aliasesOn("version: V1.1.0")).isFalse();
        assertThat(ok("version: V1.1.0\nsteps:\n  - cmd: bash echo hi\n").version()).isEqualTo("V1.1.0");
    }

    @Test
    void anIndentedVersionLineNeverMatches() {
        var t = ok("steps:\n  - cmd: bash echo hi\n version: v1.1.0\n".replace(" version", "x: 1\n version")
                .replace("steps:\n  - cmd: bash echo hi\nx: 1\n version: v1.1.0\n", "x:\n  version: v1.1.0\nsteps:\n  - cmd: bash echo hi\n"));
        assertThat(cmd(t, 0)).isEqualTo("bash echo hi");
    }

    @Test
    void theWholeFileIsScannedSoAVersionAfterTheStepsCounts() {
        var t = ok("steps:\n  - cmd: bash echo hi\nversion: v1.1.0\n");
        assertThat(cmd(t, 0)).isEqualTo(BASH);
    }

    @Test
    void aTemplatedVersionEnablesAliasesBecauseBraceSortsAfterV() {
        var t = load("version: {{.Values.v}}\nsteps:\n  - cmd: bash echo hi\n",
                ctx().values(Map.of("v", "v1.0.0")).build()).orThrow();
        assertThat(cmd(t, 0)).isEqualTo(BASH);
        assertThat(t.version()).isEqualTo("v1.0.0");
    }

    @Test
    void versionKeyMustBeExactlyVersionBeforeTheColon() {
        // "versions: v1.1.0" starts with "version" but the key is not "version"
        assertThat(aliasesOn("versions: v1.1.0")).isFalse();
    }

    @Test
    void aFutureVersionEnablesAliasesButFailsValidationAfterRendering() {
        String e = firstError("version: v1.2.0\nsteps:\n  - cmd: bash echo hi\n");
        assertThat(e).startsWith("invalid version specified: \"v1.2.0\", the current version is \"v1.0.0\"");
    }

    @Test
    void invalidVersionMessageNamesTheRenderedValue() {
        var r = load("version: {{.Values.v}}\nsteps:\n  - cmd: x\n", ctx().values(Map.of("v", "v9")).build());
        assertThat(r.errors().get(0).message()).startsWith("invalid version specified: \"v9\", the current version is \"v1.0.0\"");
    }

    @Test
    void versionCheckIsCaseInsensitiveAndEmptyMeansDefault() {
        assertThat(ok("version: V1.0.0\n").version()).isEqualTo("V1.0.0");
        assertThat(ok("version: 1.0-PREVIEW-1\n").steps()).isEmpty();
        assertThat(ok("version: \"\"\nsteps: []\n").steps()).isEmpty();
    }

    @Test
    void versionIsCheckedAfterTheCliEnvMergeAndBeforeStepChecks() {
        // errors.md T order: CLI env merge -> version -> per-step env merge -> graph
        var r = io.multistep.spec.TaskFiles.loader().renderContext(ctx().build()).envDefaults(java.util.List.of("bad"))
                .build().load("version: v7\nsteps:\n  - cmd: x\n    retries: -1\n", "acb.yaml");
        assertThat(r.errors().get(0).message()).startsWith("cannot parse task environment variable bad correctly");
        assertThat(errors("version: v7\nsteps:\n  - cmd: x\n    retries: -1\n").get(0))
                .startsWith("invalid version specified: \"v7\"");
    }
}
