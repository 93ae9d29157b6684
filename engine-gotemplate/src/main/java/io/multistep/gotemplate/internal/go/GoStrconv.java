package io.multistep.gotemplate.internal.go;

import org.apiguardian.api.API;

/** Ports of the few {@code strconv} functions the template engine needs. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class GoStrconv {

    private GoStrconv() {
    }

    /** Go {@code strconv.Unquote} for "..." and `...` literals; throws IllegalArgumentException. */
    public static String unquote(String s) {
        if (s.length() < 2) {
            throw new IllegalArgumentException("invalid syntax");
        }
        char q = s.charAt(0);
        if (q != s.charAt(s.length() - 1)) {
            throw new IllegalArgumentException("invalid syntax");
        }
        String body = s.substring(1, s.length() - 1);
        if (q == '`') {
            if (body.indexOf('`') >= 0) {
                throw new IllegalArgumentException("invalid syntax");
            }
            return body.replace("\r", "");
        }
        if (q != '"' && q != '\'') {
            throw new IllegalArgumentException("invalid syntax");
        }
        StringBuilder sb = new StringBuilder(body.length());
        int[] i = {0};
        while (i[0] < body.length()) {
            char c = body.charAt(i[0]);
            if (c == q && q == '"') {
                throw new IllegalArgumentException("invalid syntax");
            }
            if (c == '\n') {
                throw new IllegalArgumentException("invalid syntax");
            }
            if (c != '\\') {
                sb.append(c);
                i[0]++;
                continue;
            }
            appendEscape(body, i, q, sb);
        }
        return sb.toString();
    }

    // Byte escapes (\x, octal) are collected as raw bytes and decoded as UTF-8 at the end of a run.
    private static void appendEscape(String body, int[] i, char q, StringBuilder sb) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        while (i[0] < body.length() && body.charAt(i[0]) == '\\') {
            if (i[0] + 1 >= body.length()) {
                throw new IllegalArgumentException("invalid syntax");
            }
            char e = body.charAt(i[0] + 1);
            if (e == 'x' || (e >= '0' && e <= '7')) {
                int v;
                if (e == 'x') {
                    v = hex(body, i[0] + 2, 2);
                    i[0] += 4;
                } else {
                    if (i[0] + 4 > body.length()) {
                        throw new IllegalArgumentException("invalid syntax");
                    }
                    v = Integer.parseInt(body.substring(i[0] + 1, i[0] + 4), 8);
                    if (v > 255) {
                        throw new IllegalArgumentException("invalid syntax");
                    }
                    i[0] += 4;
                }
                bytes.write(v);
                continue;
            }
            if (bytes.size() > 0) {
                sb.append(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
                bytes.reset();
            }
            i[0] += 2;
            switch (e) {
                case 'a': sb.append('\u0007'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'v': sb.append('\u000b'); break;
                case '\\': sb.append('\\'); break;
                case '\'':
                case '"':
                    if (e != q) {
                        throw new IllegalArgumentException("invalid syntax");
                    }
                    sb.append(e);
                    break;
                case 'u':
                    sb.appendCodePoint(hex(body, i[0], 4));
                    i[0] += 4;
                    break;
                case 'U':
                    int cp = hex(body, i[0], 8);
                    if (cp > 0x10FFFF) {
                        throw new IllegalArgumentException("invalid syntax");
                    }
                    sb.appendCodePoint(cp);
                    i[0] += 8;
                    break;
                default:
                    throw new IllegalArgumentException("invalid syntax");
            }
        }
        if (bytes.size() > 0) {
            sb.append(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static int hex(String s, int from, int n) {
        if (from + n > s.length()) {
            throw new IllegalArgumentException("invalid syntax");
        }
        try {
            return Integer.parseUnsignedInt(s.substring(from, from + n), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid syntax");
        }
    }

    /**
     * Go's {@code strconv.UnquoteChar(s, quote)}: decodes the first character or escape of {@code s}.
     *
     * @return the rune and the number of chars it took, or null for Go's {@code ErrSyntax}
     */
    public static int[] unquoteCharPrefix(String s, char quote) {
        if (s.isEmpty()) {
            return null;
        }
        int c = s.codePointAt(0);
        if (c == quote && (quote == '\'' || quote == '"')) {
            return null;
        }
        if (c != '\\') {
            return new int[] {c, Character.charCount(c)};
        }
        if (s.length() < 2) {
            return null;
        }
        char e = s.charAt(1);
        switch (e) {
            case 'a': return new int[] {7, 2};
            case 'b': return new int[] {8, 2};
            case 'f': return new int[] {12, 2};
            case 'n': return new int[] {10, 2};
            case 'r': return new int[] {13, 2};
            case 't': return new int[] {9, 2};
            case 'v': return new int[] {11, 2};
            case '\\': return new int[] {'\\', 2};
            case '\'': case '"':
                return e == quote ? new int[] {e, 2} : null;
            case 'x': case 'u': case 'U': {
                int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (s.length() < 2 + n) {
                    return null;
                }
                int v = 0;
                for (int i = 2; i < 2 + n; i++) {
                    int d = Character.digit(s.charAt(i), 16);
                    if (d < 0) {
                        return null;
                    }
                    v = v * 16 + d;
                }
                if (e != 'x' && (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))) {
                    return null;
                }
                return new int[] {v, 2 + n};
            }
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                if (s.length() < 4) {
                    return null;
                }
                int v = 0;
                for (int i = 1; i < 4; i++) {
                    int d = s.charAt(i) - '0';
                    if (d < 0 || d > 7) {
                        return null;
                    }
                    v = v * 8 + d;
                }
                return v > 255 ? null : new int[] {v, 4};
            }
            default:
                return null;
        }
    }

    /** Go {@code strconv.ParseUint(s, 0, 64)} as a double; null when not an unsigned int (or out of range). */
    public static Double parseUint(String s) {
        if (s.isEmpty() || s.charAt(0) == '+' || s.charAt(0) == '-') {
            return null;
        }
        Long l = parseInt(s);
        if (l != null) {
            return l.doubleValue();
        }
        Long hi = parseInt(s.length() > 1 ? s.substring(0, s.length() - 1) : "x");
        if (hi == null || hi < 0 || !underscoreOk(s)) {
            return null;
        }
        // Beyond int64: redo it exactly with BigInteger.
        try {
            String body = s.replace("_", "");
            int radix = 10;
            if (body.length() > 1 && body.charAt(0) == '0') {
                char p = Character.toLowerCase(body.charAt(1));
                radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 8;
                body = body.substring(radix == 8 && p != 'o' ? 1 : 2);
            }
            java.math.BigInteger v = new java.math.BigInteger(body, radix);
            return v.bitLength() <= 64 ? v.doubleValue() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Go's {@code int64(f)} on amd64: truncation, and the "integer indefinite" MinInt64 for NaN and
     * values out of range (where Java's cast would saturate).
     */
    public static long floatToInt64(double f) {
        return f >= -0x1p63 && f < 0x1p63 ? (long) f : Long.MIN_VALUE;
    }

    /** The rune fmt's %c and %q write for integer {@code n}: U+FFFD when it is no valid code point. */
    public static int rune(long n) {
        return n < 0 || n > 0x10FFFF || n >= 0xD800 && n <= 0xDFFF ? 0xFFFD : (int) n;
    }

    /** Whether {@code f} survives Go's {@code float64(int64(f)) == f} on amd64. */
    public static boolean isInt64(double f) {
        return f == Math.rint(f) && f >= -0x1p63 && f < 0x1p63;
    }

    /** Go's strconv {@code underscoreOK}: underscores only between digits (or after a base prefix). */
    public static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "bBoOxX".indexOf(s.charAt(1)) >= 0) {
            i = 2;
            saw = '0';
            hex = s.charAt(1) == 'x' || s.charAt(1) == 'X';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char lc = Character.toLowerCase(c);
            if (c >= '0' && c <= '9' || hex && lc >= 'a' && lc <= 'f') {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    /** Go {@code strconv.ParseInt(s, 0, 64)}; null when not an int (or out of range). */
    public static Long parseInt(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (s.indexOf('_') >= 0) {
            if (!underscoreOk(s)) {
                return null;
            }
            s = s.replace("_", "");
        }
        boolean neg = false;
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            neg = s.charAt(0) == '-';
            i = 1;
        }
        String body = s.substring(i);
        int radix = 10;
        if (body.length() > 1 && body.charAt(0) == '0') {
            char p = Character.toLowerCase(body.charAt(1));
            if (p == 'x') {
                radix = 16;
                body = body.substring(2);
            } else if (p == 'o') {
                radix = 8;
                body = body.substring(2);
            } else if (p == 'b') {
                radix = 2;
                body = body.substring(2);
            } else {
                radix = 8;
                body = body.substring(1);
            }
        }
        if (body.isEmpty()) {
            return null;
        }
        for (char c : body.toCharArray()) {
            if (Character.digit(c, radix) < 0) {
                return null;
            }
        }
        try {
            return Long.parseLong((neg ? "-" : "") + body, radix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Go {@code strconv.ParseFloat(s, 64)}; null when invalid or out of range (Go's ErrRange). */
    public static Double parseFloat(String s) {
        if (s.indexOf('_') >= 0) {
            if (!underscoreOk(s)) {
                return null;
            }
            s = s.replace("_", "");
        }
        Double d = parseFloatValue(s);
        return d == null || d.isInfinite() && !isInfinityWord(s) ? null : d;
    }

    private static boolean isInfinityWord(String s) {
        String l = s.toLowerCase(java.util.Locale.ROOT);
        return l.endsWith("inf") || l.endsWith("infinity");
    }

    private static Double parseFloatValue(String s) {
        if (s.isEmpty()) {
            return null;
        }
        for (char c : s.toCharArray()) {
            if ("0123456789.eE+-".indexOf(c) < 0) {
                if (s.toLowerCase(java.util.Locale.ROOT).startsWith("0x")
                        || s.toLowerCase(java.util.Locale.ROOT).startsWith("-0x")
                        || s.toLowerCase(java.util.Locale.ROOT).startsWith("+0x")) {
                    try {
                        return Double.parseDouble(s.contains("p") || s.contains("P") ? s : s + "p0");
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
                return null;
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
