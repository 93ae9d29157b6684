package io.multistep.docker.internal;

import io.multistep.gotemplate.internal.go.GoPath;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code .dockerignore} rules with the exact semantics of the Docker CLI (moby/patternmatcher):
 * Go {@code filepath.Match} syntax checked as patternmatcher checks it, {@code **}, {@code !}
 * exceptions where the last matching pattern wins, a pattern matching a parent directory excludes
 * everything below it, leading {@code /} and {@code ./} cleaned, {@code \} escaping the next
 * character. A wildcard pattern becomes the same Go regular expression patternmatcher builds,
 * read with Go's regexp rules ({@link GoRegexp}).
 */
public final class DockerIgnore {
    private enum MatchType { EXACT, PREFIX, SUFFIX, REGEX }

    /**
     * A malformed pattern: patternmatcher's error ({@link #goMessage()}), the pattern and, for
     * rules read from a file, its line.
     */
    public static final class PatternError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final String pattern;
        private final String goMessage;

        PatternError(int line, String pattern, String goMessage) {
            super((line > 0 ? "line " + line + ": " : "") + goMessage + ": " + pattern);
            this.line = line;
            this.pattern = pattern;
            this.goMessage = goMessage;
        }

        /** The 1-based line in the {@code .dockerignore} file, 0 for a rule not read from one. */
        public int line() {
            return line;
        }

        /** The pattern as written on that line (trimmed). */
        public String pattern() {
            return pattern;
        }

