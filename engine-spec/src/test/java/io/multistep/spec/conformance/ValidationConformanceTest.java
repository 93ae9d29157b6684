package io.multistep.spec.conformance;

import static io.multistep.spec.conformance.Conf.ctx;
import static io.multistep.spec.conformance.Conf.errors;
import static io.multistep.spec.conformance.Conf.firstError;
import static io.multistep.spec.conformance.Conf.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.spec.BuildStep;
import io.multistep.spec.LoadResult;
import io.multistep.spec.Network;
import io.multistep.spec.PushStep;
import io.multistep.spec.Task;
import io.multistep.spec.TaskFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** task-format.md §2, §4–§9 and errors.md S/V/T: parse, validate, normalise. */
class ValidationConformanceTest {

    private static LoadResult loadWith(String text, List<String> env, String network, String wd) {
        return TaskFiles.loader().renderContext(ctx().build()).envDefaults(env).networkDefault(network)
                .workingDirectoryDefault(wd).build().load(text, "acb.yaml");
    }

    // §2 YAML rules

    @Test
    void emptyDocumentIsZeroStepsSuccess() {
        assertThat(ok("").steps()).isEmpty();
        assertThat(ok("\n\n").steps()).isEmpty();
        assertThat(ok("steps:\n").steps()).isEmpty();
    }

    @Test
    void typeMismatchesAreYamlUnmarshalErrors() {
        assertThat(firstError("stepTimeout: abc\n")).contains("cannot unmarshal !!str `abc` into int");
        assertThat(firstError("steps:\n  - cmd: x\n    timeout: \"30\"\n")).contains("cannot unmarshal !!str `30` into int");
        assertThat(firstError("steps: [a\n")).startsWith("yaml: ");
    }

    @Test
    void unknownKeysAreIgnored() {
        Task t = ok("totalTimeout: 5\nfoo: bar\nsteps:\n  - cmd: x\n    secret: s\n    volumeMount: v\n    exitedWith: [1]\n");
        assertThat(t.steps()).hasSize(1);
    }

    @Test
    void yaml11Booleans() {
        Task t = ok("steps:\n  - cmd: x\n    privileged: yes\n    keep: On\n    detach: NO\n");
        assertThat(((io.multistep.spec.ContainerStep) t.steps().get(0)).container().privileged()).isTrue();
        assertThat(((io.multistep.spec.ContainerStep) t.steps().get(0)).container().keep()).isTrue();
        assertThat(((io.multistep.spec.ContainerStep) t.steps().get(0)).container().detach()).isFalse();
    }

    // §4 defaults

    @Test
    void taskDefaults() {
        Task t = ok("steps:\n  - cmd: x\n    retryDelay: -1\n  - cmd: y\n    timeout: 7\n    retryDelay: 2\n");
        assertThat(t.version()).isIn("", "v1.0.0");
        assertThat(t.stepTimeout()).isEqualTo(600);
        assertThat(t.steps().get(0).schedule().timeout()).isEqualTo(600);
        assertThat(t.steps().get(0).schedule().retryDelay()).isEqualTo(5);
        assertThat(t.steps().get(1).schedule().timeout()).isEqualTo(7);
        assertThat(t.steps().get(1).schedule().retryDelay()).isEqualTo(2);
        assertThat(((io.multistep.spec.ContainerStep) t.steps().get(0)).container().network()).isEqualTo("acb_default_network");
        assertThat(t.steps().get(0).id()).isEqualTo("acb_step_0");
        assertThat(ok("stepTimeout: -5\nsteps:\n  - cmd: x\n    timeout: 0\n").steps().get(0).schedule().timeout()).isEqualTo(600);
        assertThat(ok("stepTimeout: 30\nsteps:\n  - cmd: x\n").steps().get(0).schedule().timeout()).isEqualTo(30);
    }

