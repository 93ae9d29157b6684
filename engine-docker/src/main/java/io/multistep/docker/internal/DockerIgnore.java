package io.multistep.docker.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code .dockerignore} rules with the exact semantics of the Docker CLI (moby/patternmatcher):
 * Go {@code filepath.Match} syntax, {@code **}, {@code !} exceptions where the last matching
 * pattern wins, a pattern matching a parent directory excludes everything below it, leading
 * {@code /} and {@code ./} cleaned.
 */
public final class DockerIgnore {
    private enum MatchType { EXACT, PREFIX, SUFFIX, REGEX }

    private record Rule(String cleaned, boolean exclusion, MatchType type, Pattern regex) {
        boolean match(String path) {
            return switch (type) {
                case EXACT -> path.equals(cleaned);
                case PREFIX -> path.startsWith(cleaned.substring(0, cleaned.length() - 2));
                case SUFFIX -> {
                    String suffix = cleaned.substring(2);
                    yield path.endsWith(suffix) || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
                }
                case REGEX -> regex.matcher(path).matches();
            };
        }
    }

    private final List<Rule> rules;
    private final List<String> patterns;
    private final boolean exclusions;

    private DockerIgnore(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        List<Rule> r = new ArrayList<>();
        boolean ex = false;
        for (String raw : patterns) {
            String p = raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            p = GoPath.clean(p);
            boolean exclusion = false;
            if (p.charAt(0) == '!') {
                if (p.length() == 1) {
                    throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
                }
                exclusion = true;
                ex = true;
                p = p.substring(1);
            }
            r.add(compile(p, exclusion));
        }
        this.rules = List.copyOf(r);
        this.exclusions = ex;
    }

    /**
     * Reads {@code .dockerignore} text as the CLI's {@code ignorefile.ReadAll} does.
     *
     * @param text the file's content
     * @return the rules
     */
    public static DockerIgnore parse(String text) {
        List<String> out = new ArrayList<>();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (String line : text.split("\r?\n", -1)) {
            if (line.startsWith("#")) {
                continue;
            }
            String p = line.strip();
            if (p.isEmpty()) {
                continue;
            }
            boolean invert = p.charAt(0) == '!';
            if (invert) {
                p = p.substring(1).strip();
            }
            if (!p.isEmpty()) {
                p = GoPath.clean(p);
                if (p.length() > 1 && p.charAt(0) == '/') {
                    p = p.substring(1);
                }
            }
            out.add(invert ? "!" + p : p);
        }
        return new DockerIgnore(out);
    }

    /** Rules from already-read pattern strings. */
    public static DockerIgnore of(List<String> patterns) {
        return new DockerIgnore(patterns);
    }

    /**
     * These rules plus exceptions that keep the given files, as the CLI does for the Dockerfile and
     * {@code .dockerignore} ({@code TrimBuildFilesFromExcludes}).
     */
    public DockerIgnore keeping(String... paths) {
        List<String> p = new ArrayList<>(patterns);
        for (String path : paths) {
            p.add("!" + path);
        }
        return new DockerIgnore(p);
    }

    /** Whether there are no rules at all. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether any rule is a {@code !} exception. */
    public boolean hasExclusions() {
        return exclusions;
    }

    /**
     * Whether {@code path} (relative to the context, {@code /}-separated, cleaned) is excluded: the
     * CLI's {@code MatchesOrParentMatches}.
     */
    public boolean excludes(String path) {
        boolean matched = false;
        int slash = path.lastIndexOf('/');
        String parent = slash < 0 ? "." : path.substring(0, slash);
        String[] parentDirs = parent.split("/");
        for (Rule rule : rules) {
            // An exception only matters once something matched; an exclusion only while nothing has.
            if (rule.exclusion != matched) {
                continue;
            }
            boolean match = rule.match(path);
            if (!match && !parent.equals(".")) {
                StringBuilder prefix = new StringBuilder();
                for (String dir : parentDirs) {
                    if (prefix.length() > 0) {
                        prefix.append('/');
                    }
                    prefix.append(dir);
                    if (rule.match(prefix.toString())) {
                        match = true;
                        break;
                    }
                }
            }
            if (match) {
                matched = !rule.exclusion;
            }
        }
        return matched;
    }

