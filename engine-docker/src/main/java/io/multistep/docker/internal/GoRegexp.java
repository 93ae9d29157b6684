package io.multistep.docker.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compiles the regular expressions moby's patternmatcher builds from {@code .dockerignore}
 * patterns with Go's {@code regexp} syntax (RE2, Perl flags) into {@link Pattern}s that match the
 * same paths. Needed because patternmatcher copies {@code [}, {@code ]}, {@code ^} and escaped
 * characters into the regexp as they are, so Go's regexp rules decide what they mean: a class
 * may swallow the {@code [^/]*} a {@code *} became, {@code [:alpha:]} is a POSIX class,
 * {@code \d} a digit, {@code [z-a]} an error. Java's own syntax differs in each of these, so the
 * expression is parsed here and every class written out as explicit code-point ranges.
 *
 * <p>Not supported: Unicode classes ({@code \pL}, {@code \p{Greek}}) and {@code \Q...\E}; they
 * are reported as a bad pattern (docs/differences.md).
 */
final class GoRegexp {
    /** Go's regexp rejects the expression; patternmatcher reports {@code filepath.ErrBadPattern}. */
    static final class BadRegexp extends Exception {
        private static final long serialVersionUID = 1L;

        BadRegexp(String message) {
            super(message, null, false, false);
        }
    }

    private static final int MAX_RUNE = 0x10FFFF;

