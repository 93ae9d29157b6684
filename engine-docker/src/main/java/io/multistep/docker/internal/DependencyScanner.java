package io.multistep.docker.internal;

import io.multistep.engine.spi.ImageDependency;
import io.multistep.engine.spi.ImageDependency.ImageName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference's dependency report for a build step (execution.md §4.3, §11), computed from the
 * Dockerfile instead of by the reference's {@code acb scan} helper image: for each tag, the image
 * built, the base image of the final stage ({@code runtime-dependency}) and the base images of the
 * other stages ({@code buildtime-dependency}). {@code FROM} lines that name an earlier stage and
 * {@code scratch} are not dependencies; {@code ARG}s declared before the first {@code FROM} are
 * substituted, with {@code --build-arg} values winning over their defaults.
 */
public final class DependencyScanner {

    /** Docker Hub as the reference's report names it. */
    static final String DOCKER_HUB_REGISTRY = "registry.hub.docker.com";

    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+]([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

    private DependencyScanner() {}

    /**
     * Computes the report.
     *
     * @param dockerfile the Dockerfile's text
     * @param tags the tags the step builds (an entry each; none means no entry, as in the reference)
     * @param buildArgs the step's build arguments
     * @param target the {@code --target} stage, empty for the last one
     * @param digestOf the digest of a reference, empty when unknown
     * @return the entries, one per tag
     */
    public static List<ImageDependency> scan(String dockerfile, List<String> tags, Map<String, String> buildArgs,
            String target, UnaryOperator<String> digestOf) {
        List<String[]> stages = stages(dockerfile, buildArgs); // {base, name}
        if (stages.isEmpty() || tags.isEmpty()) {
            return List.of();
        }
        int last = stages.size() - 1;
        if (!target.isEmpty()) {
            for (int i = 0; i < stages.size(); i++) {
                if (target.equalsIgnoreCase(stages.get(i)[1])) {
                    last = i;
                }
            }
        }
        Map<String, String> stageBase = new HashMap<>();
        List<String> bases = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            String base = stages.get(i)[0];
            // A FROM naming an earlier stage depends on that stage's own base.
            String resolved = stageBase.getOrDefault(base.toLowerCase(Locale.ROOT), base);
            bases.add(resolved);
            if (!stages.get(i)[1].isEmpty()) {
                stageBase.put(stages.get(i)[1].toLowerCase(Locale.ROOT), resolved);
            }
        }
        String runtime = bases.get(last);
        Set<String> seen = new HashSet<>();
        List<ImageName> buildtime = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            String base = bases.get(i);
            if (!isScratch(base) && !base.equals(runtime) && seen.add(base)) {
                buildtime.add(name(base, digestOf));
            }
        }
        ImageName runtimeName = isScratch(runtime) ? null : name(runtime, digestOf);
        List<ImageDependency> entries = new ArrayList<>();
        for (String tag : tags) {
            entries.add(new ImageDependency(name(tag, digestOf), runtimeName, buildtime));
        }
        return List.copyOf(entries);
    }

    /** The {@code FROM} lines as {base, stage name}, with global ARGs substituted. */
    static List<String[]> stages(String dockerfile, Map<String, String> buildArgs) {
        Map<String, String> args = new LinkedHashMap<>();
        List<String[]> stages = new ArrayList<>();
        for (String line : joinContinuations(dockerfile)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] words = trimmed.split("\\s+");
            String instruction = words[0].toUpperCase(Locale.ROOT);
            if (instruction.equals("ARG") && stages.isEmpty()) {
                for (int i = 1; i < words.length; i++) {
                    int eq = words[i].indexOf('=');
                    String key = eq < 0 ? words[i] : words[i].substring(0, eq);
                    String value = eq < 0 ? "" : unquote(words[i].substring(eq + 1));
                    args.put(key, buildArgs.getOrDefault(key, value));
                }
            } else if (instruction.equals("FROM")) {
                List<String> rest = new ArrayList<>();
                for (int i = 1; i < words.length; i++) {
                    if (!words[i].startsWith("--")) {
                        rest.add(words[i]);
                    }
                }
                if (rest.isEmpty()) {
                    continue;
                }
                String base = substitute(rest.get(0), args);
                String name = rest.size() >= 3 && rest.get(1).equalsIgnoreCase("AS") ? rest.get(2) : "";
                stages.add(new String[] {base, name});
            }
        }
        return stages;
    }

    private static List<String> joinContinuations(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\r?\n", -1)) {
            String line = raw.stripTrailing();
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                current.append(line);
                lines.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static String substitute(String text, Map<String, String> args) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1) != null ? m.group(1) : m.group(3);
            String value = args.getOrDefault(key, "");
            if (value.isEmpty() && m.group(2) != null && m.group(0).contains(":-")) {
                value = m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static boolean isScratch(String base) {
        return base.equalsIgnoreCase("scratch");
    }

    /** Splits a reference as the reference's report does (Docker Hub as {@code registry.hub.docker.com/library/x}). */
    static ImageName name(String reference, UnaryOperator<String> digestOf) {
        ImageRef ref = ImageRef.parse(reference);
        String registry = ref.registry();
        String repository = ref.name();
        if (registry.equals(ImageRef.DOCKER_HUB)) {
            registry = DOCKER_HUB_REGISTRY;
            if (repository.startsWith("docker.io/")) {
                repository = repository.substring("docker.io/".length());
            }
            if (!repository.contains("/")) {
                repository = "library/" + repository;
            }
        } else if (repository.startsWith(registry + "/")) {
            repository = repository.substring(registry.length() + 1);
        }
        String tag = ref.tag().isEmpty() && ref.digest().isEmpty() ? "latest" : ref.tag();
        String digest = ref.digest().isEmpty() ? digestOf.apply(reference) : ref.digest();
        return new ImageName(registry, repository, tag, digest == null ? "" : digest, reference);
    }
}