    /**
     * Whether an excluded directory can be skipped without walking it: true unless an exception
     * pattern starts with the directory (the CLI's test, so we send exactly what it sends).
     */
    public boolean canSkipExcludedDir(String dir) {
        if (!exclusions) {
            return true;
        }
        String dirSlash = dir + "/";
        for (Rule rule : rules) {
            if (rule.exclusion && (rule.cleaned + "/").startsWith(dirSlash)) {
                return false;
            }
        }
        return true;
    }

    private static Rule compile(String pattern, boolean exclusion) {
        StringBuilder re = new StringBuilder("^");
        MatchType type = MatchType.EXACT;
        int n = pattern.length();
        boolean inBracket = false;
        for (int i = 0; i < n; i++) {
            char ch = pattern.charAt(i);
            if (inBracket) {
                if (ch == ']') {
                    inBracket = false;
                    re.append(']');
                } else if (ch == '\\' && i + 1 < n) {
                    re.append('\\').append(pattern.charAt(++i));
                } else if (ch == '[' || ch == '&') {
                    re.append('\\').append(ch); // literal in Go; special in Java classes
                } else {
                    re.append(ch);
                }
                continue;
            }
            if (ch == '*') {
                if (i + 1 < n && pattern.charAt(i + 1) == '*') {
                    int start = i;
                    i++;
                    if (i + 1 < n && pattern.charAt(i + 1) == '/') {
                        i++; // treat "**/" as "**"
                    }
                    if (i + 1 >= n) {
                        if (type == MatchType.EXACT) {
                            type = MatchType.PREFIX;
                        } else {
                            re.append(".*");
                            type = MatchType.REGEX;
                        }
                    } else {
                        re.append("(.*/)?");
                        type = MatchType.REGEX;
                    }
                    if (start == 0) {
                        type = MatchType.SUFFIX;
                    }
                } else {
                    re.append("[^/]*");
                    type = MatchType.REGEX;
                }
            } else if (ch == '?') {
                re.append("[^/]");
                type = MatchType.REGEX;
            } else if (ch == '\\') {
                if (i + 1 < n) {
                    re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                } else {
                    re.append("\\\\");
                }
            } else if (ch == '[') {
                inBracket = true;
                re.append('[');
                type = MatchType.REGEX;
            } else if (ch == ']') {
                re.append("\\]");
                type = MatchType.REGEX;
            } else if (".+()|{}$^".indexOf(ch) >= 0) {
                re.append('\\').append(ch);
            } else {
                re.append(ch);
            }
        }
        // PREFIX/SUFFIX decided on "**" can be overridden by later wildcards (handled above by
        // setting REGEX); a SUFFIX pattern whose later part contains wildcards must use the regex.
        if (type == MatchType.SUFFIX && hasWildcardAfterLeadingStars(pattern)) {
            type = MatchType.REGEX;
        }
        if (type == MatchType.PREFIX && pattern.substring(0, n - 2).matches(".*[*?\\[].*")) {
            type = MatchType.REGEX;
        }
        re.append('$');
        Pattern regex = null;
        if (type == MatchType.REGEX) {
            try {
                regex = Pattern.compile(re.toString(), Pattern.DOTALL);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("syntax error in pattern: " + pattern, e);
            }
        }
        return new Rule(pattern, exclusion, type, regex);
    }

    private static boolean hasWildcardAfterLeadingStars(String pattern) {
        String rest = pattern.substring(2);
        return rest.indexOf('*') >= 0 || rest.indexOf('?') >= 0 || rest.indexOf('[') >= 0;
    }
}