    @Test
    void workingDirectoryDefaults() {
        Task t = loadWith("steps:\n  - cmd: x\n  - cmd: y\n    workingDirectory: own\n", List.of(), "", "/cli").orThrow();
        assertThat(((io.multistep.spec.ContainerStep) t.steps().get(0)).container().workingDirectory()).isEqualTo("/cli");
        assertThat(((io.multistep.spec.ContainerStep) t.steps().get(1)).container().workingDirectory()).isEqualTo("own");
        Task t2 = loadWith("workingDirectory: file\nsteps:\n  - cmd: x\n", List.of(), "", "/cli").orThrow();
        assertThat(((io.multistep.spec.ContainerStep) t2.steps().get(0)).container().workingDirectory()).isEqualTo("file");
        assertThat(((io.multistep.spec.ContainerStep) ok("steps:\n  - cmd: x\n").steps().get(0)).container().workingDirectory()).isEmpty();
    }

    // §4.1 secrets: a file with secrets always gets the first render pass, so S-x surface as R-6

    private static final String R6 = "failed to resolve secrets in the task with error: failed to parse template to create task: ";

    @Test
    void secretValidationOrderAndMessages() {
        assertThat(firstError("secrets:\n  - keyvault: https://v.vault.azure.net/secrets/a\n"))
                .startsWith(R6 + "secret is missing an ID as well as auto-generated ID");
        assertThat(firstError("secrets:\n  - id: \"a b\"\n")).startsWith(R6 + "failed to validate secret with ID: a b: secret ID cannot contain spaces");
        assertThat(firstError("secrets:\n  - id: a\n    clientID: nope\n")).startsWith(R6 + 
                "failed to validate secret with ID: a: secret should contain either keyvault property for vault secret, or msi clientID/aadResourceId for msi authentication");
        assertThat(firstError("secrets:\n  - id: a\n    keyvault: https://v.vault.azure.net/secrets/a\n    clientID: nope\n"))
                .startsWith(R6 + "failed to validate secret with ID: a: msi client ID is not a valid guid");
        assertThat(firstError("secrets:\n  - id: a\n    keyvault: k\n  - id: a\n    keyvault: k\n"))
                .startsWith(R6 + "duplicate secret found with ID: a");
        // the hidden MSI field satisfies the source check
        assertThat(ok("secrets:\n  - id: reg\n    aadresourceid: https://management.azure.com\n").secrets()).hasSize(1);
        assertThat(ok("secrets:\n  - id: a\n    keyvault: k\n    clientID: 3fa85f64-5717-4562-b3fc-2c963f66afa6\n").secrets()).hasSize(1);
    }

    @Test
    void aDuplicateSecretIdIsReportedBeforeProblemsOfLaterSecrets() {
        // graph/task.go Validate checks each secret, then its id against the earlier ones, in list order
        assertThat(firstError("secrets:\n  - id: a\n    keyvault: k\n  - id: a\n    keyvault: k\n  - id: b\n"))
                .startsWith(R6 + "duplicate secret found with ID: a");
        assertThat(firstError("secrets:\n  - id: a\n    keyvault: k\n  - id: a\n    keyvault: k\n  - id: \"\"\n"))
                .startsWith(R6 + "duplicate secret found with ID: a");
    }

    // §4.2 networks

