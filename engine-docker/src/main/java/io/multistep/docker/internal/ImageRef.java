package io.multistep.docker.internal;

/**
 * An image reference split for the Engine API: {@code [registry/]path[:tag][@digest]}.
 *
 * @param registry the registry host, {@code docker.io} for Docker Hub
 * @param name the repository as the engine names it (with the registry host when one was written)
 * @param tag the tag, empty when none
 * @param digest the digest, empty when none
 */
public record ImageRef(String registry, String name, String tag, String digest) {
    /** Docker Hub's name in credentials stores. */
    public static final String DOCKER_HUB = "docker.io";

    /** Parses a reference as written (no normalisation of the name). */
    public static ImageRef parse(String ref) {
        String rest = ref;
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = "";
        int slash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > slash) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = DOCKER_HUB;
        int first = rest.indexOf('/');
        if (first > 0) {
            String host = rest.substring(0, first);
            if (host.contains(".") || host.contains(":") || host.equals("localhost")) {
                registry = host;
            }
        }
        return new ImageRef(registry, rest, tag, digest);
    }

    /** The tag, or the digest, or {@code latest}: what the pull and push APIs take as {@code tag}. */
    public String tagOrDigest() {
        if (!digest.isEmpty()) {
            return digest;
        }
        return tag.isEmpty() ? "latest" : tag;
    }
}
