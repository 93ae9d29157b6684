package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import io.multistep.gotemplate.internal.go.GoFmt;
import io.multistep.gotemplate.internal.go.GoValues;
import static io.multistep.gotemplate.internal.GoFunc.P.ANY;
import static io.multistep.gotemplate.internal.GoFunc.P.INT;
import static io.multistep.gotemplate.internal.GoFunc.P.MAP;
import static io.multistep.gotemplate.internal.GoFunc.P.STRING;
import static io.multistep.gotemplate.internal.SprigConversions.atoi;
import static io.multistep.gotemplate.internal.SprigConversions.toFloat64;
import static io.multistep.gotemplate.internal.SprigConversions.toInt64;
import static io.multistep.gotemplate.internal.SprigDicts.field;
import static io.multistep.gotemplate.internal.SprigDicts.map;
import static io.multistep.gotemplate.internal.SprigDicts.nz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sprig's string functions ({@code strings.go}, with the conversions and hashes the map defines). */
final class SprigStrings extends SprigGroup {

    SprigStrings(Map<String, GoFunc> m, Sprig.Context ctx) {
        super(m, ctx);
    }

    @Override
    void register() {
        f("hello", a -> "Hello!");
        f("abbrev", a -> abbrev(i(a[0]), s(a[1])), INT, STRING);
        f("abbrevboth", a -> abbrevboth(i(a[0]), i(a[1]), s(a[2])), INT, INT, STRING);
        f("trunc", a -> trunc(i(a[0]), s(a[1])), INT, STRING);
        f("trim", a -> goTrimSpace(s(a[0])), STRING);
        f("upper", a -> s(a[0]).toUpperCase(Locale.ROOT), STRING);
        f("lower", a -> s(a[0]).toLowerCase(Locale.ROOT), STRING);
        f("title", a -> title(s(a[0])), STRING);
        f("untitle", a -> untitle(s(a[0])), STRING);
        f("substr", a -> substr(i(a[0]), i(a[1]), s(a[2])), INT, INT, STRING);
        f("repeat", a -> {
            int n = i(a[0]);
            if (n < 0) {
                throw new FuncError("strings: negative Repeat count");
            }
            checkSize((long) n * s(a[1]).length());
            return s(a[1]).repeat(n);
        }, INT, STRING);
        f("trimall", a -> trimChars(s(a[1]), s(a[0]), true, true), STRING, STRING);
        f("trimAll", a -> trimChars(s(a[1]), s(a[0]), true, true), STRING, STRING);
        f("trimSuffix", a -> s(a[1]).endsWith(s(a[0])) ? s(a[1]).substring(0, s(a[1]).length() - s(a[0]).length())
                : s(a[1]), STRING, STRING);
        f("trimPrefix", a -> s(a[1]).startsWith(s(a[0])) ? s(a[1]).substring(s(a[0]).length()) : s(a[1]),
                STRING, STRING);
        f("nospace", a -> s(a[0]).codePoints().filter(c -> !isGoSpace(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString(), STRING);
        f("initials", a -> initials(s(a[0])), STRING);
        f("randAlphaNum", a -> rand(i(a[0]), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), INT);
        f("randAlpha", a -> rand(i(a[0]), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"), INT);
        f("randNumeric", a -> rand(i(a[0]), "0123456789"), INT);
        f("randAscii", a -> {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 127; k++) {
                if (k >= 32) {
                    sb.append((char) k);
                }
            }
            return rand(i(a[0]), sb.toString());
        }, INT);
        f("swapcase", a -> swapcase(s(a[0])), STRING);
        f("shuffle", a -> {
            List<Integer> cps = new ArrayList<>();
            s(a[0]).codePoints().forEach(cps::add);
            Collections.shuffle(cps, RANDOM);
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        }, STRING);
        f("snakecase", a -> delimitedCase(s(a[0]), '_'), STRING);
        f("kebabcase", a -> delimitedCase(s(a[0]), '-'), STRING);
        f("camelcase", a -> XStrings.toCamelCase(s(a[0])), STRING);
        f("wrap", a -> wrap(s(a[1]), i(a[0]), "\n", false), INT, STRING);
        f("wrapWith", a -> wrap(s(a[2]), i(a[0]), s(a[1]), true), INT, STRING, STRING);
        f("contains", a -> s(a[1]).contains(s(a[0])), STRING, STRING);
        f("hasPrefix", a -> s(a[1]).startsWith(s(a[0])), STRING, STRING);
        f("hasSuffix", a -> s(a[1]).endsWith(s(a[0])), STRING, STRING);
        v("quote", a -> {
            List<String> out = new ArrayList<>();
            for (Object o : a) {
                if (o != null) {
                    out.add(GoFmt.quote(strval(o)));
                }
            }
            return String.join(" ", out);
        }, ANY);
        v("squote", a -> {
            List<String> out = new ArrayList<>();
            for (Object o : a) {
                if (o != null) {
                    out.add("'" + strval(o) + "'");
                }
            }
            return String.join(" ", out);
        }, ANY);
        v("cat", a -> {
            List<Object> vals = new ArrayList<>();
            for (Object o : a) {
                if (o != null) {
                    vals.add(o);
                }
            }
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < vals.size(); k++) {
                if (k > 0) {
                    sb.append(' ');
                }
                sb.append(GoFmt.sprintValue(vals.get(k)));
            }
            return sb.toString();
        }, ANY);
        f("indent", a -> indent(i(a[0]), s(a[1])), INT, STRING);
        f("nindent", a -> "\n" + indent(i(a[0]), s(a[1])), INT, STRING);
        f("replace", a -> s(a[2]).replace(s(a[0]), s(a[1])), STRING, STRING, STRING);
        f("plural", a -> i(a[2]) == 1 ? a[0] : a[1], STRING, STRING, INT);
        f("sha1sum", a -> hex(digest("SHA-1", s(a[0]))), STRING);
        f("sha256sum", a -> hex(digest("SHA-256", s(a[0]))), STRING);
        f("adler32sum", a -> {
            java.util.zip.Adler32 ad = new java.util.zip.Adler32();
            ad.update(s(a[0]).getBytes(StandardCharsets.UTF_8));
            return Long.toString(ad.getValue());
        }, STRING);
        // Sprig's urlParse/urlJoin, on Go's url.URL field names.
        f("urlParse", a -> {
            Map<String, Object> r = new LinkedHashMap<>();
            try {
                java.net.URI u = new java.net.URI(s(a[0]));
                r.put("scheme", nz(u.getScheme()));
                r.put("host", nz(u.getRawAuthority()).replaceFirst("^[^@]*@", ""));
                r.put("hostname", nz(u.getHost()));
                r.put("path", nz(u.getPath()));
                r.put("query", nz(u.getRawQuery()));
                r.put("opaque", u.isOpaque() ? nz(u.getRawSchemeSpecificPart()) : "");
                r.put("fragment", nz(u.getFragment()));
                r.put("userinfo", nz(u.getRawUserInfo()));
            } catch (java.net.URISyntaxException e) {
                throw new FuncError("unable to parse url: " + e.getMessage());
            }
            return r;
        }, STRING);
        f("urlJoin", a -> {
            Map<String, Object> d = a[0] == null ? Map.of() : map(a[0]);
            StringBuilder sb = new StringBuilder();
            String scheme = field(d, "scheme");
            if (!scheme.isEmpty()) {
                sb.append(scheme).append(':');
            }
            String opaque = field(d, "opaque");
            if (!opaque.isEmpty()) {
                sb.append(opaque);
            } else {
                String host = field(d, "host");
                String user = field(d, "userinfo");
                if (!scheme.isEmpty() || !host.isEmpty() || !user.isEmpty()) {
                    sb.append("//");
                    if (!user.isEmpty()) {
                        sb.append(user).append('@');
                    }
                    sb.append(host);
                }
                String path = field(d, "path");
                if (!path.isEmpty() && !path.startsWith("/") && !host.isEmpty()) {
                    sb.append('/');
                }
                sb.append(path);
            }
            String query = field(d, "query");
            if (!query.isEmpty()) {
                sb.append('?').append(query);
            }
            String fragment = field(d, "fragment");
            if (!fragment.isEmpty()) {
                sb.append('#').append(fragment);
            }
            return sb.toString();
        }, MAP);
        f("toString", a -> strval(a[0]), ANY);
        f("atoi", a -> {
            Long n = atoi(s(a[0]));
            return n == null ? 0L : n;
        }, STRING);
        f("int64", a -> toInt64(a[0]), ANY);
        f("int", a -> toInt64(a[0]), ANY);
        f("float64", a -> toFloat64(a[0]), ANY);
        f("toDecimal", a -> {
            try {
                return Long.parseLong(GoFmt.sprintValue(a[0]), 8);
            } catch (NumberFormatException e) {
                return 0L;
            }
        }, ANY);
        f("split", a -> {
            String[] parts = goSplit(s(a[1]), s(a[0]), -1);
            Map<String, Object> res = new LinkedHashMap<>();
            for (int k = 0; k < parts.length; k++) {
                res.put("_" + k, parts[k]);
            }
            return res;
        }, STRING, STRING);
        f("splitList", a -> new ArrayList<Object>(java.util.Arrays.asList((Object[]) goSplit(s(a[1]), s(a[0]), -1))),
                STRING, STRING);
        f("splitn", a -> {
            String[] parts = goSplit(s(a[2]), s(a[0]), i(a[1]));
            Map<String, Object> res = new LinkedHashMap<>();
            for (int k = 0; k < parts.length; k++) {
                res.put("_" + k, parts[k]);
            }
            return res;
        }, STRING, INT, STRING);
        f("toStrings", a -> new ArrayList<Object>(strslice(a[0])), ANY);
        f("join", a -> String.join(s(a[0]), strslice(a[1])), STRING, ANY);
        f("sortAlpha", a -> {
            if (a[0] instanceof List<?>) {
                List<String> l = new ArrayList<>(strslice(a[0]));
                l.sort(GoValues::compareStrings);
                return new ArrayList<Object>(l);
            }
            return new ArrayList<Object>(List.of(strval(a[0])));
        }, ANY);
    }

    static String strval(Object v) {
        if (v instanceof String str) {
            return str;
        }
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        return GoFmt.sprintValue(v);
    }

    static List<String> strslice(Object v) {
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>(l.size());
            for (Object o : l) {
                if (o != null) {
                    out.add(strval(o));
                }
            }
            return out;
        }
        if (v == null) {
            return new ArrayList<>();
        }
        return new ArrayList<>(List.of(strval(v)));
    }

    private static boolean isGoSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r' || c == 0x85
                || c == 0xA0 || Character.isSpaceChar(c);
    }