    @Test
    void defaultNetworkResolution() {
        Task t = ok("networks:\n  - name: n1\n    isDefault: true\n  - name: n2\n    isDefault: true\n  - name: n3\nsteps:\n  - cmd: x\n  - cmd: y\n    network: own\n");
        assertThat(((io.multistep.spec.ContainerStep) t.steps().get(0)).container().network()).isEqualTo("n2");
        assertThat(((io.multistep.spec.ContainerStep) t.steps().get(1)).container().network()).isEqualTo("own");
        Task none = ok("networks:\n  - name: n1\nsteps:\n  - cmd: x\n");
        assertThat(((io.multistep.spec.ContainerStep) none.steps().get(0)).container().network()).isEmpty();
        Task cli = loadWith("networks:\n  - name: n1\n    isDefault: true\nsteps:\n  - cmd: x\n", List.of(), "clinet", "").orThrow();
        assertThat(((io.multistep.spec.ContainerStep) cli.steps().get(0)).container().network()).isEqualTo("clinet");
        Network ext = cli.networks().get(cli.networks().size() - 1);
        assertThat(ext.name()).isEqualTo("clinet");
        assertThat(ext.driver()).isEqualTo("external");
        assertThat(ext.skipCreation()).isTrue();
        Task def = ok("steps:\n  - cmd: x\n");
        assertThat(def.networks()).singleElement().satisfies(n -> {
            assertThat(n.name()).isEqualTo("acb_default_network");
            assertThat(n.driver()).isEqualTo("bridge");
            assertThat(n.isDefault()).isTrue();
        });
        assertThat(ok("isbuildtask: true\nsteps:\n  - cmd: x\n").networks()).isEmpty();
        assertThat(ok("networks:\n  - name: \"\"\nsteps: []\n").networks()).hasSize(1);
    }

    // §4.3 volumes

    @Test
    void volumeValidationOrderAndMessages() {
        assertThat(firstError("volumes:\n  - secret: {a: YQ==}\n")).startsWith("volume name is empty");
        assertThat(firstError("volumes:\n  - name: a.b\n    secret: {a: YQ==}\n")).startsWith("volume name is not well formed. Only use alphanumeric and - _");
        assertThat(firstError("volumes:\n  - name: v\n")).startsWith("currently only support for source type secret");
        assertThat(firstError("volumes:\n  - name: v\n    secret: {}\n")).startsWith("secret is empty");
        assertThat(firstError("volumes:\n  - name: v\n    secret: {\"\": YQ==}\n")).startsWith("secret name provided for value is empty");
        assertThat(firstError("volumes:\n  - name: v\n    secret: {\"a/b\": YQ==}\n")).startsWith("file name, a/b, is not well formed. Only use alphanumeric and - _ .");
        assertThat(firstError("volumes:\n  - name: v\n    secret: {a: YQ==}\n  - name: v\n    secret: {b: YQ==}\n")).startsWith("volume with duplicate name found");
        // per-volume checks before the duplicate check
        assertThat(firstError("volumes:\n  - name: v\n    secret: {a: YQ==}\n  - name: v\n    secret: {}\n")).startsWith("secret is empty");
        assertThat(firstError("volumes:\n  - name: v\n    secret: {a: YQ==}\nsteps:\n  - cmd: x\n    volumeMounts:\n      - name: w\n        mountPath: /m\n"))
                .startsWith("mount name, w, does not correspond to a volume");
        // mount names are checked for every step before step validation
        assertThat(firstError("steps:\n  - cmd: x\n    retries: -1\n  - cmd: y\n    volumeMounts:\n      - name: w\n        mountPath: /m\n"))
                .startsWith("mount name, w, does not correspond to a volume");
        // secrets before volumes
        assertThat(firstError("volumes:\n  - name: \"\"\nsecrets:\n  - id: \"\"\n")).startsWith(R6 + "secret is missing an ID");
    }

    @Test
    void aDuplicateVolumeNameIsReportedBeforeProblemsOfLaterVolumes() {
        // ValidateVolumeMounts checks each volume, then its name against the earlier ones, in list order
        assertThat(firstError("volumes:\n  - name: v\n    secret: {a: YQ==}\n  - name: v\n    secret: {a: YQ==}\n"
                + "  - name: w.x\n    secret: {a: YQ==}\n")).startsWith("volume with duplicate name found");
        assertThat(firstError("volumes:\n  - name: v\n    secret: {a: YQ==}\n  - name: v\n    secret: {a: YQ==}\n"
                + "  - name: w\n")).startsWith("volume with duplicate name found");
    }

    // §5 steps

