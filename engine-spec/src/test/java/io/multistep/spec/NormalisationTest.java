package io.multistep.spec;

import static io.multistep.spec.Fixtures.first;
import static io.multistep.spec.Fixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Defaults and normalisation of task-format.md §4–§7. */
class NormalisationTest {

    private static Task load(TaskFiles.LoaderBuilder b, String yaml) {
        LoadResult r = b.build().load(yaml, "acb.yaml");
        assertThat(r.problems()).isEmpty();
        return r.task();
    }

    @Test
    void stepTimeoutDefaultsTo600AndNonPositiveBecomes600() {
        assertThat(ok("steps: []\n").stepTimeout()).isEqualTo(600);
        assertThat(ok("stepTimeout: 0\n").stepTimeout()).isEqualTo(600);
        assertThat(ok("stepTimeout: -5\n").stepTimeout()).isEqualTo(600);
        assertThat(ok("stepTimeout: 30\n").stepTimeout()).isEqualTo(30);
    }

    @Test
    void nonPositiveTimeoutTakesTheTaskStepTimeout() {
        Task t = ok("stepTimeout: 90\nsteps:\n  - cmd: a\n  - {cmd: b, timeout: 0}\n  - {cmd: c, timeout: -1}\n  - {cmd: d, timeout: 7}\n");
        assertThat(t.steps()).extracting(s -> s.schedule().timeout()).containsExactly(90, 90, 90, 7);
    }

    @Test
    void nonPositiveRetryDelayBecomesFive() {
        Task t = ok("steps:\n  - cmd: a\n  - {cmd: b, retryDelay: 0}\n  - {cmd: c, retryDelay: -3}\n  - {cmd: d, retryDelay: 2}\n");
        assertThat(t.steps()).extracting(s -> s.schedule().retryDelay()).containsExactly(5, 5, 5, 2);
    }

    @Test
    void otherStepOptionsKeepTheReferenceDefaults() {
        CmdStep c = (CmdStep) first(ok("steps:\n  - cmd: a\n"));
        assertThat(c.schedule().retries()).isZero();
        assertThat(c.schedule().repeat()).isZero();
        assertThat(c.schedule().startDelay()).isZero();
        assertThat(c.cmdDownloadRetries()).isZero();
        assertThat(c.cmdDownloadRetryDelay()).isZero();
        assertThat(c.container().keep()).isFalse();
        assertThat(((BuildStep) first(ok("steps:\n  - build: .\n"))).cache()).isEmpty();
        assertThat(c.container().workingDirectory()).isEmpty();
    }

    @Test
    void defaultIdsAreAcbStepWithTheZeroBasedPosition() {
        Task t = ok("steps:\n  - cmd: a\n  - {id: named, cmd: b}\n  - cmd: c\n");
        assertThat(t.steps()).extracting(Step::id).containsExactly("acb_step_0", "named", "acb_step_2");
    }

    @Test
    void stepsInheritTheTaskWorkingDirectory() {
        Task t = ok("workingDirectory: /src\nsteps:\n  - cmd: a\n  - {cmd: b, workingDirectory: other}\n");
        assertThat(t.steps()).extracting(s -> ((ContainerStep) s).container().workingDirectory()).containsExactly("/src", "other");
    }

    @Test
    void cliWorkingDirectoryIsUsedOnlyWhenTheFileHasNone() {
        TaskFiles.LoaderBuilder b = TaskFiles.loader().workingDirectoryDefault("/cli");
        assertThat(((ContainerStep) first(load(b, "steps:\n  - cmd: a\n"))).container().workingDirectory()).isEqualTo("/cli");
        assertThat(load(b, "workingDirectory: ''\n").workingDirectory()).isEqualTo("/cli");
        assertThat(((ContainerStep) first(load(b, "workingDirectory: /file\nsteps:\n  - cmd: a\n"))).container().workingDirectory()).isEqualTo("/file");
    }

    @Test
    void withoutNetworksTheDefaultBridgeNetworkIsAddedAndUsed() {
        Task t = ok("steps:\n  - cmd: a\n  - {cmd: b, network: host}\n");
        assertThat(t.networks()).containsExactly(new Network("acb_default_network", "bridge", false, false, true, SourceLocation.UNKNOWN));
        assertThat(t.steps()).extracting(s -> ((ContainerStep) s).container().network()).containsExactly("acb_default_network", "host");
    }

