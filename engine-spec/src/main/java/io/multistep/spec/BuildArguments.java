package io.multistep.spec;

import io.multistep.spec.internal.BuildWords;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A {@code build:} string parsed once, like {@code docker build} parses its arguments: what Docker,
 * the dry run and the model all read.
 *
 * <p>Better than the reference's whitespace tokenising (execution.md §4.1): quotes are honoured, the
 * {@code --flag=value} and {@code -tname} forms work, and a flag's value is never mistaken for the
 * context. Create one with {@link #parse(String)}.
 *
 * @param words the string split into shell words (quotes removed), as a CLI receives them
 * @param tags the tags Docker applies ({@code -t x}, {@code --tag x}, {@code --tag=x}, {@code -tx}), in order
 * @param file {@code -f/--file}, empty for the default
 * @param buildArgs {@code --build-arg} values in order, as written ({@code K=V}, or a bare {@code K}
 *     that takes its value from the step's environment, see {@link #resolvedBuildArgs(List)})
 * @param target {@code --target}, empty for none
 * @param platform {@code --platform}, empty for none
 * @param network {@code --network}, empty for none
 * @param labels {@code --label} values by name, in order ({@code K} alone gives an empty value)
 * @param noCache {@code --no-cache}
 * @param pull {@code --pull}
 * @param context the last positional argument ({@code .} when none)
 * @param otherFlags the remaining flags in order: known ones without effect on the Engine API
 *     builder, unknown ones, and value flags that end the string without a value
 */
@API(status = API.Status.STABLE, since = "0.1")
public record BuildArguments(List<String> words, List<String> tags, String file, List<String> buildArgs,
        String target, String platform, String network, Map<String, String> labels, boolean noCache, boolean pull,
        String context, List<Flag> otherFlags) {

    /**
     * A flag the fields above do not hold.
     *
     * @param name the flag ({@code --squash}, {@code --bogus} …)
     * @param value its value, empty when none was given
     * @param known whether {@code docker build} knows the flag
     */
    public record Flag(String name, Optional<String> value, boolean known) {
        /** Checks the arguments. */
        public Flag {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The kind of a build context (execution.md §4.2). */
    public enum ContextKind {
        /** A folder of the run's context. */
        LOCAL,
        /** A Git repository URL. */
        GIT,
        /** An HTTP(S) URL of a tarball. */
        URL,
        /** An OCI artifact. */
        OCI,
        /** Standard input ({@code -}). */
        STDIN
    }

    /** Checks the arguments and freezes the collections. */
    public BuildArguments {
        words = List.copyOf(words);
        tags = List.copyOf(tags);
        Objects.requireNonNull(file, "file");
        buildArgs = List.copyOf(buildArgs);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(network, "network");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        Objects.requireNonNull(context, "context");
        otherFlags = List.copyOf(otherFlags);
    }

    /**
     * Parses a {@code build:} string.
     *
     * @param build the arguments of {@code docker build}
     * @return the parsed arguments
     * @throws IllegalArgumentException when a quote is not closed
     */
    public static BuildArguments parse(String build) {
        List<String> words = io.multistep.spec.internal.ShellWords.split(build);
        List<BuildWords.Word> parsed = BuildWords.parse(words);
        List<String> tags = new ArrayList<>();
        List<String> args = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        List<Flag> other = new ArrayList<>();
        String file = "";
        String target = "";
        String platform = "";
        String network = "";
        boolean noCache = false;
        boolean pull = false;
        for (BuildWords.Word w : parsed) {
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
                    default -> other.add(new Flag(flag, Optional.ofNullable(value), true));
                }
                continue;
            }
            boolean known = BuildWords.VALUE_FLAGS.contains(flag);
            if (!known || value == null) {
                other.add(new Flag(flag, Optional.ofNullable(value), known));
                continue;
            }
            switch (flag) {
                case "-t", "--tag" -> tags.add(value);
                case "-f", "--file" -> file = value;
                case "--target" -> target = value;
                case "--platform" -> platform = value;
                case "--network" -> network = value;
                case "--build-arg" -> args.add(value);
                case "--label" -> {
                    int e = value.indexOf('=');
                    labels.put(e >= 0 ? value.substring(0, e) : value, e >= 0 ? value.substring(e + 1) : "");
                }
                default -> other.add(new Flag(flag, Optional.of(value), true));
            }
        }
        return new BuildArguments(words, tags, file, args, target, platform, network, labels, noCache, pull,
                BuildWords.context(parsed), other);
    }

    /**
     * Why {@code docker build} would refuse these arguments: the first unknown flag, or a value flag
     * without its value.
     *
     * @return the message, empty when the flags are usable
     */
    public Optional<String> flagProblem() {
        for (Flag f : otherFlags) {
            if (!f.known()) {
                return Optional.of("unknown docker build flag " + f.name());
            }
            if (f.value().isEmpty() && BuildWords.VALUE_FLAGS.contains(f.name())) {
                return Optional.of("flag needs an argument: " + f.name());
            }
        }
        return Optional.empty();
    }

    /**
     * The build arguments Docker gets: like the CLI, a bare name takes its value from the
     * environment, and is left out when the environment has none.
     *
     * @param env the step environment (in order; a later item wins)
     * @return the values by name, in order
     */
    public Map<String, String> resolvedBuildArgs(List<String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String value : buildArgs) {
            int e = value.indexOf('=');
            if (e >= 0) {
                out.put(value.substring(0, e), value.substring(e + 1));
            } else {
                String v = lookup(env, value);
                if (v != null) {
                    out.put(value, v);
                }
            }
        }
        return out;
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

    /**
     * Classifies the context like the reference's url utilities (the newest, literal {@code .git} regex).
     *
     * @return the kind of the context
     */
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
