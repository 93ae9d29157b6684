package io.multistep.spec;

import static io.multistep.spec.Fixtures.errors;
import static io.multistep.spec.Fixtures.load;
import static io.multistep.spec.Fixtures.ok;
import static io.multistep.spec.Fixtures.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule of errors.md S-*, V-*, T-*: the reference's text is the message's prefix. */
class ValidationRulesTest {

    /** errors.md R-6: a file with a secrets section is parsed and validated between the render passes. */
    private static final String R6 = "failed to resolve secrets in the task with error: failed to parse template to create task: ";


    private static final String VOL = "volumes:\n  - name: v\n    secret:\n      f: YQ==\n";

    // ---- S: secrets ----

    @Test
    void s1SecretWithoutId() {
        Problem p = onlyError("secrets:\n  - keyvault: https://v.vault.azure.net/secrets/x\n");
        assertThat(p.message()).isEqualTo(R6 + "secret is missing an ID as well as auto-generated ID");
        assertThat(p.location()).isEqualTo(new SourceLocation("acb.yaml", 2, 5));
    }

    @Test
    void s2SecretIdWithWhitespace() {
        assertThat(onlyError("secrets:\n  - id: my secret\n    keyvault: https://v.vault.azure.net/secrets/x\n").message())
                .isEqualTo(R6 + "failed to validate secret with ID: my secret: secret ID cannot contain spaces (found \"my secret\")");
    }

    @Test
    void s2UnicodeWhitespaceCountsAsASpace() {
        assertThat(onlyError("secrets:\n  - id: \"a\\u3000b\"\n    keyvault: k\n").message())
                .startsWith(R6 + "failed to validate secret with ID: a\u3000b: secret ID cannot contain spaces");
    }

    @Test
    void s3SecretWithoutKeyvaultOrMsi() {
        assertThat(onlyError("secrets:\n  - id: s\n    clientID: 7b7d2c3e-4a26-4f73-9f5b-2d1f7d6c0a11\n").message())
                .isEqualTo(R6 + "failed to validate secret with ID: s: secret should contain either keyvault property for vault "
                        + "secret, or msi clientID/aadResourceId for msi authentication");
    }

    @Test
    void s4ClientIdNotAGuid() {
        assertThat(onlyError("secrets:\n  - id: s\n    keyvault: k\n    clientID: nope\n").message())
                .isEqualTo(R6 + "failed to validate secret with ID: s: msi client ID is not a valid guid (found \"nope\")");
    }

    @Test
    void s4AcceptsTheUuidFormsGoParsers() {
        ok("secrets:\n  - {id: a, keyvault: k, clientID: 7B7D2C3E-4A26-4F73-9F5B-2D1F7D6C0A11}\n"
                + "  - {id: b, keyvault: k, clientID: '{7b7d2c3e-4a26-4f73-9f5b-2d1f7d6c0a11}'}\n"
                + "  - {id: c, keyvault: k, clientID: 7b7d2c3e4a264f739f5b2d1f7d6c0a11}\n");
    }

    @Test
    void s5DuplicateSecretId() {
        Problem p = onlyError("secrets:\n  - {id: s, keyvault: k}\n  - {id: s, keyvault: k}\n");
        assertThat(p.message()).isEqualTo(R6 + "duplicate secret found with ID: s (first defined at line 2)");
        assertThat(p.location().line()).isEqualTo(3);
    }

    // ---- V: volumes ----

    @Test
    void v1VolumeNameEmpty() {
        assertThat(onlyError("volumes:\n  - secret: {f: YQ==}\n").message()).isEqualTo("volume name is empty");
    }

    @Test
    void v2VolumeNameNotWellFormed() {
        assertThat(onlyError("volumes:\n  - name: my.vol\n    secret: {f: YQ==}\n").message())
                .isEqualTo("volume name is not well formed. Only use alphanumeric and - _ (found \"my.vol\")");
    }

    @Test
    void v3NoSecretSource() {
        assertThat(onlyError("volumes:\n  - name: v\n").message()).startsWith("currently only support for source type secret");
        assertThat(onlyError("volumes:\n  - name: v\n    secret:\n").message()).startsWith("currently only support for source type secret");
    }

    @Test
    void v4SecretMapEmpty() {
        assertThat(onlyError("volumes:\n  - name: v\n    secret: {}\n").message()).isEqualTo("secret is empty");
    }

    @Test
    void v5SecretFileNameEmpty() {
        assertThat(onlyError("volumes:\n  - name: v\n    secret:\n      '': YQ==\n").message())
                .isEqualTo("secret name provided for value is empty");
    }

    @Test
    void v6SecretFileNameNotWellFormed() {
        assertThat(onlyError("volumes:\n  - name: v\n    secret:\n      a/b: YQ==\n").message())
                .isEqualTo("file name, a/b, is not well formed. Only use alphanumeric and - _ .");
    }

