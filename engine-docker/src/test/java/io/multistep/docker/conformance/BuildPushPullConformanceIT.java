package io.multistep.docker.conformance;

import static io.multistep.docker.conformance.ConformanceRuns.IMG;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.engine.RunResult;
import io.multistep.engine.StepStatus;
import io.multistep.engine.spi.ImageRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Build string parsing and contexts (execution.md §4.1, §4.4), push (§5) and pull: true (§3). */
@ExtendWith(DockerTestEnvironment.class)
class BuildPushPullConformanceIT {
    private static final String REG = DockerTestEnvironment.REGISTRY;
    @RegisterExtension
    static final ConformanceRuns runs = new ConformanceRuns();
    private static DockerClient docker;
    private final List<String> images = new ArrayList<>();

    @BeforeAll
    static void start(DockerTestEnvironment env) {
        docker = env.client();
    }

    @AfterEach
    void removeImages() {
        for (String i : images) {
            try {
                docker.removeImageCmd(i).withForce(true).exec();
            } catch (NotFoundException e) {
                // never made
            }
        }
    }

    private String image(String name) {
        String ref = name + "-" + runs.env().newRunId().toLowerCase(Locale.ROOT);
        images.add(ref + (ref.substring(ref.lastIndexOf('/') + 1).contains(":") ? "" : ":latest"));
        return ref;
    }

    @Test
    void buildStringFlagsReachTheBuildAndFileIsRelativeToTheWorkingDirectory(@TempDir Path ctx) throws Exception {
        Path wd = Files.createDirectories(ctx.resolve("wd"));
        Files.createDirectories(wd.resolve("app/sub"));
        Files.createDirectories(wd.resolve("outside"));
        String dockerfile = """
                FROM %s AS base
                ARG A
                ARG B
                RUN echo "A=$A B=$B" > /args
                FROM base AS final
                RUN echo final > /stage
                FROM base AS other
                RUN echo other > /stage
                """.formatted(IMG);
        Files.writeString(wd.resolve("app/sub/Dockerfile.custom"), dockerfile);
        Files.writeString(wd.resolve("outside/Dockerfile"), "FROM " + IMG + "\nCOPY hello.txt /hello.txt\n");
        Files.writeString(wd.resolve("app/hello.txt"), "from the context\n");
        String one = image("conf-one") + ":v1";
        images.set(images.size() - 1, one);
        String two = image("conf-two");
        String three = image("conf-three");
        String task = """
                steps:
                  - id: flags
                    workingDirectory: wd
                    build: -f app/sub/Dockerfile.custom --build-arg A=1 --build-arg=B=2 --target final --label conf.label=yes -t %2$s --tag %3$s app
                  - id: outsideFile
                    workingDirectory: wd
                    build: --file outside/Dockerfile -t %4$s app
                  - id: check
                    cmd: %2$s cat /args /stage
                  - id: checkTwo
                    cmd: %3$s cat /stage
                  - id: checkOutside
                    cmd: %4$s cat /hello.txt
                """.formatted(IMG, one, two, three);
        RunResult r = runs.run(task, ctx);

        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(r.step("check").outputTail()).containsExactly("A=1 B=2", "final");
        assertThat(r.step("checkTwo").outputTail()).containsExactly("final");
        assertThat(r.step("checkOutside").outputTail()).containsExactly("from the context");
        assertThat(docker.inspectImageCmd(one).exec().getConfig().getLabels()).containsEntry("conf.label", "yes");
        assertThat(r.step("flags").images()).extracting(ImageRecord::reference).containsExactly(one, two);
    }

