package io.multistep.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.engine.spi.ImageDependency.ImageName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Digests are taken from the image's own repository only, as the reference's getRepoDigest does. */
class RepoDigestsTest {
    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "b".repeat(64);

    private static ImageName name(String reference) {
        return DependencyScanner.name(reference, r -> "");
    }

    @Test
    void anotherRepositorysOnlyDigestIsNotTaken() {
        assertThat(RepoDigests.match(List.of("127.0.0.1:5000/other@" + A), name("multistep-it/base:1"))).isEmpty();
        assertThat(RepoDigests.match(List.of("127.0.0.1:5000/app-old@" + A), name("127.0.0.1:5000/app:1"))).isEmpty();
    }

    @Test
    void theEntryOfTheSameRepositoryIsTakenAmongSeveral() {
        List<String> digests = List.of("127.0.0.1:5000/other@" + A, "127.0.0.1:5000/team/app@" + B);
        assertThat(RepoDigests.match(digests, name("127.0.0.1:5000/team/app:1"))).isEqualTo(B);
        assertThat(RepoDigests.match(digests, name("127.0.0.1:5000/other"))).isEqualTo(A);
    }

    @Test
    void dockerHubImagesMatchAsTheEngineNamesThem() {
        assertThat(RepoDigests.match(List.of("busybox@" + A), name("busybox:1.36"))).isEqualTo(A);
        assertThat(RepoDigests.match(List.of("busybox@" + A), name("docker.io/library/busybox"))).isEqualTo(A);
        assertThat(RepoDigests.match(List.of("user/tool@" + A), name("user/tool:2"))).isEqualTo(A);
        assertThat(RepoDigests.match(List.of("user/tool@" + A), name("tool"))).isEmpty();
    }

    @Test
    void noDigestsNoMatch() {
        assertThat(RepoDigests.match(null, name("x"))).isEmpty();
        assertThat(RepoDigests.match(List.of(), name("x"))).isEmpty();
    }
}