    private static final Map<String, int[]> POSIX = Map.ofEntries(
            Map.entry("alnum", new int[] {'0', '9', 'A', 'Z', 'a', 'z'}),
            Map.entry("alpha", new int[] {'A', 'Z', 'a', 'z'}),
            Map.entry("ascii", new int[] {0, 0x7F}),
            Map.entry("blank", new int[] {'\t', '\t', ' ', ' '}),
            Map.entry("cntrl", new int[] {0, 0x1F, 0x7F, 0x7F}),
            Map.entry("digit", new int[] {'0', '9'}),
            Map.entry("graph", new int[] {'!', '~'}),
            Map.entry("lower", new int[] {'a', 'z'}),
            Map.entry("print", new int[] {' ', '~'}),
            Map.entry("punct", new int[] {'!', '/', ':', '@', '[', '`', '{', '~'}),
            Map.entry("space", new int[] {'\t', '\r', ' ', ' '}),
            Map.entry("upper", new int[] {'A', 'Z'}),
            Map.entry("word", new int[] {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'}),
            Map.entry("xdigit", new int[] {'0', '9', 'A', 'F', 'a', 'f'}));

    private static final Map<Character, int[]> PERL = Map.of(
            'd', new int[] {'0', '9'},
            's', new int[] {'\t', '\n', '\f', '\r', ' ', ' '},
            'w', new int[] {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'});

    private final int[] re; // code points
    private int pos;
    private final StringBuilder out = new StringBuilder();

    private GoRegexp(String goRegexp) {
        this.re = goRegexp.codePoints().toArray();
    }

    /**
     * The Java pattern for Go expression {@code goRegexp}.
     *
     * @throws BadRegexp when Go's {@code regexp.Compile} fails on it
     */
    static Pattern compile(String goRegexp) throws BadRegexp {
        GoRegexp g = new GoRegexp(goRegexp);
        g.parse();
        return Pattern.compile(g.out.toString());
    }

    private void parse() throws BadRegexp {
        // Whether the last item can take a repetition operator, and whether it already has one.
        boolean operand = false;
        boolean repeated = false;
        int depth = 0;
        while (pos < re.length) {
            int c = re[pos];
            switch (c) {
                case '*', '+', '?', '{' -> {
                    int start = pos;
                    String op = c == '{' ? repeatBraces() : String.valueOf((char) c);
                    if (op == null) {
                        literal('{'); // not a valid {n,m}: a literal, as in Go
                        pos = start;
                        break;
                    }
                    if (!operand) {
                        throw new BadRegexp("missing argument to repetition operator");
                    }
                    if (repeated) {
                        throw new BadRegexp("invalid nested repetition operator"); // Go rejects a** and a*??
                    }
                    out.append(op);
                    if (c != '{') {
                        pos++;
                    }
                    if (pos < re.length && re[pos] == '?') {
                        out.append('?'); // non-greedy
                        pos++;
                    }
                    repeated = true;
                    continue;
                }
                case '(' -> {
                    out.append("(?:");
                    pos++;
                    depth++;
                    operand = false;
                    repeated = false;
                    continue;
                }
                case ')' -> {
                    if (depth == 0) {
                        throw new BadRegexp("unexpected )");
                    }
                    depth--;
                    out.append(')');
                }
                case '|' -> {
                    out.append('|');
                    pos++;
                    operand = false;
                    repeated = false;
                    continue;
                }
                case '^' -> out.append("\\A");
                case '$' -> out.append("\\z");
                case '.' -> out.append("[^\\n]"); // Go's '.' misses only \n; Java's misses \r and more
                case '[' -> {
                    pos++;
                    out.append(javaClass(parseClass()));
                    operand = true;
                    repeated = false;
                    continue;
                }
                case '\\' -> {
                    if (escapeOutsideClass()) {
                        operand = true;
                        repeated = false;
                        continue;
                    }
                }
                default -> literal(c);
            }
            pos++;
            operand = true;
            repeated = false;
        }
        if (depth != 0) {
            throw new BadRegexp("missing closing )");
        }
    }

    /**
     * Go's {@code parseRepeat} at an opening brace: the Java text of a valid counted repetition
     * (n, n-and-more, n to m; moving past it), or null when it is not one and the brace is a literal.
     */
    private String repeatBraces() throws BadRegexp {
        int p = pos + 1;
        int[] min = number(p);
        if (min == null) {
            return null;
        }
        p = min[1];
        int max = min[0];
        if (p < re.length && re[p] == ',') {
            p++;
            if (p < re.length && re[p] == '}') {
                max = -1;
            } else {
                int[] m = number(p);
                if (m == null) {
                    return null;
                }
                max = m[0];
                p = m[1];
            }
        }
        if (p >= re.length || re[p] != '}') {
            return null;
        }
        if (min[0] < 0 || min[0] > 1000 || max > 1000 || max >= 0 && min[0] > max) {
            throw new BadRegexp("invalid repeat count");
        }
        pos = p + 1;
        return "{" + min[0] + (max == min[0] ? "" : "," + (max < 0 ? "" : max)) + "}";
    }

    /** Go's {@code parseInt} in a repeat: digits without a leading zero; {value, next}; value -1 when huge. */
    private int[] number(int p) {
        if (p >= re.length || re[p] < '0' || re[p] > '9') {
            return null;
        }
        if (p + 1 < re.length && re[p] == '0' && re[p + 1] >= '0' && re[p + 1] <= '9') {
            return null;
        }
        int start = p;
        while (p < re.length && re[p] >= '0' && re[p] <= '9') {
            p++;
        }
        int v = p - start >= 8 ? -1 : Integer.parseInt(new String(re, start, p - start));
        return new int[] {v, p};
    }

    /** After a {@code \} outside a class; returns true when it consumed the escape itself. */
    private boolean escapeOutsideClass() throws BadRegexp {
        if (pos + 1 >= re.length) {
            throw new BadRegexp("trailing backslash at end of expression");
        }
        int e = re[pos + 1];
        switch (e) {
            case 'A' -> {
                out.append("\\A");
                pos += 2;
                return true;
            }
            case 'z' -> {
                out.append("\\z");
                pos += 2;
                return true;
            }
            case 'b', 'B' -> {
                // Go's word boundary is ASCII-only: \w is [0-9A-Za-z_].
                String w = "[0-9A-Za-z_]";
                out.append(e == 'b' ? "(?:(?<=" + w + ")(?!" + w + ")|(?<!" + w + ")(?=" + w + "))"
                        : "(?:(?<=" + w + ")(?=" + w + ")|(?<!" + w + ")(?!" + w + "))");
                pos += 2;
                return true;
            }
            case 'd', 'D', 's', 'S', 'w', 'W' -> {
                List<int[]> ranges = new ArrayList<>();
                perl(ranges, e);
                out.append(javaClass(ranges));
                pos += 2;
                return true;
            }
            default -> {
                pos++;
                literal(escapedRune());
                return true;
            }
        }
    }

    private void perl(List<int[]> ranges, int e) {
        int[] r = PERL.get((char) Character.toLowerCase(e));
        add(ranges, Character.isUpperCase(e) ? negate(r) : r);
    }

    /** Go's {@code parseEscape}, with {@code pos} on the character after the {@code \}. */
    private int escapedRune() throws BadRegexp {
        int c = re[pos++];
        if (c < 0x80 && !Character.isLetterOrDigit(c)) {
            return c; // escaped punctuation is itself
        }
        switch (c) {
            case '1', '2', '3', '4', '5', '6', '7' -> {
                if (pos >= re.length || re[pos] < '0' || re[pos] > '7') {
                    throw new BadRegexp("invalid escape sequence"); // a backreference
                }
                return octal(c);
            }
            case '0' -> {
                return octal(c);
            }
            case 'x' -> {
                return hex();
            }
            case 'a' -> {
                return 7;
            }
            case 'f' -> {
                return '\f';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 't' -> {
                return '\t';
            }
            case 'v' -> {
                return 0x0B;
            }
            default -> throw new BadRegexp("invalid escape sequence");
        }
    }

    private int octal(int first) {
        int r = first - '0';
        for (int i = 0; i < 2 && pos < re.length && re[pos] >= '0' && re[pos] <= '7'; i++) {
            r = r * 8 + re[pos++] - '0';
        }
        return r;
    }

    private int hex() throws BadRegexp {
        if (pos >= re.length) {
            throw new BadRegexp("invalid escape sequence");
        }
        if (re[pos] == '{') {
            pos++;
            int r = 0;
            int n = 0;
            while (pos < re.length && re[pos] != '}') {
                int d = Character.digit(re[pos++], 16);
                if (d < 0 || re[pos - 1] > 'f') {
                    throw new BadRegexp("invalid escape sequence");
                }
                r = r * 16 + d;
                n++;
                if (r > MAX_RUNE) {
                    throw new BadRegexp("invalid escape sequence");
                }
            }
            if (pos >= re.length || n == 0) {
                throw new BadRegexp("invalid escape sequence");
            }
            pos++;
            return r;
        }
        if (pos + 1 >= re.length) {
            throw new BadRegexp("invalid escape sequence");
        }
        int h = Character.digit(re[pos], 16);
        int l = Character.digit(re[pos + 1], 16);
        if (h < 0 || l < 0 || re[pos] > 'f' || re[pos + 1] > 'f') {
            throw new BadRegexp("invalid escape sequence");
        }
        pos += 2;
        return h * 16 + l;
    }

    /** Go's {@code parseClass} with Perl flags, {@code pos} just after the {@code [}. */
    private List<int[]> parseClass() throws BadRegexp {
        boolean negated = false;
        if (pos < re.length && re[pos] == '^') {
            negated = true;
            pos++;
        }
        List<int[]> ranges = new ArrayList<>();
        boolean first = true;
        while (pos >= re.length || re[pos] != ']' || first) {
            first = false;
            if (pos >= re.length) {
                throw new BadRegexp("missing closing ]");
            }
            // [:alpha:] and [:^alpha:]
            if (pos + 2 < re.length && re[pos] == '[' && re[pos + 1] == ':') {
                int end = indexOf(":]", pos + 2);
                if (end >= 0) {
                    String name = new String(re, pos + 2, end - pos - 2);
                    boolean neg = name.startsWith("^");
                    int[] g = POSIX.get(neg ? name.substring(1) : name);
                    if (g == null) {
                        throw new BadRegexp("invalid character class range");
                    }
                    add(ranges, neg ? negate(g) : g);
                    pos = end + 2;
                    continue;
                }
            }
            if (re[pos] == '\\' && pos + 1 < re.length && PERL.containsKey((char) Character.toLowerCase(re[pos + 1]))
                    && re[pos + 1] < 0x80) {
                perl(ranges, re[pos + 1]);
                pos += 2;
                continue;
            }
            int lo = classChar();
            int hi = lo;
            if (pos + 1 < re.length && re[pos] == '-' && re[pos + 1] != ']') {
                pos++;
                hi = classChar();
                if (hi < lo) {
                    throw new BadRegexp("invalid character class range");
                }
            }
            ranges.add(new int[] {lo, hi});
        }
        pos++; // ]
        return negated ? toList(negate(flatten(ranges))) : ranges;
    }

    private int classChar() throws BadRegexp {
        if (pos >= re.length) {
            throw new BadRegexp("missing closing ]");
        }
        if (re[pos] == '\\') {
            pos++;
            if (pos >= re.length) {
                throw new BadRegexp("trailing backslash at end of expression");
            }
            if (re[pos] == 'p' || re[pos] == 'P' || re[pos] == 'Q') {
                throw new BadRegexp("unsupported escape");
            }
            return escapedRune();
        }
        return re[pos++];
    }

    private int indexOf(String s, int from) {
        for (int i = from; i + 1 < re.length; i++) {
            if (re[i] == s.charAt(0) && re[i + 1] == s.charAt(1)) {
                return i;
            }
        }
        return -1;
    }

    private static void add(List<int[]> ranges, int[] flat) {
        for (int i = 0; i < flat.length; i += 2) {
            ranges.add(new int[] {flat[i], flat[i + 1]});
        }
    }

    private static List<int[]> toList(int[] flat) {
        List<int[]> l = new ArrayList<>();
        add(l, flat);
        return l;
    }

    private static int[] flatten(List<int[]> ranges) {
        List<int[]> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : sorted) {
            if (!merged.isEmpty() && r[0] <= merged.get(merged.size() - 1)[1] + 1) {
                int[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new int[] {r[0], r[1]});
            }
        }
        int[] flat = new int[merged.size() * 2];
        for (int i = 0; i < merged.size(); i++) {
            flat[2 * i] = merged.get(i)[0];
            flat[2 * i + 1] = merged.get(i)[1];
        }
        return flat;
    }

    /** The complement of sorted, merged ranges within [0, MaxRune]. */
    private static int[] negate(int[] flat) {
        int[] sorted = flatten(toList(flat));
        List<int[]> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < sorted.length; i += 2) {
            if (sorted[i] > next) {
                out.add(new int[] {next, sorted[i] - 1});
            }
            next = sorted[i + 1] + 1;
        }
        if (next <= MAX_RUNE) {
            out.add(new int[] {next, MAX_RUNE});
        }
        return flatten(out);
    }

    private static String javaClass(List<int[]> ranges) {
        int[] flat = flatten(ranges);
        if (flat.length == 0) {
            return "(?!)"; // an empty class matches nothing
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < flat.length; i += 2) {
            sb.append(String.format("\\x{%x}", flat[i]));
            if (flat[i + 1] != flat[i]) {
                sb.append(String.format("-\\x{%x}", flat[i + 1]));
            }
        }
        return sb.append(']').toString();
    }

    private void literal(int c) {
        out.append(String.format("\\x{%x}", c));
    }
}