    @Test
    void v6DotAndDotDotAreNoFileNames() {
        for (String name : List.of(".", "..")) {
            Problem p = onlyError("volumes:\n  - name: v\n    secret:\n      '" + name + "': YQ==\n");
            assertThat(p.message()).isEqualTo("file name, " + name + ", is not well formed. Only use alphanumeric and - _ . ("
                    + name + " names a folder, not a file)");
            assertThat(p.location()).isEqualTo(new SourceLocation("acb.yaml", 4, 7));
        }
    }

    @Test
    void v6OtherDottedFileNamesStayValid() {
        ok("volumes:\n  - name: v\n    secret:\n      '...': YQ==\n      .env: YQ==\n      a..b: YQ==\n");
    }

    @Test
    void v7DuplicateVolumeName() {
        assertThat(onlyError("volumes:\n  - {name: v, secret: {f: YQ==}}\n  - {name: v, secret: {g: YQ==}}\n").message())
                .isEqualTo("volume with duplicate name found (\"v\", first defined at line 2)");
    }

    @Test
    void v8MountOfAnUndeclaredVolume() {
        assertThat(onlyError(VOL + "steps:\n  - cmd: x\n    volumeMounts:\n      - {name: w, mountPath: /run/s}\n").message())
                .isEqualTo("mount name, w, does not correspond to a volume (did you mean \"v\"?)");
    }

    @Test
    void secretVolumeIsKeptInTheModel() {
        Task t = ok(VOL + "steps:\n  - cmd: x\n    volumeMounts:\n      - {name: v, mountPath: /run/s}\n");
        assertThat(t.volumes()).singleElement().satisfies(v -> assertThat(v.secret()).containsEntry("f", "YQ=="));
        assertThat(((ContainerStep) t.steps().get(0)).container().volumeMounts()).containsExactly(new VolumeMount("v", "/run/s"));
    }

    // ---- T: defaults and graph ----

    @Test
    void t1TaskEnvItemWithoutEqualsWhenMergingCliEnv() {
        LoadResult r = TaskFiles.loader().envDefaults(List.of("C=1")).build().load("env: [BAD]\nsteps:\n  - cmd: x\n", "acb.yaml");
        assertThat(r.errors()).extracting(Problem::message).first().asString()
                .startsWith("cannot parse step environment variable BAD correctly");
    }

    @Test
    void t1CliEnvItemWithoutEqualsSaysTask() {
        LoadResult r = TaskFiles.loader().envDefaults(List.of("A=1,oops")).build().load("steps:\n  - cmd: x\n", "acb.yaml");
        assertThat(r.errors()).extracting(Problem::toString).containsExactly(
                "<command line>: error: cannot parse task environment variable oops correctly (from --env; expected KEY=VALUE)");
    }

    @Test
    void t2InvalidVersion() {
        Problem p = onlyError("version: v2\n");
        assertThat(p.message()).isEqualTo("invalid version specified: \"v2\", the current version is \"v1.0.0\" "
                + "(accepted: v1.0.0, v1.1.0, 1.0-preview-1)");
        assertThat(p.location()).isEqualTo(new SourceLocation("acb.yaml", 1, 10));
    }

    @Test
    void t2VersionsAreComparedCaseInsensitively() {
        assertThat(ok("version: V1.1.0\n").version()).isEqualTo("V1.1.0");
        assertThat(ok("version: 1.0-PREVIEW-1\n").version()).isEqualTo("1.0-PREVIEW-1");
        assertThat(ok("").version()).isEqualTo("v1.0.0");
    }

    @Test
    void t3StepEnvItemWithoutEqualsWhenTheTaskHasEnv() {
        assertThat(onlyError("env: [A=1]\nsteps:\n  - cmd: x\n    env: [NOPE]\n").message())
                .isEqualTo("failed to merge task and step environment variables: cannot parse step environment variable NOPE correctly (expected KEY=VALUE)");
    }

    @Test
    void t3TaskEnvItemsAreSplitAtCommas() {
        Problem p = onlyError("env: [\"A=x,y\"]\nsteps:\n  - cmd: x\n  - cmd: z\n");
        assertThat(p.message()).startsWith("failed to merge task and step environment variables: cannot parse task environment variable y correctly");
    }

    @Test
    void t3MalformedStepEnvIsAcceptedWhenThereIsNothingToMerge() {
        assertThat(((ContainerStep) ok("steps:\n  - cmd: x\n    env: [NOPE]\n").steps().get(0)).container().env()).containsExactly("NOPE");
    }

    @Test
    void t5NegativeRetries() {
        assertThat(onlyError("steps:\n  - cmd: x\n    retries: -1\n").message()).isEqualTo("step must specify retries >= 0 (found -1)");
    }

    @Test
    void t6NegativeRepeat() {
        assertThat(onlyError("steps:\n  - cmd: x\n    repeat: -2\n").message()).isEqualTo("step must specify repeat >= 0 (found -2)");
    }

    @Test
    void t7MoreThanOneKindIsAtTheSecondKindsKey() {
        Problem p = onlyError("steps:\n  - cmd: x\n    build: .\n");
        assertThat(p.message()).isEqualTo("step must only contain a single build, cmd, or push property (found cmd and build)");
        assertThat(p.location()).isEqualTo(new SourceLocation("acb.yaml", 3, 5));
    }

