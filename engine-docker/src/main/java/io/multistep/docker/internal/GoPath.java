package io.multistep.docker.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's {@code path.Clean} (slash-separated, lexical), which the reference uses for working directories. */
public final class GoPath {
    private GoPath() {}

    /**
     * Returns the shortest path equivalent to {@code path} by purely lexical processing.
     *
     * @param path a slash-separated path
     * @return the cleaned path; {@code "."} for an empty one
     */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast("..");
                }
                continue;
            }
            parts.addLast(p);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

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
            return clean(workingDirectory);
        }
        return clean("/workspace/" + workingDirectory);
    }
}