        /** Go's error text: {@code syntax error in pattern} or {@code illegal exclusion pattern: "!"}. */
        public String goMessage() {
            return goMessage;
        }
    }

    private static final String BAD_PATTERN = "syntax error in pattern";

    private static final class Rule {
        final String cleaned;
        final boolean exclusion;
        final int line;
        final String written;
        MatchType type;
        String goRegexp;
        Pattern regex;
        boolean bad;

        Rule(String cleaned, boolean exclusion, int line, String written) {
            this.cleaned = cleaned;
            this.exclusion = exclusion;
            this.line = line;
            this.written = written;
        }

        boolean match(String path) {
            if (bad) {
                throw new PatternError(line, written, BAD_PATTERN);
            }
            return switch (type) {
                case EXACT -> path.equals(cleaned);
                case PREFIX -> path.startsWith(cleaned.substring(0, cleaned.length() - 2));
                case SUFFIX -> {
                    String suffix = cleaned.substring(2);
                    yield path.endsWith(suffix) || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
                }
                // Go's MatchString finds a match anywhere; the ^ and $ anchor it, unless a raw | splits them.
                case REGEX -> regex.matcher(path).find();
            };
        }
    }

    private record Line(String pattern, int number, String written) {
    }

    private final List<Rule> rules;
    private final List<Line> lines;
    private final boolean exclusions;

    private DockerIgnore(List<Line> lines) {
        this.lines = List.copyOf(lines);
        List<Rule> r = new ArrayList<>();
        boolean ex = false;
        for (Line l : lines) {
            String p = goTrimSpace(l.pattern);
            if (p.isEmpty()) {
                continue;
            }
            p = GoPath.clean(p);
            boolean exclusion = false;
            if (p.charAt(0) == '!') {
                if (p.length() == 1) {
                    throw new PatternError(l.number, l.written, "illegal exclusion pattern: \"!\"");
                }
                exclusion = true;
                ex = true;
                p = p.substring(1);
            }
            try {
                GoGlob.match(p, ".");
            } catch (GoGlob.BadPattern e) {
                throw new PatternError(l.number, l.written, BAD_PATTERN);
            }
            Rule rule = new Rule(p, exclusion, l.number, l.written);
            compile(rule);
            r.add(rule);
        }
        this.rules = List.copyOf(r);
        this.exclusions = ex;
    }

    /**
     * Reads {@code .dockerignore} text as the CLI's {@code ignorefile.ReadAll} does.
     *
     * @param text the file's content
     * @return the rules
     * @throws PatternError for a malformed pattern, with its line
     */
    public static DockerIgnore parse(String text) {
        List<Line> out = new ArrayList<>();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] split = text.split("\r?\n", -1);
        for (int n = 0; n < split.length; n++) {
            String line = split[n];
            if (line.startsWith("#")) {
                continue;
            }
            String p = goTrimSpace(line);
            if (p.isEmpty()) {
                continue;
            }
            String written = p;
            boolean invert = p.charAt(0) == '!';
            if (invert) {
                p = goTrimSpace(p.substring(1));
            }
            if (!p.isEmpty()) {
                p = GoPath.clean(p);
                if (p.length() > 1 && p.charAt(0) == '/') {
                    p = p.substring(1);
                }
            }
            out.add(new Line(invert ? "!" + p : p, n + 1, written));
        }
        return new DockerIgnore(out);
    }

    /** Go's {@code strings.TrimSpace}: Unicode white space, unlike {@link String#strip()} not U+001C..U+001F. */
    private static String goTrimSpace(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && goSpace(s.charAt(b))) {
            b++;
        }
        while (e > b && goSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    private static boolean goSpace(char c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
            default -> c > 0xFF && Character.isSpaceChar(c);
        };
    }

    /** Rules from already-read pattern strings. */
    public static DockerIgnore of(List<String> patterns) {
        return new DockerIgnore(patterns.stream().map(p -> new Line(p, 0, p.strip())).toList());
    }

    /**
     * These rules plus exceptions that keep the given files, as the CLI does for the Dockerfile and
     * {@code .dockerignore} ({@code TrimBuildFilesFromExcludes}).
     */
    public DockerIgnore keeping(String... paths) {
        List<Line> p = new ArrayList<>(lines);
        for (String path : paths) {
            p.add(new Line("!" + path, 0, "!" + path));
        }
        return new DockerIgnore(p);
    }

    /**
     * Fails on the first pattern whose regular expression Go's regexp rejects (such as
     * {@code [z-a]}), which {@link #excludes} would only report once a path reaches it.
     *
     * @throws PatternError for that pattern
     */
    public void validate() {
        for (Rule r : rules) {
            if (r.bad) {
                throw new PatternError(r.line, r.written, BAD_PATTERN);
            }
        }
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
     *
     * @throws PatternError when a pattern whose regular expression Go rejects is reached
     */
    public boolean excludes(String path) {
        boolean matched = false;
        int slash = path.lastIndexOf('/');
        String parent = slash < 0 ? "." : path.substring(0, slash);
        String[] parentDirs = parent.split("/", -1);
        for (Rule rule : rules) {
            // An exception only matters once something matched; an exclusion only while nothing has.
            if (rule.exclusion != matched) {
                continue;
            }
            boolean match = rule.match(path);
            if (!match && !parent.equals(".")) {
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < parentDirs.length; i++) {
                    if (i > 0) {
                        prefix.append('/');
                    }
                    prefix.append(parentDirs[i]);
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

    /** patternmatcher's {@code Pattern.compile("/")}, character for character. */
    private static void compile(Rule rule) {
        String pattern = rule.cleaned;
        StringBuilder re = new StringBuilder("^");
        MatchType type = MatchType.EXACT;
        int[] cps = pattern.codePoints().toArray();
        int n = cps.length;
        for (int i = 0, k = 0; k < n; i++, k++) {
            int ch = cps[k];
            if (ch == '*') {
                if (k + 1 < n && cps[k + 1] == '*') {
                    k++;
                    if (k + 1 < n && cps[k + 1] == '/') {
                        k++; // treat "**/" as "**"
                    }
                    if (k + 1 >= n) {
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
                    if (i == 0) {
                        type = MatchType.SUFFIX;
                    }
                } else {
                    re.append("[^/]*");
                    type = MatchType.REGEX;
                }
            } else if (ch == '?') {
                re.append("[^/]");
                type = MatchType.REGEX;
            } else if (".+()$".indexOf(ch) >= 0) {
                // patternmatcher means to escape `.+()|{}$` too, but its bitmap drops the
                // characters from 64 up: `|`, `{` and `}` reach the regexp as they are.
                re.append('\\').appendCodePoint(ch);
            } else if (ch == '\\') {
                if (k + 1 < n) {
                    re.append('\\').appendCodePoint(cps[++k]);
                    type = MatchType.REGEX;
                } else {
                    re.append('\\');
                }
            } else if (ch == '[' || ch == ']') {
                re.appendCodePoint(ch);
                type = MatchType.REGEX;
            } else {
                re.appendCodePoint(ch);
            }
        }
        rule.type = type;
        if (type != MatchType.REGEX) {
            return;
        }
        re.append('$');
        rule.goRegexp = re.toString();
        try {
            rule.regex = GoRegexp.compile(rule.goRegexp);
        } catch (GoRegexp.BadRegexp e) {
            rule.bad = true; // reported when a path reaches the rule, as patternmatcher does
        }
    }
}