    @Test
    void stepTypeRules() {
        assertThat(firstError("steps:\n  - cmd: x\n    build: .\n")).startsWith("step must only contain a single build, cmd, or push property");
        assertThat(firstError("steps:\n  - id: a\n")).startsWith("step is missing a cmd, build, or push property");
        assertThat(firstError("steps:\n  - cmd: \"\"\n    push: []\n")).startsWith("step is missing a cmd, build, or push property");
        assertThat(ok("steps:\n  - cmd: \"\"\n    build: \"\"\n    push: [a]\n").steps().get(0)).isInstanceOf(PushStep.class);
    }

    @Test
    void stepValidationOrder() {
        // retries before repeat before type before id whitespace
        assertThat(firstError("steps:\n  - id: \"a b\"\n    cmd: x\n    build: y\n    retries: -1\n    repeat: -1\n")).startsWith("step must specify retries >= 0");
        assertThat(firstError("steps:\n  - id: \"a b\"\n    cmd: x\n    build: y\n    repeat: -1\n")).startsWith("step must specify repeat >= 0");
        assertThat(firstError("steps:\n  - id: \"a b\"\n    cmd: x\n    build: y\n")).startsWith("step must only contain a single build, cmd, or push property");
        assertThat(firstError("steps:\n  - id: \"a\\tb\"\n")).startsWith("step ID cannot contain spaces");
        assertThat(firstError("steps:\n  - id: \"a\\u00a0b\"\n    cmd: x\n")).startsWith("step ID cannot contain spaces");
        assertThat(firstError("steps:\n  - push: [a]\n    volumeMounts:\n      - name: v\n        mountPath: /m\nvolumes:\n  - name: v\n    secret: {a: YQ==}\n"))
                .startsWith("invalid use of Mounts. Mounts must have unique container paths and only used for cmd or build steps");
        assertThat(firstError("steps:\n  - cmd: x\n    volumeMounts:\n      - name: v\nvolumes:\n  - name: v\n    secret: {a: YQ==}\n"))
                .startsWith("mount name or mount path is empty");
        assertThat(firstError("steps:\n  - cmd: x\n    volumeMounts:\n      - name: v\n        mountPath: /m\n      - name: v\n        mountPath: /m\nvolumes:\n  - name: v\n    secret: {a: YQ==}\n"))
                .startsWith("mount with duplicate container file path found");
        assertThat(firstError("steps:\n  - cmd: x\n    when: [\"-\", a]\n    cache: bad\n")).startsWith("step cannot contain other IDs in when if the immediate execution token is specified");
        assertThat(firstError("steps:\n  - id: a\n    cmd: x\n    when: [a]\n    cache: bad\n")).startsWith("Step ID: a is self-referenced");
        assertThat(firstError("steps:\n  - build: .\n    cache: bad\n")).startsWith("invalid value for cache property. Valid values are 'enabled', 'disabled'");
        assertThat(ok("steps:\n  - build: .\n    cache: ENABLED\n  - build: .\n    cache: Disabled\n").steps()).hasSize(2);
        assertThat(firstError("steps:\n  - id: acb_root\n    cmd: x\n")).startsWith("acb_root is a reserved ID, it can't be used");
        assertThat(firstError("steps:\n  - cmd: x\n  - id: acb_step_0\n    cmd: y\n")).startsWith("acb_step_0 already exists as a vertex");
    }

    @Test
    void firstFailingStepWins() {
        assertThat(errors("steps:\n  - cmd: x\n    repeat: -1\n  - cmd: y\n    retries: -1\n").get(0)).startsWith("step must specify repeat >= 0");
    }

    // §6 normalisation

    @Test
    void buildTagsAndArgsAndPushNormalisation() {
        Task t = ok("steps:\n  - build: -t a:1 --tag b --build-arg X=1 --build-arg=Y=2 -f \"q r\" .\n"
                + "  - push: [img, img:latest, \"localhost:5000/foo\", \"a@sha256:abc\", img]\n"
                + "  - build: -t ignored .\n    tags: [hidden]\n");
        BuildStep b = (BuildStep) t.steps().get(0);
        assertThat(b.tags()).containsExactly("a:1", "b");
        assertThat(b.buildArgs()).containsExactly("X=1");
        assertThat(((PushStep) t.steps().get(1)).images()).containsExactly("img:latest", "localhost:5000/foo", "a@sha256:abc");
        assertThat(((BuildStep) t.steps().get(2)).tags()).containsExactly("hidden");
    }