    @Test
    void isBuildTaskSuppressesTheDefaultNetwork() {
        Task t = ok("isbuildtask: true\nsteps:\n  - cmd: a\n");
        assertThat(t.networks()).isEmpty();
        assertThat(((ContainerStep) first(t)).container().network()).isEmpty();
    }

    @Test
    void cliNetworkIsAppendedAsExternalDefault() {
        Task t = load(TaskFiles.loader().networkDefault("mynet"), "networks:\n  - {name: n1, isDefault: true}\nsteps:\n  - cmd: a\n");
        assertThat(t.networks()).hasSize(2);
        Network cli = t.networks().get(1);
        assertThat(cli.name()).isEqualTo("mynet");
        assertThat(cli.driver()).isEqualTo("external");
        assertThat(cli.skipCreation()).isTrue();
        assertThat(cli.isDefault()).isTrue();
        assertThat(((ContainerStep) first(t)).container().network()).isEqualTo("mynet");
    }

    @Test
    void defaultNetworkIsTheLastOneMarkedDefault() {
        Task t = ok("networks:\n  - {name: a, isDefault: true}\n  - {name: b, isDefault: true, driver: overlay, ipv6: true}\n  - {name: c}\nsteps:\n  - cmd: x\n");
        assertThat(((ContainerStep) first(t)).container().network()).isEqualTo("b");
        assertThat(t.defaultNetwork()).map(Network::name).contains("b");
        assertThat(t.networks().get(1).location()).isEqualTo(new SourceLocation("acb.yaml", 3, 5));
    }

    @Test
    void declaredNetworksWithoutDefaultLeaveStepsWithoutNetwork() {
        Task t = ok("networks:\n  - name: a\nsteps:\n  - cmd: x\n");
        assertThat(t.networks()).hasSize(1);
        assertThat(((ContainerStep) first(t)).container().network()).isEmpty();
    }

    @Test
    void envMergeFollowsTheVerifiedExample() {
        Task t = load(TaskFiles.loader().envDefaults(List.of("A=cli,D=cli", "E=cli")),
                "env: [A=task, B=task]\nsteps:\n  - cmd: x\n    env: [A=step, C=step]\n");
        assertThat(t.env()).containsExactly("A=task", "B=task", "D=cli", "E=cli");
        assertThat(((ContainerStep) first(t)).container().env()).containsExactly("A=step", "C=step", "B=task", "D=cli", "E=cli");
    }

    @Test
    void taskEnvItemsAreSplitAtCommasForSteps() {
        Task t = ok("env: [\"A=1,B=2\"]\nsteps:\n  - cmd: x\n");
        assertThat(t.env()).containsExactly("A=1,B=2");
        assertThat(((ContainerStep) first(t)).container().env()).containsExactly("A=1", "B=2");
    }

    @Test
    void duplicateEnvKeysArePassedThrough() {
        assertThat(((ContainerStep) first(ok("steps:\n  - cmd: x\n    env: [A=1, A=2]\n"))).container().env()).containsExactly("A=1", "A=2");
    }

    @Test
    void buildTagsAndBuildArgsAreTakenFromTheBuildText() {
        BuildStep b = (BuildStep) first(ok("steps:\n  - build: -t a:1 --tag b:2 --build-arg X=1 --build-arg=Y=2 -f Dockerfile .\n"));
        assertThat(b.tags()).containsExactly("a:1", "b:2");
        assertThat(b.buildArgs()).containsExactly("X=1");
    }

    @Test
    void buildTagsAreEveryTagDockerApplies() {
        BuildStep b = (BuildStep) first(ok("steps:\n  - build: -t a:1 --tag b:2 --tag=c:3 -td:4 \"-t\" 'e 5' .\n"));
        assertThat(b.tags()).containsExactly("a:1", "b:2", "c:3", "d:4", "e 5");
        assertThat(b.arguments().tags()).isEqualTo(b.tags());
        assertThat(b.arguments().context()).isEqualTo(".");
    }

    @Test
    void cmdIsSplitIntoImageAndArgumentsOnce() {
        CmdStep c = (CmdStep) first(ok("steps:\n  - cmd: img sh -c 'echo \"$HOME\"' x\\ y\n"));
        assertThat(c.image()).isEqualTo("img");
        assertThat(c.args()).containsExactly("sh", "-c", "echo \"$HOME\"", "x y");
    }