    static String goTrimSpace(String str) {
        int st = 0;
        int end = str.length();
        while (st < end && isGoSpace(str.charAt(st))) {
            st++;
        }
        while (end > st && isGoSpace(str.charAt(end - 1))) {
            end--;
        }
        return str.substring(st, end);
    }

    private static String trimChars(String str, String cut, boolean left, boolean right) {
        int st = 0;
        int end = str.length();
        while (left && st < end && cut.indexOf(str.codePointAt(st)) >= 0) {
            st += Character.charCount(str.codePointAt(st));
        }
        while (right && end > st && cut.indexOf(str.codePointBefore(end)) >= 0) {
            end -= Character.charCount(str.codePointBefore(end));
        }
        return str.substring(st, end);
    }

    private static String abbrev(int width, String str) {
        if (width < 4) {
            return str;
        }
        if (str.length() <= width) {
            return str;
        }
        return str.substring(0, width - 3) + "...";
    }

    private static String abbrevboth(int left, int right, String str) {
        if (right < 4 || left > 0 && right < 7) {
            return str;
        }
        if (str.isEmpty() || str.length() <= right) {
            return str;
        }
        int offset = Math.min(left, str.length());
        if (str.length() - offset < right - 3) {
            offset = str.length() - (right - 3);
        }
        if (offset <= 4) {
            return str.substring(0, right - 3) + "...";
        }
        if (offset + right - 3 < str.length()) {
            return "..." + abbrev(right - 3, str.substring(offset));
        }
        return "..." + str.substring(str.length() - (right - 3));
    }

