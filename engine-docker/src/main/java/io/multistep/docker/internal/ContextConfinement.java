package io.multistep.docker.internal;

import io.multistep.gotemplate.internal.go.GoPath;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeFailure.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Keeps the host paths a build reads inside the run's context folder, after resolving {@code ..}
 * and symbolic links.
 *
 * <p>The reference runs {@code docker build} in a container that sees only {@code /workspace}; here
 * the build reads host files, so a path naming anything outside the context folder — directly or
 * through a symbolic link — fails the step instead of sending host files to the engine. Validation
 * refuses the paths it can see are outside; this catches the rest (links, which only exist at run
 * time). Messages name the step and the path as written, never what an outside file contains.
 */
final class ContextConfinement {
    private final String stepId;
    private final Path root;
    private final Path realRoot;

    private ContextConfinement(String stepId, Path root, Path realRoot) {
        this.stepId = stepId;
        this.root = root;
        this.realRoot = realRoot;
    }

    /**
     * A confinement to a run's context folder.
     *
     * @param stepId the step, for messages
     * @param contextFolder the run's context folder on this machine
     * @return the confinement
     * @throws RuntimeFailure when the folder cannot be resolved
     */
    static ContextConfinement of(String stepId, Path contextFolder) throws RuntimeFailure {
        Path root = contextFolder.toAbsolutePath().normalize();
        try {
            return new ContextConfinement(stepId, root, root.toRealPath());
        } catch (IOException e) {
            throw new RuntimeFailure(Kind.INVALID_STEP, "step " + stepId + ": expected the run's context folder "
                    + root + " to exist, but it cannot be read");
        }
    }

    /**
     * The host path of a path a build names, resolved like the reference's container would resolve
     * it: relative to the step's working directory, cleaned, and required to be under
     * {@code /workspace}; then mapped into the context folder with its links resolved.
     *
     * @param what what the path is, for messages ("the build context")
     * @param containerWorkDir the step's working directory in the container
     * @param path the path as written
     * @return the real host path (it need not exist)
     * @throws RuntimeFailure when the path leaves the run's context
     */
    Path resolve(String what, String containerWorkDir, String path) throws RuntimeFailure {
        String inContainer = GoPath.clean(path.startsWith("/") ? path : containerWorkDir + "/" + path);
        if (!inContainer.equals(ContainerSpecs.WORKSPACE) && !inContainer.startsWith(ContainerSpecs.WORKSPACE + "/")) {
            throw new RuntimeFailure(Kind.INVALID_STEP, "step " + stepId + ": " + what + " '" + path
                    + "' is outside the run's context: it resolves to " + inContainer + " (from the working directory "
                    + containerWorkDir + "), but a build may only use paths under " + ContainerSpecs.WORKSPACE
                    + ", the run's context folder");
        }
        String rel = inContainer.substring(ContainerSpecs.WORKSPACE.length());
        return confine(what, path, rel.isEmpty() ? root : root.resolve(rel.substring(1)));
    }

    /**
     * A host path under the context folder with its links resolved, checked to stay there.
     *
     * @param what what the path is, for messages
     * @param shown the path as the task wrote it, for messages
     * @param host the path on this machine (it need not exist)
     * @return the real path
     * @throws RuntimeFailure when a link leads out of the run's context folder
     */
    Path confine(String what, String shown, Path host) throws RuntimeFailure {
        // Resolve the deepest part that exists; what does not exist yet cannot be a link.
        Path existing = host;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing == null ? host : existing.toRealPath().resolve(existing.relativize(host));
        } catch (IOException e) {
            // A dangling or looping link: it cannot be followed, so nothing is read through it.
            throw new RuntimeFailure(Kind.INVALID_STEP, "step " + stepId + ": " + what + " '" + shown
                    + "' cannot be resolved: a symbolic link in it is broken or loops");
        }
        real = real.normalize();
        if (!real.startsWith(realRoot)) {
            throw new RuntimeFailure(Kind.INVALID_STEP, "step " + stepId + ": " + what + " '" + shown
                    + "' is outside the run's context: a symbolic link leads out of the run's context folder, "
                    + "and a build may only read files inside it");
        }
        return real;
    }
}