    // §7 env

    @Test
    void verifiedEnvMergeExample() {
        Task t = loadWith("env: [A=task, B=task]\nsteps:\n  - cmd: x\n    env: [A=step, C=step]\n", List.of("A=cli,D=cli", "E=cli"), "", "").orThrow();
        assertThat(((io.multistep.spec.ContainerStep) t.steps().get(0)).container().env()).containsExactly("A=step", "C=step", "B=task", "D=cli", "E=cli");
    }

    @Test
    void envErrors() {
        assertThat(loadWith("env: [bad]\nsteps: []\n", List.of("A=1"), "", "").errors().get(0).message())
                .startsWith("cannot parse step environment variable bad correctly");
        assertThat(loadWith("steps: []\n", List.of("bad"), "", "").errors().get(0).message())
                .startsWith("cannot parse task environment variable bad correctly");
        assertThat(firstError("env: [\"A=x,y\"]\nsteps:\n  - cmd: x\n")).startsWith(
                "failed to merge task and step environment variables: cannot parse task environment variable y correctly");
        assertThat(firstError("env: [A=1]\nsteps:\n  - cmd: x\n    env: [bad]\n")).startsWith(
                "failed to merge task and step environment variables: cannot parse step environment variable bad correctly");
        // no task/CLI env: malformed step items are never parsed
        assertThat(((io.multistep.spec.ContainerStep) ok("steps:\n  - cmd: x\n    env: [bad]\n").steps().get(0)).container().env()).containsExactly("bad");
        // duplicates pass through
        assertThat(((io.multistep.spec.ContainerStep) ok("env: [A=1]\nsteps:\n  - cmd: x\n    env: [A=2, A=3]\n").steps().get(0)).container().env()).containsExactly("A=2", "A=3");
    }

    // §8 graph

    @Test
    void graphRules() {
        Task t = ok("steps:\n  - build: .\n  - cmd: x\n  - push: [a]\n  - cmd: az\n    when: [\"-\"]\n  - cmd: after\n");
        assertThat(t.steps().get(0).schedule().dependencies()).isEmpty();
        assertThat(t.steps().get(1).schedule().dependencies()).containsExactly("acb_step_0");
        assertThat(t.steps().get(2).schedule().dependencies()).containsExactly("acb_step_1");
        assertThat(t.steps().get(3).schedule().dependencies()).isEmpty();
        // previous step in the file whatever its own when was
        assertThat(t.steps().get(4).schedule().dependencies()).containsExactly("acb_step_3");
        assertThat(ok("steps:\n  - cmd: x\n    when: []\n").steps().get(0).schedule().dependencies()).isEmpty();
        assertThat(firstError("steps:\n  - id: a\n    cmd: x\n    when: [b]\n  - id: b\n    cmd: y\n"))
                .startsWith("b does not exist as a vertex [from: b, to: a]");
        assertThat(firstError("steps:\n  - id: a\n    cmd: x\n    when: [\"\"]\n")).startsWith("from cannot be empty");
    }

    @Test
    void theRootIdIsAValidDependency() {
        // graph/dag.go validateFromAndTo: "acb_root" names the graph's root, which always exists
        Task t = ok("steps:\n  - id: a\n    cmd: x\n  - id: b\n    cmd: y\n    when: [acb_root]\n"
                + "  - id: c\n    cmd: z\n    when: [acb_root, a]\n");
        assertThat(t.steps().get(1).schedule().dependencies()).isEmpty();
        assertThat(t.steps().get(2).schedule().dependencies()).containsExactly("a");
        assertThat(t.steps().get(1).schedule().when()).containsExactly("acb_root");
        assertThat(firstError("steps:\n  - cmd: x\n    when: [acb_root, acb_root]\n"))
                .startsWith("dependency acb_root is listed twice");
    }
}
