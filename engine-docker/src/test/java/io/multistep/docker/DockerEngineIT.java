package io.multistep.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.model.WaitResponse;
import io.multistep.docker.testing.DockerTestEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The foundation: the engine, the base image and the registry work through docker-java, the way the
 * runtime uses them.
 */
@ExtendWith(DockerTestEnvironment.class)
class DockerEngineIT {

    @Test
    void runsAContainerAndReadsItsOutput(DockerClient docker) throws Exception {
        String id = docker.createContainerCmd(DockerTestEnvironment.BASE_IMAGE)
                .withCmd("echo", "hello")
                .exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            int code;
            try (var wait = docker.waitContainerCmd(id).exec(new ResultCallback.Adapter<WaitResponse>() {
                volatile Integer status;

                @Override
                public void onNext(WaitResponse r) {
                    status = r.getStatusCode();
                }
            })) {
                assertThat(wait.awaitCompletion(30, TimeUnit.SECONDS)).isTrue();
                code = wait.status;
            }
            assertThat(code).isZero();
            StringBuilder out = new StringBuilder();
            try (var logs = docker.logContainerCmd(id).withStdOut(true).withStdErr(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame f) {
                            out.append(new String(f.getPayload(), StandardCharsets.UTF_8));
                        }
                    })) {
                assertThat(logs.awaitCompletion(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(out.toString()).isEqualTo("hello\n");
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    @Test
    void buildsAnImageAndPushesItToTheLocalRegistry(DockerClient docker) throws Exception {
        String repo = "multistep-it/engine";
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String ref = DockerTestEnvironment.REGISTRY + "/" + repo + ":" + tag;

        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            byte[] dockerfile = ("FROM " + DockerTestEnvironment.BASE_IMAGE + "\nLABEL test=engine-it\n")
                    .getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry("Dockerfile");
            e.setSize(dockerfile.length);
            out.putArchiveEntry(e);
            out.write(dockerfile);
            out.closeArchiveEntry();
        }
        String imageId;
        try (var build = docker.buildImageCmd(new ByteArrayInputStream(tar.toByteArray()))
                .withTags(Set.of(ref)).exec(new BuildImageResultCallback())) {
            imageId = build.awaitImageId(60, TimeUnit.SECONDS);
        }
        try {
            assertThat(imageId).isNotBlank();
            try (var push = docker.pushImageCmd(DockerTestEnvironment.REGISTRY + "/" + repo).withTag(tag)
                    .exec(new ResultCallback.Adapter<PushResponseItem>())) {
                assertThat(push.awaitCompletion(60, TimeUnit.SECONDS)).isTrue();
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> tags = http.send(HttpRequest.newBuilder(
                            URI.create("http://" + DockerTestEnvironment.REGISTRY + "/v2/" + repo + "/tags/list"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tags.statusCode()).isEqualTo(200);
            assertThat(tags.body()).contains("\"" + tag + "\"");
        } finally {
            docker.removeImageCmd(ref).withForce(true).exec();
        }
    }
}
