package io.multistep.spec.render;

import io.multistep.gotemplate.internal.Mapped;
import io.multistep.gotemplate.internal.OffsetMap;
import java.util.Map;

/**
 * The text stages before template rendering, ported from acr-builder: comment-line removal
 * (templating/template.go), {@code FindVersion}, {@code SeparateAliasFromRest} and the
 * single-pass directive substitution {@code preprocessString} (graph/preprocessor.go).
 */
final class Preprocessor {

    private Preprocessor() {
    }

    /** Go's strings.TrimSpace whitespace. */
    static boolean isGoSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r' || c == 0x85
                || c == 0xA0 || Character.isSpaceChar(c);
    }

    /** Go strings.TrimSpace. */
    public static String trimSpace(String s) {
        int st = 0;
        int end = s.length();
        while (st < end && isGoSpace(s.charAt(st))) {
            st++;
        }
        while (end > st && isGoSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(st, end);
    }

    private static boolean isCommentLine(String line) {
        return trimSpace(line).startsWith("#");
    }

    /** Drops every line whose first non-blank character is {@code #}; lines are split on \n. */
    public static Mapped stripComments(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        OffsetMap map = new OffsetMap();
        int pos = 0;
        boolean first = true;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end);
            if (!isCommentLine(line)) {
                if (!first) {
                    sb.append('\n');
                    // the joining newline maps to the end of the previous kept line
                    map.add(1, Math.max(0, pos - 1), false);
                }
                first = false;
                sb.append(line);
                map.add(line.length(), pos, true);
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        return new Mapped(sb.toString(), map);
    }

    /** FindVersion: the detected version string, or "" (task-format.md §3). */
    public static String findVersion(String text) {
        for (String line : text.split("\n", -1)) {
            String t = trimSpace(line);
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String unq = trimLeft(line, "'\"");
            if (!unq.startsWith("version")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = trim(trimSpace(line.substring(0, colon)), "'\"");
            if (!key.equals("version")) {
                continue;
            }
            return trim(trimSpace(line.substring(colon + 1)), "'\"");
        }
        return "";
    }

    private static String trimLeft(String s, String cut) {
        int i = 0;
        while (i < s.length() && cut.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(i);
    }

    private static String trim(String s, String cut) {
        int st = 0;
        int end = s.length();
        while (st < end && cut.indexOf(s.charAt(st)) >= 0) {
            st++;
        }
        while (end > st && cut.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(st, end);
    }

    /**
     * Result of {@link #separate}.
     *
     * @param alias the alias block text (with its map)
     * @param rest the rest of the document (with its map)
     */
    public record Separated(Mapped alias, Mapped rest) {
    }

    /** Go regexp {@code \s}: ASCII {@code [\t\n\f\r ]} only (no \v, no Unicode blanks). */
    private static boolean isRe2Space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** {@code \Aalias\s*:.*\z} */
    private static boolean isAliasStart(String line) {
        if (!line.startsWith("alias")) {
            return false;
        }
        int i = 5;
        while (i < line.length() && isRe2Space(line.charAt(i))) {
            i++;
        }
        return i < line.length() && line.charAt(i) == ':';
    }

    /** {@code \A[^\s:]+[^:]*:.*\z}: a new top-level key. */
    private static boolean isTopLevelKey(String line) {
        return !line.isEmpty() && !isRe2Space(line.charAt(0)) && line.charAt(0) != ':' && line.indexOf(':') > 0;
    }

    /**
     * SeparateAliasFromRest (templating.md §2.1). acb reads the text with {@code bufio.ScanLines}
     * (no token for the empty text after a final newline; one {@code \r} before each line end and
     * at EOF dropped) and writes {@code text + "\n"} for every line to its buffer, so both outputs
     * end every line with a newline and carry no carriage returns.
     */
    public static Separated separate(String text) {
        StringBuilder alias = new StringBuilder();
        StringBuilder rest = new StringBuilder();
        OffsetMap aliasMap = new OffsetMap();
        OffsetMap restMap = new OffsetMap();
        boolean open = false;
        int pos = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1); // bufio dropCR
            }
            if (!isCommentLine(line)) {
                if (!open && isAliasStart(line)) {
                    open = true;
                } else if (open && isTopLevelKey(line)) {
                    open = false;
                }
                StringBuilder sb = open ? alias : rest;
                OffsetMap m = open ? aliasMap : restMap;
                sb.append(line).append('\n');
                m.add(line.length(), pos, true);
                m.add(1, pos + line.length(), false);
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        return new Separated(new Mapped(alias.toString(), aliasMap), new Mapped(rest.toString(), restMap));
    }

    private static boolean isAlnum(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** preprocessString: single left-to-right directive substitution (templating.md §2.5). */
    public static Mapped substitute(String text, Map<String, String> aliases, int directive) {
        String in = text + " ";
        StringBuilder out = new StringBuilder(in.length());
        OffsetMap map = new OffsetMap();
        boolean inAlias = false;
        int aliasStart = 0;
        StringBuilder name = new StringBuilder();
        int dirLen = Character.charCount(directive);
        for (int i = 0; i < in.length(); ) {
            int c = in.codePointAt(i);
            int clen = Character.charCount(c);
            if (!inAlias) {
                if (c == directive) {
                    inAlias = true;
                    aliasStart = i;
                    name.setLength(0);
                } else {
                    out.appendCodePoint(c);
                    map.add(clen, i, true);
                }
            } else if (c == directive && name.length() == 0) {
                out.appendCodePoint(directive);
                map.add(dirLen, aliasStart, true);
                inAlias = false;
            } else if (isAlnum(c)) {
                name.append((char) c);
            } else {
                String value = aliases.get(name.toString());
                if (value != null) {
                    out.append(value);
                    map.add(value.length(), aliasStart, false);
                    if (c == directive) {
                        aliasStart = i;
                        name.setLength(0);
                    } else {
                        out.appendCodePoint(c);
                        map.add(clen, i, true);
                        inAlias = false;
                    }
                } else {
                    out.appendCodePoint(directive).append(name).appendCodePoint(c);
                    map.add(dirLen + name.length() + clen, aliasStart, true);
                    inAlias = false;
                }
            }
            i += clen;
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
        return new Mapped(out.toString(), map);
    }

    /** Deletes every occurrence of {@code <no value>} (templating/engine.go). */
    public static Mapped deleteNoValue(String text) {
        String nv = "<no value>";
        OffsetMap map = new OffsetMap();
        int x = text.indexOf(nv);
        if (x < 0) {
            map.add(text.length(), 0, true);
            return new Mapped(text, map);
        }
        StringBuilder sb = new StringBuilder(text.length());
        int pos = 0;
        while (x >= 0) {
            sb.append(text, pos, x);
            map.add(x - pos, pos, true);
            pos = x + nv.length();
            x = text.indexOf(nv, pos);
        }
        sb.append(text.substring(pos));
        map.add(text.length() - pos, pos, true);
        return new Mapped(sb.toString(), map);
    }
}
