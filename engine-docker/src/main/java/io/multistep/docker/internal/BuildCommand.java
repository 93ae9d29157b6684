package io.multistep.docker.internal;

import io.multistep.spec.internal.BuildWords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code build:} string parsed like {@code docker build} parses its arguments.
 *
 * <p>Better than the reference's whitespace tokenising (execution.md §4.1): quotes are honoured, the
 * {@code --flag=value} forms work, and a flag's value is never mistaken for the context.
 *
 * @param tags {@code -t/--tag} values in order
 * @param dockerfile {@code -f/--file}, empty for the default
 * @param buildArgs {@code --build-arg} values in order; a bare {@code K} takes its value from the env
 * @param target {@code --target}
 * @param labels {@code --label} values
 * @param noCache {@code --no-cache}
 * @param pull {@code --pull}
 * @param platform {@code --platform}
 * @param network {@code --network}
 * @param context the last positional argument ({@code .} when none)
 * @param ignoredFlags flags accepted but without effect on the Engine API builder
 */
public record BuildCommand(List<String> tags, String dockerfile, Map<String, String> buildArgs, String target,
        Map<String, String> labels, boolean noCache, boolean pull, String platform, String network, String context,
        List<String> ignoredFlags) {

    /**
     * Parses a {@code build:} string.
     *
     * @param build the arguments of {@code docker build}
     * @param env the step environment (in order; a later item wins), for bare {@code --build-arg K}
     * @return the parsed command
     * @throws IllegalArgumentException on bad quoting, a flag without value or an unknown flag
     */
    public static BuildCommand parse(String build, List<String> env) {
        // One tokenising with the static path check (BuildWords), so both see the same context.
        List<BuildWords.Word> words = BuildWords.parse(build);
        List<String> tags = new ArrayList<>();
        Map<String, String> args = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        String dockerfile = "";
        String target = "";
        String platform = "";
        String network = "";
        boolean noCache = false;
        boolean pull = false;
        for (BuildWords.Word w : words) {
            if (w.positional()) {
                continue;
            }
            String flag = w.flag();
            String value = w.value();
            if (BuildWords.BOOL_FLAGS.contains(flag)) {
                boolean on = value == null || value.equalsIgnoreCase("true");
                switch (flag) {
                    case "--no-cache" -> noCache = on;
                    case "--pull" -> pull = on;
                    default -> ignored.add(flag);
                }
                continue;
            }
            if (!BuildWords.VALUE_FLAGS.contains(flag)) {
                throw new IllegalArgumentException("unknown docker build flag " + flag);
            }
            if (value == null) {
                throw new IllegalArgumentException("flag needs an argument: " + flag);
            }
            switch (flag) {
                case "-t", "--tag" -> tags.add(value);
                case "-f", "--file" -> dockerfile = value;
                case "--target" -> target = value;
                case "--platform" -> platform = value;
                case "--network" -> network = value;
                case "--build-arg" -> {
                    int e = value.indexOf('=');
                    if (e >= 0) {
                        args.put(value.substring(0, e), value.substring(e + 1));
                    } else {
                        // Like the CLI: a bare name takes the value from the environment, and is
                        // left out when the environment has none.
                        String v = lookup(env, value);
                        if (v != null) {
                            args.put(value, v);
                        }
                    }
                }
                case "--label" -> {
                    int e = value.indexOf('=');
                    labels.put(e >= 0 ? value.substring(0, e) : value, e >= 0 ? value.substring(e + 1) : "");
                }
                default -> ignored.add(flag);
            }
        }
        return new BuildCommand(List.copyOf(tags), dockerfile, args, target, labels, noCache, pull, platform, network,
                BuildWords.context(words), List.copyOf(ignored));
    }

    private static String lookup(List<String> env, String name) {
        String found = null;
        for (String item : env) {
            int e = item.indexOf('=');
            if (e > 0 && item.substring(0, e).equals(name)) {
                found = item.substring(e + 1);
            }
        }
        return found;
    }

    /** The kind of context (execution.md §4.2). */
    public enum ContextKind { LOCAL, GIT, URL, OCI, STDIN }

    /** Classifies the context like the reference's url utilities (the newest, literal {@code .git} regex). */
    public ContextKind contextKind() {
        String c = context;
        String lower = c.toLowerCase(Locale.ROOT);
        if (c.equals("-")) {
            return ContextKind.STDIN;
        }
        if (lower.startsWith("oci://")) {
            return ContextKind.OCI;
        }
        boolean http = lower.startsWith("http://") || lower.startsWith("https://");
        if (http && (c.matches("(?s).*\\.git(?:#.+)?$") || isAzureGit(lower))) {
            return ContextKind.GIT;
        }
        if (lower.startsWith("git://") || lower.startsWith("github.com/") || lower.startsWith("git@")) {
            return ContextKind.GIT;
        }
        return http ? ContextKind.URL : ContextKind.LOCAL;
    }

    private static boolean isAzureGit(String lower) {
        return !lower.contains("?") && lower.contains("/_git/")
                && (lower.startsWith("https://dev.azure.com/") || lower.matches("https://[^/]+\\.visualstudio\\.com/.*"));
    }
}