    @Test
    void dotIsTheStepsWorkingDirectoryAndABuildSeesFilesAnEarlierStepWrote(@TempDir Path ctx) throws Exception {
        Files.createDirectories(ctx.resolve("app"));
        Files.writeString(ctx.resolve("app/Dockerfile"), "FROM " + IMG + "\nCOPY marker /marker\n");
        Files.writeString(ctx.resolve("app/marker"), "app folder\n");
        Files.writeString(ctx.resolve("Dockerfile"), "FROM " + IMG + "\nRUN echo root > /marker\n");
        String dot = image("conf-dot");
        String gen = image("conf-gen");
        String task = """
                steps:
                  - id: dot
                    workingDirectory: app
                    build: -t %2$s .
                  - id: write
                    cmd: >-
                      %1$s sh -c 'mkdir -p gen && printf "FROM %1$s\\nCOPY made.txt /made.txt\\n" > gen/Dockerfile
                      && echo made-by-a-step > gen/made.txt'
                  - id: genBuild
                    build: -t %3$s gen
                  - id: checkDot
                    cmd: %2$s cat /marker
                  - id: checkGen
                    cmd: %3$s cat /made.txt
                """.formatted(IMG, dot, gen);
        RunResult r = runs.run(task, ctx);

        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(r.step("checkDot").outputTail()).containsExactly("app folder");
        assertThat(r.step("checkGen").outputTail()).containsExactly("made-by-a-step");
    }

    @Test
    void pushNormalisesTheListAndRecordsTheRegistrysDigest(@TempDir Path ctx) throws Exception {
        String repo = image(REG + "/conf-push"); // no tag: a registry port counts as ':' → pushed as is (latest)
        String tagged = repo + ":t1";
        images.add(tagged);
        docker.tagImageCmd(IMG, repo, "latest").exec();
        docker.tagImageCmd(IMG, repo, "t1").exec();
        String task = """
                steps:
                  - id: push
                    push: ["%1$s", "%2$s", "%1$s", "%2$s"]
                """.formatted(repo, tagged);
        RunResult r = runs.run(task, ctx);

        assertThat(r.succeeded()).as("%s", r).isTrue();
        List<ImageRecord> pushed = r.step("push").images();
        assertThat(pushed).extracting(ImageRecord::reference).containsExactly(repo, tagged);
        String path = repo.substring(REG.length() + 1);
        for (String[] ref : new String[][] {{"latest", pushed.get(0).digest()}, {"t1", pushed.get(1).digest()}}) {
            HttpResponse<Void> resp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + REG + "/v2/" + path + "/manifests/" + ref[0]))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(resp.statusCode()).isEqualTo(200);
            assertThat(resp.headers().firstValue("Docker-Content-Digest")).hasValue(ref[1]);
        }
    }

    @Test
    void pullTrueFetchesTheImageFromItsRegistryAndRetriesTheDownload(@TempDir Path ctx) throws Exception {
        String repo = image(REG + "/conf-pull");
        docker.tagImageCmd(IMG, repo, "latest").exec();
        var cb = docker.pushImageCmd(repo).withTag("latest").start();
        cb.awaitCompletion(60, java.util.concurrent.TimeUnit.SECONDS);
        docker.removeImageCmd(repo + ":latest").exec();
        String missing = REG + "/conf-missing-" + runs.env().newRunId().toLowerCase(Locale.ROOT) + ":none";
        String task = """
                steps:
                  - id: pulled
                    pull: true
                    cmd: %1$s:latest echo pulled
                    when: ["-"]
                  - id: missing
                    pull: true
                    cmdDownloadRetries: 2
                    cmdDownloadRetryDelay: 1
                    retries: 2
                    repeat: 1
                    cmd: %2$s echo never
                    ignoreErrors: true
                    when: ["-"]
                """.formatted(repo, missing);
        RunResult r = runs.run(task, ctx);

        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(r.step("pulled").outputTail()).last().isEqualTo("pulled");
        assertThat(docker.inspectImageCmd(repo + ":latest").exec().getId()).isNotEmpty();
        assertThat(r.step("missing").status()).isEqualTo(StepStatus.FAILURE_IGNORED);
        // As the reference's `docker pull` container: the engine's error per attempt, then exit status 1.
        assertThat(r.step("missing").failure().orElseThrow().message()).isEqualTo("exit status 1");
        assertThat(r.step("missing").outputTail()).filteredOn(l -> l.startsWith("Error response from daemon: "))
                .hasSize(3).allMatch(l -> !l.contains("Status 500"));
        // The pull comes before the step's attempts (and its retry and repeat loops): its failure ends the step.
        assertThat(r.step("missing").attempts()).isZero();
    }
}
