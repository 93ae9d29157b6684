package io.multistep.docker.internal;

import io.multistep.gotemplate.internal.go.GoPath;

/** Where a step's working directory is inside its container, as the reference computes it. */
public final class WorkDirs {
    private WorkDirs() {}

    /**
     * The reference's {@code normalizeWorkDir}: absolute → cleaned; relative → under
     * {@code /workspace}, cleaned; empty → {@code /workspace}.
     *
     * @param workingDirectory the step's working directory
     * @return the container working directory
     */
    public static String containerWorkDir(String workingDirectory) {
        if (workingDirectory.isEmpty()) {
            return "/workspace";
        }
        if (workingDirectory.startsWith("/")) {
            return GoPath.clean(workingDirectory);
        }
        return GoPath.clean("/workspace/" + workingDirectory);
    }
}