    @Test
    void hiddenTagsKeyOverridesParsedTags() {
        BuildStep b = (BuildStep) first(ok("steps:\n  - build: -t a:1 .\n    tags: [z:9]\n"));
        assertThat(b.tags()).containsExactly("z:9");
    }

    @Test
    void buildStepUsesBuildKitWithTheExactEnvItem() {
        Task t = ok("steps:\n  - {build: ., env: [DOCKER_BUILDKIT=1]}\n  - {build: ., env: [DOCKER_BUILDKIT=true]}\n");
        assertThat(((BuildStep) t.steps().get(0)).usesBuildKit()).isTrue();
        assertThat(((BuildStep) t.steps().get(1)).usesBuildKit()).isFalse();
    }

    @Test
    void pushAppendsLatestTagAndDropsDuplicates() {
        PushStep p = (PushStep) first(ok("steps:\n  - push: [img, \"img:latest\", \"localhost:5000/foo\", \"a@sha256:abc\", img]\n"));
        assertThat(p.images()).containsExactly("img:latest", "localhost:5000/foo", "a@sha256:abc");
    }

    @Test
    void stepKindFollowsTheNonEmptyProperty() {
        Task t = ok("steps:\n  - cmd: x\n  - build: .\n  - push: [a]\n  - {cmd: y, push: []}\n");
        assertThat(t.steps()).extracting(Step::kind).containsExactly(StepKind.CMD, StepKind.BUILD, StepKind.PUSH, StepKind.CMD);
    }

    @Test
    void allStepPropertiesAreRead() {
        CmdStep c = (CmdStep) first(ok("steps:\n  - cmd: x\n    entryPoint: sh\n    user: root\n    isolation: hyperv\n    cpus: '2'\n"
                + "    ports: ['80:80']\n    expose: ['90']\n    privileged: true\n    keep: true\n    detach: true\n"
                + "    disableWorkingDirectoryOverride: true\n    pull: true\n    cmdDownloadRetries: 2\n    cmdDownloadRetryDelay: 3\n"
                + "    startDelay: 4\n    retries: 5\n    retryOnErrors: [boom]\n    repeat: 6\n    ignoreErrors: true\n"
                + "    exitedWith: [0, 1]\n    exitedWithout: [2]\n"));
        assertThat(c.entryPoint()).isEqualTo("sh");
        assertThat(c.container().user()).isEqualTo("root");
        assertThat(c.container().isolation()).isEqualTo("hyperv");
        assertThat(c.container().cpus()).isEqualTo("2");
        assertThat(c.container().ports()).containsExactly("80:80");
        assertThat(c.container().expose()).containsExactly("90");
        assertThat(c.container().privileged() && c.container().keep() && c.container().detach() && c.container().disableWorkingDirectoryOverride() && c.pull() && c.schedule().ignoreErrors()).isTrue();
        assertThat(List.of(c.cmdDownloadRetries(), c.cmdDownloadRetryDelay(), c.schedule().startDelay(), c.schedule().retries(), c.schedule().repeat()))
                .containsExactly(2, 3, 4, 5, 6);
        assertThat(c.schedule().retryOnErrors()).containsExactly("boom");
        assertThat(c.schedule().exitedWith()).containsExactly(0, 1);
        assertThat(c.schedule().exitedWithout()).containsExactly(2);
    }

    @Test
    void stepLocationsAreAuthoredPositions() {
        Task t = ok("steps:\n  - cmd: a\n\n  - id: b\n    cmd: b\n");
        assertThat(t.steps()).extracting(Step::location).containsExactly(
                new SourceLocation("acb.yaml", 2, 5), new SourceLocation("acb.yaml", 4, 5));
    }

    @Test
    void secretsAreKeptWithTheirLocation() {
        Task t = ok("secrets:\n  - id: s\n    keyvault: https://v.vault.azure.net/secrets/x\n    clientID: 7b7d2c3e-4a26-4f73-9f5b-2d1f7d6c0a11\n");
        assertThat(t.secrets()).containsExactly(new Secret("s", "https://v.vault.azure.net/secrets/x",
                "7b7d2c3e-4a26-4f73-9f5b-2d1f7d6c0a11", "", new SourceLocation("acb.yaml", 2, 5)));
    }
}
