package io.multistep.docker.internal;

import com.github.dockerjava.api.DockerClient;
import io.multistep.engine.spi.ImageDependency;
import io.multistep.engine.spi.ImageDependency.ImageName;
import java.util.ArrayList;
import java.util.List;

/**
 * The dependency report's digests, looked up as the reference's {@code dockerStoreDigest} does:
 * {@code docker inspect}'s {@code RepoDigests}, taking only the entry of the image's own repository
 * (an image tagged into several repositories has one digest per repository, and another
 * repository's digest is not this reference's).
 */
final class RepoDigests {
    private RepoDigests() {}

    /**
     * The digest of {@code name} among an image's {@code RepoDigests}, as the reference's
     * {@code getRepoDigest} picks it: the entry that starts with {@code registry/repository@}
     * ({@code repository@} without {@code library/} for Docker Hub); empty when none does.
     *
     * @param repoDigests the image's {@code RepoDigests} ({@code name@sha256:…})
     * @param name the reference as the report splits it
     * @return the digest, or empty
     */
    static String match(List<String> repoDigests, ImageName name) {
        if (repoDigests == null) {
            return "";
        }
        String prefix = name.repository() + "@";
        if (name.registry().equals(DependencyScanner.DOCKER_HUB_REGISTRY)
                && !name.reference().startsWith(DependencyScanner.DOCKER_HUB_REGISTRY)) {
            prefix = prefix.startsWith("library/") ? prefix.substring("library/".length()) : prefix;
        } else if (!name.registry().isEmpty()) {
            prefix = name.registry() + "/" + prefix;
        }
        for (String d : repoDigests) {
            if (d.startsWith(prefix)) {
                return d.substring(prefix.length());
            }
        }
        return "";
    }

    /**
     * The digest the engine knows for a reference, or empty (also when the engine has no such image).
     *
     * @param docker the engine
     * @param name the reference as the report splits it
     * @return the digest, or empty
     */
    static String of(DockerClient docker, ImageName name) {
        try {
            return match(docker.inspectImageCmd(name.reference()).exec().getRepoDigests(), name);
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * The reference's end-of-run pass: every empty digest of the report looked up again, so a built
     * image pushed by a later step gets the digest the registry gave it.
     *
     * @param docker the engine
     * @param entries the report's entries
     * @return the entries with the digests found
     */
    static List<ImageDependency> populate(DockerClient docker, List<ImageDependency> entries) {
        List<ImageDependency> out = new ArrayList<>(entries.size());
        for (ImageDependency e : entries) {
            List<ImageName> buildtime = new ArrayList<>();
            for (ImageName b : e.buildtimeDependencies()) {
                buildtime.add(filled(docker, b));
            }
            out.add(new ImageDependency(filled(docker, e.image()), filled(docker, e.runtimeDependency()), buildtime));
        }
        return out;
    }

    private static ImageName filled(DockerClient docker, ImageName n) {
        if (n == null || !n.digest().isEmpty() || n.reference().equalsIgnoreCase("scratch")) {
            return n;
        }
        String digest = of(docker, n);
        return digest.isEmpty() ? n : new ImageName(n.registry(), n.repository(), n.tag(), digest, n.reference());
    }
}
