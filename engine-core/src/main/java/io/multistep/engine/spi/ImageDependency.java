package io.multistep.engine.spi;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One entry of the reference's dependency report for a build step: the image built, the image it
 * runs on, and the images used while building.
 *
 * @param image the built image
 * @param runtimeDependency the base image of the final stage
 * @param buildtimeDependencies the base images of earlier stages
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ImageDependency(ImageName image, ImageName runtimeDependency, List<ImageName> buildtimeDependencies) {

    /** Freezes the list. */
    public ImageDependency {
        buildtimeDependencies = List.copyOf(buildtimeDependencies);
    }

    /**
     * An image reference split as the reference's report does.
     *
     * @param registry the registry host ({@code registry.hub.docker.com} for Docker Hub)
     * @param repository the repository ({@code library/} prefix for official Docker Hub images)
     * @param tag the tag, empty when none
     * @param digest the digest, empty when unknown
     * @param reference the reference as written
     */
    public record ImageName(String registry, String repository, String tag, String digest, String reference) {}
}
