package io.multistep.gotemplate.internal.go;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** String helpers that behave exactly like the Go standard-library functions the reference uses. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class GoText {

    private GoText() {}

    /** Go's {@code unicode.IsSpace}: the ASCII blanks plus U+0085, U+00A0 and the Unicode Z spaces. */
    public static boolean isSpace(int c) {
        if (c <= 0xFF) {
            return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == 0x85 || c == 0xA0;
        }
        // Go: unicode.White_Space for non-Latin-1 code points.
        return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
                || c == 0x205F || c == 0x3000;
    }

    /** Whether {@code s} contains any character Go's {@code unicode.IsSpace} accepts. */
    public static boolean containsSpace(String s) {
        return s.codePoints().anyMatch(GoText::isSpace);
    }

    /** Go's {@code strings.Fields}: splits around runs of white space, dropping empty pieces. */
    public static List<String> fields(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int n = Character.charCount(c);
            if (isSpace(c)) {
                if (start >= 0) {
                    out.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += n;
        }
        if (start >= 0) {
            out.add(s.substring(start));
        }
        return out;
    }

    /** Levenshtein distance, used for did-you-mean suggestions. */
    public static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * The closest candidate to {@code word} (case-insensitive Levenshtein), or {@code null} when none
     * is close enough to be a plausible typo.
     */
    public static String suggest(String word, Iterable<String> candidates) {
        String lw = word.toLowerCase(java.util.Locale.ROOT);
        int limit = lw.length() <= 4 ? 1 : lw.length() <= 8 ? 2 : 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = levenshtein(lw, c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /** Whether {@code s} is a UUID in one of the forms Go UUID parsers accept (canonical, braced, urn, bare hex). */
    public static boolean isUuid(String s) {
        String t = s;
        if (t.length() == 45 && t.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
            t = t.substring(9);
        } else if (t.length() == 38 && t.charAt(0) == '{' && t.charAt(37) == '}') {
            t = t.substring(1, 37);
        }
        if (t.length() == 32) {
            return t.chars().allMatch(GoText::isHex);
        }
        if (t.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = t.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHex(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