    // Sprig v2.22: if len(s) <= c { return s }; return s[0:c] -- bytes, and a negative c panics.
    private static String trunc(int c, String str) {
        byte[] b = str.getBytes(StandardCharsets.UTF_8);
        if (b.length <= c) {
            return str;
        }
        if (c < 0) {
            throw new FuncError("runtime error: slice bounds out of range [:" + c + "]");
        }
        return new String(b, 0, c, StandardCharsets.UTF_8);
    }

    private static String substr(int start, int end, String str) {
        try {
            if (start < 0) {
                return str.substring(0, end);
            }
            if (end < 0 || end > str.length()) {
                return str.substring(start);
            }
            return str.substring(start, end);
        } catch (IndexOutOfBoundsException e) {
            throw new FuncError("runtime error: slice bounds out of range");
        }
    }

    private static boolean isTitleSeparator(int r) {
        if (r <= 0x7F) {
            if ((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_') {
                return false;
            }
            return true;
        }
        if (Character.isLetterOrDigit(r)) {
            return false;
        }
        return Character.isWhitespace(r) || Character.isSpaceChar(r);
    }

    private static String title(String str) {
        StringBuilder sb = new StringBuilder();
        int prev = ' ';
        for (int k = 0; k < str.length(); ) {
            int cp = str.codePointAt(k);
            k += Character.charCount(cp);
            sb.appendCodePoint(isTitleSeparator(prev) ? Character.toTitleCase(cp) : cp);
            prev = cp;
        }
        return sb.toString();
    }

    private static String untitle(String str) {
        StringBuilder sb = new StringBuilder();
        boolean gap = true;
        for (int k = 0; k < str.length(); ) {
            int cp = str.codePointAt(k);
            k += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                gap = true;
                sb.appendCodePoint(cp);
            } else if (gap) {
                sb.appendCodePoint(Character.toLowerCase(cp));
                gap = false;
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    private static String initials(String str) {
        StringBuilder sb = new StringBuilder();
        boolean gap = true;
        for (int k = 0; k < str.length(); ) {
            int cp = str.codePointAt(k);
            k += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                gap = true;
            } else if (gap) {
                sb.appendCodePoint(cp);
                gap = false;
            }
        }
        return sb.toString();
    }

    private static String swapcase(String str) {
        StringBuilder sb = new StringBuilder();
        boolean whitespace = true;
        for (int k = 0; k < str.length(); ) {
            int cp = str.codePointAt(k);
            k += Character.charCount(cp);
            int out;
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                out = Character.toLowerCase(cp);
            } else if (Character.isLowerCase(cp)) {
                out = whitespace ? Character.toTitleCase(cp) : Character.toUpperCase(cp);
            } else {
                out = cp;
            }
            whitespace = Character.isWhitespace(cp);
            sb.appendCodePoint(out);
        }
        return sb.toString();
    }

    // Approximates xstrings.ToSnakeCase/ToKebabCase: words split at case changes and separators.
    private static String delimitedCase(String str, char delim) {
        StringBuilder sb = new StringBuilder();
        int n = str.length();
        boolean pendingSep = false;
        for (int k = 0; k < n; k++) {
            char c = str.charAt(k);
            if (!Character.isLetterOrDigit(c)) {
                if (sb.length() > 0) {
                    pendingSep = true;
                }
                continue;
            }
            if (Character.isUpperCase(c) && sb.length() > 0) {
                char prev = str.charAt(k - 1);
                boolean nextLower = k + 1 < n && Character.isLowerCase(str.charAt(k + 1));
                if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
                    pendingSep = true;
                }
            }
            if (pendingSep) {
                sb.append(delim);
                pendingSep = false;
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    // Port of goutils.WrapCustom (commons-lang WordUtils.wrap).
    static String wrap(String str, int wrapLength, String newLine, boolean wrapLong) {
        if (str.isEmpty()) {
            return "";
        }
        if (newLine.isEmpty()) {
            newLine = "\n";
        }
        if (wrapLength < 1) {
            wrapLength = 1;
        }
        int inputLineLength = str.length();
        int offset = 0;
        StringBuilder sb = new StringBuilder();
        while (inputLineLength - offset > wrapLength) {
            if (str.charAt(offset) == ' ') {
                offset++;
                continue;
            }
            int end = wrapLength + offset + 1;
            int spaceToWrapAt = str.lastIndexOf(' ', Math.min(end, str.length()) - 1);
            if (spaceToWrapAt >= offset && spaceToWrapAt < end) {
                sb.append(str, offset, spaceToWrapAt).append(newLine);
                offset = spaceToWrapAt + 1;
            } else if (wrapLong) {
                sb.append(str, offset, wrapLength + offset).append(newLine);
                offset += wrapLength;
            } else {
                int sp = str.indexOf(' ', wrapLength + offset);
                if (sp >= 0) {
                    sb.append(str, offset, sp).append(newLine);
                    offset = sp + 1;
                } else {
                    sb.append(str.substring(offset));
                    offset = inputLineLength;
                }
            }
        }
        sb.append(str.substring(Math.min(offset, str.length())));
        return sb.toString();
    }

    private static String indent(int spaces, String v) {
        String pad = " ".repeat(Math.max(0, spaces));
        return pad + v.replace("\n", "\n" + pad);
    }

    private static String rand(int n, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static byte[] digest(String alg, String str) {
        try {
            return MessageDigest.getInstance(alg).digest(str.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }

    /** Go's strings.SplitN (n < 0 = all). */
    static String[] goSplit(String str, String sep, int n) {
        if (n == 0) {
            return new String[0];
        }
        List<String> out = new ArrayList<>();
        if (sep.isEmpty()) {
            int[] cps = str.codePoints().toArray();
            for (int k = 0; k < cps.length; k++) {
                if (n > 0 && out.size() == n - 1) {
                    out.add(new String(cps, k, cps.length - k));
                    return out.toArray(new String[0]);
                }
                out.add(new String(cps, k, 1));
            }
            return out.toArray(new String[0]);
        }
        int st = 0;
        while (n < 0 || out.size() < n - 1) {
            int x = str.indexOf(sep, st);
            if (x < 0) {
                break;
            }
            out.add(str.substring(st, x));
            st = x + sep.length();
        }
        out.add(str.substring(st));
        return out.toArray(new String[0]);
    }
}
