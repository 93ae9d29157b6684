package io.multistep.spec.internal;

import io.multistep.spec.BuildArguments;
import io.multistep.gotemplate.internal.go.GoPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The static half of confining a build step to the run's context: every host path a {@code build:}
 * string names (its context, {@code -f}, and the paths of BuildKit's {@code --secret}, {@code --ssh},
 * {@code --build-context}, {@code --output}, {@code --cache-from/--cache-to}, {@code --iidfile},
 * {@code --metadata-file}) must stay under {@code /workspace} once resolved against the step's
 * working directory and cleaned of {@code ..}.
 *
 * <p>The reference runs {@code docker build} in a container that sees only {@code /workspace}, so
 * such a path can never reach the host there; here the build reads the host's files, so a path that
 * leaves {@code /workspace} is refused before the run. Symbolic links are the runtime's to check.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BuildPaths {
    private BuildPaths() {}

    private static final String WORKSPACE = "/workspace";

    /**
     * The problems of a build string's host paths, each naming the path, what it resolves to and
     * what was expected; empty when every path stays in the run's context.
     *
     * @param build the parsed {@code build:} value (rendered)
     * @param workingDirectory the step's working directory as written (empty for {@code /workspace})
     * @return the messages, in the order of the words
     */
    public static List<String> problems(BuildArguments build, String workingDirectory) {
        List<NamedPath> paths = paths(build);
        String cwd = workingDirectory.isEmpty() ? WORKSPACE
                : GoPath.clean(workingDirectory.startsWith("/") ? workingDirectory : WORKSPACE + "/" + workingDirectory);
        List<String> out = new ArrayList<>();
        for (NamedPath p : paths) {
            check(out, p.what(), p.path(), cwd);
        }
        return out;
    }

    /**
     * A host path a build string names.
     *
     * @param what what it is, for messages ({@code the build context}, {@code the Dockerfile (-f)}, …)
     * @param path the path as written
     */
    public record NamedPath(String what, String path) {}

    /**
     * Every host path a build string names, in the order of its words, the local context last.
     *
     * @param build the parsed {@code build:} value
     * @return the paths (an incomplete last flag is left out; the runtime reports it)
     */
    public static List<NamedPath> paths(BuildArguments build) {
        List<BuildWords.Word> words = BuildWords.parse(build.words());
        List<NamedPath> out = new ArrayList<>();
        for (BuildWords.Word w : words) {
            // An unknown flag or an incomplete last one is the runtime's to report.
            if (!w.positional() && w.value() != null && BuildWords.VALUE_FLAGS.contains(w.flag())) {
                for (String path : pathsOf(w.flag(), w.value())) {
                    out.add(new NamedPath(describe(w.flag()), path));
                }
            }
        }
        String ctx = build.context();
        if (isLocal(ctx)) {
            out.add(new NamedPath("the build context", ctx));
        }
        return out;
    }

    /** The host paths in one flag's value. */
    private static List<String> pathsOf(String flag, String value) {
        List<String> paths = new ArrayList<>();
        switch (flag) {
            case "-f", "--file", "--iidfile", "--metadata-file" -> {
                if (!value.equals("-")) {
                    paths.add(value);
                }
            }
            case "--secret" -> paths.addAll(csvValues(value, Set.of("src", "source")));
            case "--cache-from", "--cache-to" -> {
                if (value.contains("type=local")) {
                    paths.addAll(csvValues(value, Set.of("src", "dest")));
                }
            }
            case "-o", "--output" -> {
                if (!value.contains("=")) {
                    if (!value.equals("-")) {
                        paths.add(value); // a bare destination folder
                    }
                } else {
                    paths.addAll(csvValues(value, Set.of("dest")));
                }
            }
            case "--build-context" -> {
                int e = value.indexOf('=');
                String src = e >= 0 ? value.substring(e + 1) : "";
                if (!src.isEmpty() && isLocal(src) && !src.contains("://")) {
                    paths.add(src);
                }
            }
            case "--ssh" -> {
                int e = value.indexOf('=');
                if (e >= 0) {
                    for (String p : value.substring(e + 1).split(",")) {
                        if (!p.isEmpty()) {
                            paths.add(p);
                        }
                    }
                }
            }
            default -> { }
        }
        return paths;
    }

    private static List<String> csvValues(String value, Set<String> keys) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            int e = part.indexOf('=');
            if (e > 0 && keys.contains(part.substring(0, e).trim().toLowerCase(Locale.ROOT))) {
                out.add(part.substring(e + 1));
            }
        }
        return out;
    }

    private static String describe(String flag) {
        return switch (flag) {
            case "-f", "--file" -> "the Dockerfile (-f)";
            default -> "the path of " + flag;
        };
    }

    private static void check(List<String> out, String what, String path, String cwd) {
        String resolved = GoPath.clean(path.startsWith("/") ? path : cwd + "/" + path);
        if (!resolved.equals(WORKSPACE) && !resolved.startsWith(WORKSPACE + "/")) {
            out.add(what + " " + TaskReader.quote(path) + " is outside the run's context: it resolves to "
                    + resolved + " (from the working directory " + cwd + "), but a build may only use paths under "
                    + WORKSPACE + ", the run's context folder");
        }
    }

    /** Whether a context is a local folder (not a Git or HTTP URL, an OCI artifact or stdin). */
    private static boolean isLocal(String c) {
        String lower = c.toLowerCase(Locale.ROOT);
        return !c.equals("-") && !lower.startsWith("http://") && !lower.startsWith("https://")
                && !lower.startsWith("git://") && !lower.startsWith("git@") && !lower.startsWith("github.com/")
                && !lower.startsWith("oci://") && !lower.startsWith("docker-image://");
    }
}