    @Test
    void t8StepIdWithSpaces() {
        assertThat(onlyError("steps:\n  - id: my step\n    cmd: x\n").message()).isEqualTo("step ID cannot contain spaces (found \"my step\")");
    }

    @Test
    void t9NoKind() {
        assertThat(onlyError("steps:\n  - id: a\n").message()).isEqualTo("step is missing a cmd, build, or push property");
        assertThat(onlyError("steps:\n  - cmd: ''\n    push: []\n").message()).isEqualTo("step is missing a cmd, build, or push property");
    }

    @Test
    void t10MountsOnAPushStep() {
        assertThat(onlyError(VOL + "steps:\n  - push: [a]\n    volumeMounts:\n      - {name: v, mountPath: /s}\n").message())
                .startsWith("invalid use of Mounts. Mounts must have unique container paths and only used for cmd or build steps");
    }

    @Test
    void t11MountWithoutNameOrPath() {
        assertThat(onlyError(VOL + "steps:\n  - cmd: x\n    volumeMounts:\n      - {name: v}\n").message())
                .isEqualTo("mount name or mount path is empty");
    }

    @Test
    void t12DuplicateMountPath() {
        assertThat(onlyError(VOL + "steps:\n  - cmd: x\n    volumeMounts:\n      - {name: v, mountPath: /s}\n      - {name: v, mountPath: /s}\n").message())
                .isEqualTo("mount with duplicate container file path found (found \"/s\")");
    }

    @Test
    void t13ImmediateTokenWithOtherIds() {
        assertThat(onlyError("steps:\n  - id: a\n    cmd: x\n  - cmd: y\n    when: [\"-\", a]\n").message())
                .isEqualTo("step cannot contain other IDs in when if the immediate execution token is specified");
    }

    @Test
    void t14SelfReference() {
        assertThat(onlyError("steps:\n  - id: a\n    cmd: x\n    when: [a]\n").message()).isEqualTo("Step ID: a is self-referenced");
    }

    @Test
    void t14SelfReferenceOfAGeneratedId() {
        assertThat(onlyError("steps:\n  - cmd: x\n    when: [acb_step_0]\n").message()).isEqualTo("Step ID: acb_step_0 is self-referenced");
    }

    @Test
    void t15InvalidCache() {
        assertThat(onlyError("steps:\n  - build: .\n    cache: on\n").message())
                .isEqualTo("invalid value for cache property. Valid values are 'enabled', 'disabled' (found \"on\")");
        ok("steps:\n  - build: .\n    cache: ENABLED\n  - build: .\n    cache: Disabled\n");
    }

    @Test
    void t16ReservedRootId() {
        assertThat(onlyError("steps:\n  - id: acb_root\n    cmd: x\n").message()).isEqualTo("acb_root is a reserved ID, it can't be used");
    }

    @Test
    void t17DuplicateExplicitId() {
        assertThat(onlyError("steps:\n  - {id: a, cmd: x}\n  - {id: a, cmd: y}\n").message())
                .isEqualTo("a already exists as a vertex (first used by the step at line 2)");
    }

    @Test
    void t17GeneratedIdCollidesWithAnExplicitOne() {
        assertThat(onlyError("steps:\n  - {id: acb_step_1, cmd: x}\n  - cmd: y\n").message())
                .startsWith("acb_step_1 already exists as a vertex (the default id of step 1");
    }

    @Test
    void t18UnknownDependency() {
        assertThat(onlyError("steps:\n  - {id: build, cmd: x}\n  - {cmd: y, when: [biuld]}\n").message())
                .isEqualTo("biuld does not exist as a vertex [from: biuld, to: acb_step_1] (did you mean \"build\"?)");
    }

    @Test
    void t18DependencyOnALaterStepHasAHint() {
        Problem p = onlyError("steps:\n  - {id: a, cmd: x, when: [b]}\n  - {id: b, cmd: y}\n");
        assertThat(p.message()).isEqualTo("b does not exist as a vertex [from: b, to: a] "
                + "(steps may only depend on steps defined earlier in the file; b is defined at line 3)");
        assertThat(p.location()).isEqualTo(new SourceLocation("acb.yaml", 2, 28));
    }

    @Test
    void t19EmptyWhenEntry() {
        assertThat(onlyError("steps:\n  - {id: a, cmd: x}\n  - {cmd: y, when: [a, '']}\n").message()).isEqualTo("from cannot be empty");
    }

    @Test
    void duplicateDependencyIsAnErrorBecauseTheReferenceHangs() {
        assertThat(onlyError("steps:\n  - {id: a, cmd: x}\n  - {id: b, cmd: y, when: [a, a]}\n").message())
                .startsWith("dependency a is listed twice");
    }

    @Test
    void everyProblemIsReportedInCheckOrder() {
        assertThat(errors("version: v9\nsteps:\n  - id: a b\n    cmd: x\n    retries: -1\n  - {cmd: y, when: [nope]}\n"))
                .extracting(m -> m.substring(0, 20))
                .containsExactly("invalid version spec", "step must specify re", "step ID cannot conta",
                        "nope does not exist ");
    }
}
