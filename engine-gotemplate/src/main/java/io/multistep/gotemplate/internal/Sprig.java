package io.multistep.gotemplate.internal;

import static io.multistep.gotemplate.internal.GoFunc.P.ANY;
import static io.multistep.gotemplate.internal.GoFunc.P.BOOL;
import static io.multistep.gotemplate.internal.GoFunc.P.INT;
import static io.multistep.gotemplate.internal.GoFunc.P.MAP;
import static io.multistep.gotemplate.internal.GoFunc.P.STRING;
import static io.multistep.gotemplate.internal.GoFunc.P.TIME;

import io.multistep.gotemplate.internal.GoFunc.Body;
import io.multistep.gotemplate.internal.GoFunc.P;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Sprig's {@code TxtFuncMap()} (v2.22 semantics, plus the later additions that exist in the
 * function map), with acb's {@code b64enc} override; the crypto functions are in
 * {@link SprigCrypto}. {@code getHostByName} is not provided.
 */
public final class Sprig {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, Pattern> REGEX_CACHE = new ConcurrentHashMap<>();

    /**
     * What the environment-dependent functions may see.
     *
     * @param clock source of {@code now}
     * @param zone zone Go's {@code time.Local} stands for
     * @param env environment for env/expandenv, or null when those are switched off
     * @param maxListSize bound for until/untilStep/seq/repeat results
     */
    public record Context(Clock clock, ZoneId zone, Map<String, String> env, long maxListSize) {
    }

    private final Map<String, GoFunc> m = new HashMap<>();
    private final Context ctx;

    private Sprig(Context ctx) {
        this.ctx = ctx;
    }

    /** Builds the function map. */
    public static Map<String, GoFunc> funcs(Context ctx) {
        Sprig s = new Sprig(ctx);
        s.strings();
        s.lists();
        s.dicts();
        s.math();
        s.defaults();
        s.dates();
        s.misc();
        SprigCrypto.addTo(s.m);
        return Collections.unmodifiableMap(s.m);
    }

    private void f(String name, Body b, P... params) {
        m.put(name, GoFunc.of(name, b, params));
    }

    private void v(String name, Body b, P... params) {
        m.put(name, GoFunc.var(name, b, params));
    }

    private static String s(Object o) {
        return (String) o;
    }

    private static int i(Object o) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, ((Number) o).longValue()));
    }

    private void checkSize(long n) {
        if (n > ctx.maxListSize()) {
            throw new FuncError("result size " + n + " exceeds the limit of " + ctx.maxListSize());
        }
    }

    // ------------------------------------------------------------------ strings

    private void strings() {
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
        // Regex
        f("regexMatch", a -> {
            try {
                return regex(s(a[0])).matcher(s(a[1])).find();
            } catch (FuncError e) {
                return false;
            }
        }, STRING, STRING);
        f("mustRegexMatch", a -> regex(s(a[0])).matcher(s(a[1])).find(), STRING, STRING);
        f("regexFindAll", a -> regexFindAll(s(a[0]), s(a[1]), i(a[2]), false), STRING, STRING, INT);
        f("mustRegexFindAll", a -> regexFindAll(s(a[0]), s(a[1]), i(a[2]), true), STRING, STRING, INT);
        f("regexFind", a -> regexFind(s(a[0]), s(a[1]), false), STRING, STRING);
        f("mustRegexFind", a -> regexFind(s(a[0]), s(a[1]), true), STRING, STRING);
        f("regexReplaceAll", a -> regexReplace(s(a[0]), s(a[1]), s(a[2]), false, false), STRING, STRING, STRING);
        f("mustRegexReplaceAll", a -> regexReplace(s(a[0]), s(a[1]), s(a[2]), false, true), STRING, STRING, STRING);
        f("regexReplaceAllLiteral", a -> regexReplace(s(a[0]), s(a[1]), s(a[2]), true, false), STRING, STRING,
                STRING);
        f("mustRegexReplaceAllLiteral", a -> regexReplace(s(a[0]), s(a[1]), s(a[2]), true, true), STRING, STRING,
                STRING);
        f("regexSplit", a -> regexSplit(s(a[0]), s(a[1]), i(a[2]), false), STRING, STRING, INT);
        f("mustRegexSplit", a -> regexSplit(s(a[0]), s(a[1]), i(a[2]), true), STRING, STRING, INT);
        f("regexQuoteMeta", a -> quoteMeta(s(a[0])), STRING);
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

    static Pattern regex(String re) {
        Pattern p = REGEX_CACHE.get(re);
        if (p != null) {
            return p;
        }
        try {
            p = Pattern.compile(re);
        } catch (PatternSyntaxException e) {
            throw new FuncError("error parsing regexp: " + e.getDescription() + ": `" + re + "`");
        }
        if (REGEX_CACHE.size() < 1000) {
            REGEX_CACHE.put(re, p);
        }
        return p;
    }

    private static Object regexFindAll(String re, String str, int n, boolean must) {
        Pattern p;
        try {
            p = regex(re);
        } catch (FuncError e) {
            if (must) {
                throw e;
            }
            return new ArrayList<>();
        }
        List<Object> out = new ArrayList<>();
        Matcher mt = p.matcher(str);
        while ((n < 0 || out.size() < n) && mt.find()) {
            out.add(mt.group());
        }
        return out;
    }

    private static Object regexFind(String re, String str, boolean must) {
        try {
            Matcher mt = regex(re).matcher(str);
            return mt.find() ? mt.group() : "";
        } catch (FuncError e) {
            if (must) {
                throw e;
            }
            return "";
        }
    }

    private static Object regexReplace(String re, String str, String repl, boolean literal, boolean must) {
        Pattern p;
        try {
            p = regex(re);
        } catch (FuncError e) {
            if (must) {
                throw e;
            }
            return str;
        }
        Matcher mt = p.matcher(str);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (mt.find()) {
            sb.append(str, last, mt.start());
            sb.append(literal ? repl : expand(repl, mt));
            last = mt.end();
        }
        sb.append(str.substring(last));
        return sb.toString();
    }

    // Go's Regexp.Expand: $1, ${1}, $name, ${name}, $$.
    private static String expand(String tpl, Matcher mt) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < tpl.length(); k++) {
            char c = tpl.charAt(k);
            if (c != '$' || k + 1 >= tpl.length()) {
                sb.append(c);
                continue;
            }
            char nx = tpl.charAt(k + 1);
            if (nx == '$') {
                sb.append('$');
                k++;
                continue;
            }
            String name;
            int endIdx;
            if (nx == '{') {
                int close = tpl.indexOf('}', k + 2);
                if (close < 0) {
                    sb.append(c);
                    continue;
                }
                name = tpl.substring(k + 2, close);
                endIdx = close;
            } else {
                int e = k + 1;
                while (e < tpl.length() && (Character.isLetterOrDigit(tpl.charAt(e)) || tpl.charAt(e) == '_')) {
                    e++;
                }
                if (e == k + 1) {
                    sb.append(c);
                    continue;
                }
                name = tpl.substring(k + 1, e);
                endIdx = e - 1;
            }
            k = endIdx;
            String g = null;
            try {
                if (name.chars().allMatch(Character::isDigit)) {
                    int gi = Integer.parseInt(name);
                    if (gi <= mt.groupCount()) {
                        g = mt.group(gi);
                    }
                } else {
                    g = mt.group(name);
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                g = null;
            }
            if (g != null) {
                sb.append(g);
            }
        }
        return sb.toString();
    }

    private static Object regexSplit(String re, String str, int n, boolean must) {
        Pattern p;
        try {
            p = regex(re);
        } catch (FuncError e) {
            if (must) {
                throw e;
            }
            return new ArrayList<>();
        }
        List<Object> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        if (re.isEmpty() && !str.isEmpty()) {
            for (String x : goSplit(str, "", n)) {
                out.add(x);
            }
            return out;
        }
        Matcher mt = p.matcher(str);
        int beg = 0;
        int end;
        while (mt.find()) {
            if (n > 0 && out.size() == n - 1) {
                break;
            }
            end = mt.start();
            if (mt.end() == 0) {
                continue;
            }
            out.add(str.substring(beg, end));
            beg = mt.end();
        }
        out.add(str.substring(beg));
        return out;
    }

    private static String quoteMeta(String str) {
        StringBuilder sb = new StringBuilder();
        for (char c : str.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ conversions

    static Long atoi(String str) {
        String t = str.startsWith("+") ? str.substring(1) : str;
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** spf13/cast ToInt64. */
    static long toInt64(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double d) {
            return GoStrconv.floatToInt64(d);
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String str) {
            // Sprig v2.22's toInt64: strconv.ParseInt(str, 10, 64), 0 on any error ("0x10" is 0).
            if (!str.matches("[+-]?[0-9]+")) {
                return 0;
            }
            try {
                return Long.parseLong(str.startsWith("+") ? str.substring(1) : str);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** spf13/cast ToFloat64. */
    static double toFloat64(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String str) {
            Double d = GoStrconv.parseFloat(str);
            return d == null ? 0 : d;
        }
        return 0;
    }

    // ------------------------------------------------------------------ lists

    private static List<Object> asList(Object v, String op) {
        if (v instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> lo = (List<Object>) l;
            return lo;
        }
        throw new FuncError("Cannot " + op + " on type " + GoValues.typeName(v));
    }

    private void lists() {
        v("list", a -> new ArrayList<>(java.util.Arrays.asList(a)), ANY);
        v("tuple", a -> new ArrayList<>(java.util.Arrays.asList(a)), ANY);
        for (String name : new String[] {"push", "append", "mustPush", "mustAppend"}) {
            f(name, a -> {
                return GoList.of(asList(a[0], "push")).append(a[1]);
            }, ANY, ANY);
        }
        for (String name : new String[] {"prepend", "mustPrepend"}) {
            f(name, a -> {
                return GoList.of(asList(a[0], "prepend")).prepend(a[1]);
            }, ANY, ANY);
        }
        listFn("first", l -> l.isEmpty() ? null : l.get(0));
        listFn("last", l -> l.isEmpty() ? null : l.get(l.size() - 1));
        listFn("rest", l -> l.isEmpty() ? new ArrayList<>() : GoList.of(l).range(1, l.size()));
        listFn("initial", l -> l.isEmpty() ? new ArrayList<>() : GoList.of(l).range(0, l.size() - 1));
        listFn("reverse", l -> {
            List<Object> r = new ArrayList<>(l);
            Collections.reverse(r);
            return r;
        });
        listFn("uniq", l -> {
            List<Object> r = new ArrayList<>();
            for (Object o : l) {
                if (!inList(r, o)) {
                    r.add(o);
                }
            }
            return r;
        });
        listFn("compact", l -> {
            List<Object> r = new ArrayList<>();
            for (Object o : l) {
                if (!empty(o)) {
                    r.add(o);
                }
            }
            return r;
        });
        for (String name : new String[] {"without", "mustWithout"}) {
            v(name, a -> {
                List<Object> l = asList(a[0], "find without");
                List<Object> omit = new ArrayList<>();
                for (int k = 1; k < a.length; k++) {
                    omit.add(a[k]);
                }
                List<Object> r = new ArrayList<>();
                for (Object o : l) {
                    if (!inList(omit, o)) {
                        r.add(o);
                    }
                }
                return r;
            }, ANY, ANY);
        }
        for (String name : new String[] {"has", "mustHas"}) {
            f(name, a -> {
                if (a[1] == null) {
                    return false;
                }
                return inList(asList(a[1], "find has"), a[0]);
            }, ANY, ANY);
        }
        for (String name : new String[] {"slice", "mustSlice"}) {
            v(name, a -> {
                if (a[0] == null) {
                    // Sprig calls reflect.TypeOf(nil).Kind(): a nil dereference, recovered by text/template.
                    throw new FuncError("runtime error: invalid memory address or nil pointer dereference");
                }
                if (!(a[0] instanceof List<?> l)) {
                    throw new FuncError("list should be type of slice or array but " + GoValues.kindName(a[0]));
                }
                if (l.isEmpty()) {
                    return null;
                }
                int start = a.length > 1 ? (int) toInt64(a[1]) : 0;
                int end = a.length > 2 ? (int) toInt64(a[2]) : l.size();
                if (start < 0 || end > l.size() || start > end) {
                    throw new FuncError("reflect.Value.Slice: slice index out of bounds");
                }
                return GoList.of(l).range(start, end);
            }, ANY, ANY);
        }
        v("concat", a -> {
            for (Object o : a) {
                if (!(o instanceof List<?>)) {
                    throw new FuncError("Cannot concat type " + GoValues.kindName(o) + " as list");
                }
            }
            // Grows the first list's array when it can, so concat in a loop is linear.
            GoList r = GoList.of(a.length == 0 ? List.of() : (List<?>) a[0]);
            for (int k = 1; k < a.length; k++) {
                r = r.appendAll((List<?>) a[k]);
            }
            return r;
        }, ANY);
        f("until", a -> untilStep(0, i(a[0]), i(a[0]) < 0 ? -1 : 1), INT);
        f("untilStep", a -> untilStep(i(a[0]), i(a[1]), i(a[2])), INT, INT, INT);
        v("seq", a -> seq(a), INT);
        for (String name : new String[] {"chunk", "mustChunk"}) {
            f(name, a -> {
                List<Object> l = asList(a[1], "chunk");
                int size = i(a[0]);
                if (size <= 0) {
                    throw new FuncError("runtime error: integer divide by zero");
                }
                List<Object> r = new ArrayList<>();
                for (int k = 0; k < l.size(); k += size) {
                    r.add(new ArrayList<>(l.subList(k, Math.min(l.size(), k + size))));
                }
                return r;
            }, INT, ANY);
        }
    }

    private void listFn(String name, Function<List<Object>, Object> fn) {
        String must = "must" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        f(name, a -> {
            if (a[0] == null) {
                throw new FuncError("Cannot find " + name + " on type <nil>");
            }
            return fn.apply(asList(a[0], "find " + name));
        }, ANY);
        f(must, a -> fn.apply(asList(a[0], "find " + name)), ANY);
    }

    private static boolean inList(List<Object> l, Object o) {
        for (Object x : l) {
            if (deepEqual(x, o)) {
                return true;
            }
        }
        return false;
    }

    static boolean deepEqual(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getClass() != b.getClass() && !(a instanceof Number && b instanceof Number
                && GoValues.kind(a) == GoValues.kind(b))) {
            if (!(a instanceof List && b instanceof List) && !(a instanceof Map && b instanceof Map)) {
                return false;
            }
        }
        if (a instanceof Number && b instanceof Number && GoValues.kind(a) == GoValues.Kind.INT) {
            return ((Number) a).longValue() == ((Number) b).longValue();
        }
        return Objects.equals(a, b);
    }

    private List<Object> untilStep(int start, int stop, int step) {
        List<Object> v = new ArrayList<>();
        if (stop < start) {
            if (step >= 0) {
                return v;
            }
            checkSize(((long) start - stop) / -step);
            for (long k = start; k > stop; k += step) {
                v.add(k);
            }
            return v;
        }
        if (step <= 0) {
            return v;
        }
        checkSize(((long) stop - start) / step);
        for (long k = start; k < stop; k += step) {
            v.add(k);
        }
        return v;
    }

    private String seq(Object[] a) {
        int inc = 1;
        List<Object> r;
        switch (a.length) {
            case 0:
                return "";
            case 1: {
                int end = i(a[0]);
                if (end < 1) {
                    inc = -1;
                }
                r = untilStep(1, end + inc, inc);
                break;
            }
            case 2: {
                int start = i(a[0]);
                int end = i(a[1]);
                if (end < start) {
                    inc = -1;
                }
                r = untilStep(start, end + inc, inc);
                break;
            }
            case 3: {
                int start = i(a[0]);
                int step = i(a[1]);
                int end = i(a[2]);
                if (end < start) {
                    inc = -1;
                    if (step > 0) {
                        return "";
                    }
                }
                r = untilStep(start, end + inc, step);
                break;
            }
            default:
                return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Object o : r) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(o);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ dicts

    @SuppressWarnings("unchecked")
    /** Sprig's max/min: every argument as int64, folded. */
    private static long foldInt64(Object[] a, java.util.function.LongBinaryOperator op) {
        long r = toInt64(a[0]);
        for (int k = 1; k < a.length; k++) {
            r = op.applyAsLong(r, toInt64(a[k]));
        }
        return r;
    }

    /** Sprig's maxf/minf: every argument as float64, folded. */
    private static double foldFloat64(Object[] a, java.util.function.DoubleBinaryOperator op) {
        double r = toFloat64(a[0]);
        for (int k = 1; k < a.length; k++) {
            r = op.applyAsDouble(r, toFloat64(a[k]));
        }
        return r;
    }

    private static String field(Map<String, Object> d, String key) {
        Object v = d.get(key);
        return v == null ? "" : strval(v);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private void dicts() {
        v("dict", a -> {
            Map<String, Object> d = new LinkedHashMap<>();
            for (int k = 0; k < a.length; k += 2) {
                String key = strval(a[k]);
                d.put(key, k + 1 < a.length ? a[k + 1] : "");
            }
            return d;
        }, ANY);
        f("get", a -> {
            Map<String, Object> d = map(a[0]);
            return d != null && d.containsKey(s(a[1])) ? d.get(s(a[1])) : "";
        }, MAP, STRING);
        f("set", a -> {
            if (a[0] == null) {
                throw new FuncError("assignment to entry in nil map");
            }
            map(a[0]).put(s(a[1]), a[2]);
            return a[0];
        }, MAP, STRING, ANY);
        f("unset", a -> {
            if (a[0] == null) {
                return new LinkedHashMap<String, Object>(); // delete on a nil map is a no-op
            }
            map(a[0]).remove(s(a[1]));
            return a[0];
        }, MAP, STRING);
        f("hasKey", a -> a[0] != null && map(a[0]).containsKey(s(a[1])), MAP, STRING);
        v("pluck", a -> {
            List<Object> r = new ArrayList<>();
            for (int k = 1; k < a.length; k++) {
                Map<String, Object> d = map(a[k]);
                if (d != null && d.containsKey(s(a[0]))) {
                    r.add(d.get(s(a[0])));
                }
            }
            return r;
        }, STRING, MAP);
        v("keys", a -> {
            List<String> r = new ArrayList<>();
            for (Object d : a) {
                if (d != null) {
                    r.addAll(map(d).keySet());
                }
            }
            // Go's map order is random; sorted is one of the possible orders and is stable.
            r.sort(GoValues::compareStrings);
            return new ArrayList<Object>(r);
        }, MAP);
        f("values", a -> {
            List<Object> r = new ArrayList<>();
            if (a[0] != null) {
                for (Map.Entry<?, ?> e : GoValues.sortedEntries(map(a[0]))) {
                    r.add(e.getValue());
                }
            }
            return r;
        }, MAP);
        v("pick", a -> {
            Map<String, Object> d = map(a[0]);
            Map<String, Object> r = new LinkedHashMap<>();
            for (int k = 1; k < a.length; k++) {
                if (d != null && d.containsKey(s(a[k]))) {
                    r.put(s(a[k]), d.get(s(a[k])));
                }
            }
            return r;
        }, MAP, STRING);
        v("omit", a -> {
            Map<String, Object> r = new LinkedHashMap<>(a[0] == null ? Map.of() : map(a[0]));
            for (int k = 1; k < a.length; k++) {
                r.remove(s(a[k]));
            }
            return r;
        }, MAP, STRING);
        for (String name : new String[] {"merge", "mustMerge", "mergeOverwrite", "mustMergeOverwrite"}) {
            boolean overwrite = name.endsWith("Overwrite");
            v(name, a -> {
                // mergo makes a map for a nil destination
                Map<String, Object> dst = a[0] == null ? new LinkedHashMap<>() : map(a[0]);
                for (int k = 1; k < a.length; k++) {
                    if (a[k] != null) {
                        deepMerge(dst, map(a[k]), overwrite);
                    }
                }
                return dst;
            }, MAP, MAP);
        }
        f("deepCopy", a -> {
            if (a[0] == null) {
                throw new FuncError("reflect: call of reflect.Value.Type on zero Value");
            }
            return deepCopy(a[0]);
        }, ANY);
        f("mustDeepCopy", a -> {
            if (a[0] == null) {
                throw new FuncError("copy: Must not be nil");
            }
            return deepCopy(a[0]);
        }, ANY);
        v("dig", a -> {
            if (a.length < 3) {
                throw new FuncError("dig needs at least three arguments");
            }
            Object last = a[a.length - 1];
            if (!(last instanceof Map) || last instanceof GoStringer) {
                // dict := ps[len(ps)-1].(map[string]interface{}) panics
                throw new FuncError("interface conversion: interface {} is "
                        + (last == null ? "nil" : GoValues.typeName(last)) + ", not map[string]interface {}");
            }
            Map<String, Object> d = map(last);
            Object def = a[a.length - 2];
            Object cur = d;
            for (int k = 0; k < a.length - 2; k++) {
                if (!(cur instanceof Map<?, ?> cm) || !cm.containsKey(strval(a[k]))) {
                    return def;
                }
                cur = cm.get(strval(a[k]));
            }
            return cur;
        }, ANY);
    }

    private static void deepMerge(Map<String, Object> dst, Map<String, Object> src, boolean overwrite) {
        for (Map.Entry<String, Object> e : src.entrySet()) {
            Object dv = dst.get(e.getKey());
            Object sv = e.getValue();
            if (dv instanceof Map && sv instanceof Map) {
                deepMerge(map(dv), map(sv), overwrite);
            } else if (!dst.containsKey(e.getKey()) || empty(dv) || (overwrite && !empty(sv))) {
                dst.put(e.getKey(), sv);
            }
        }
    }

    static Object deepCopy(Object o) {
        if (o instanceof Map<?, ?> mm) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : mm.entrySet()) {
                r.put(String.valueOf(e.getKey()), deepCopy(e.getValue()));
            }
            return r;
        }
        if (o instanceof List<?> l) {
            List<Object> r = new ArrayList<>();
            for (Object x : l) {
                r.add(deepCopy(x));
            }
            return r;
        }
        return o;
    }

    // ------------------------------------------------------------------ math

    private void math() {
        f("add1", a -> toInt64(a[0]) + 1, ANY);
        v("add", a -> {
            long sum = 0;
            for (Object o : a) {
                sum += toInt64(o);
            }
            return sum;
        }, ANY);
        f("sub", a -> toInt64(a[0]) - toInt64(a[1]), ANY, ANY);
        f("div", a -> toInt64(a[0]) / toInt64(a[1]), ANY, ANY);
        f("mod", a -> toInt64(a[0]) % toInt64(a[1]), ANY, ANY);
        v("mul", a -> {
            long r = toInt64(a[0]);
            for (int k = 1; k < a.length; k++) {
                r *= toInt64(a[k]);
            }
            return r;
        }, ANY, ANY);
        f("randInt", a -> {
            int lo = i(a[0]);
            int hi = i(a[1]);
            if (hi - lo <= 0) {
                throw new FuncError("invalid argument to Intn");
            }
            return (long) (RANDOM.nextInt(hi - lo) + lo);
        }, INT, INT);
        for (String name : new String[] {"max", "biggest"}) {
            v(name, a -> foldInt64(a, Math::max), ANY, ANY);
        }
        v("min", a -> foldInt64(a, Math::min), ANY, ANY);
        v("maxf", a -> foldFloat64(a, Math::max), ANY, ANY);
        v("minf", a -> foldFloat64(a, Math::min), ANY, ANY);
        f("floor", a -> Math.floor(toFloat64(a[0])), ANY);
        f("ceil", a -> Math.ceil(toFloat64(a[0])), ANY);
        v("round", a -> {
            double val = toFloat64(a[0]);
            int places = i(a[1]);
            double roundOn = a.length > 2 ? toFloat64(a[2]) : 0.5;
            double pow = Math.pow(10, places);
            double digit = pow * val;
            double div = digit - Math.floor(digit);
            double round = div >= roundOn ? Math.ceil(digit) : Math.floor(digit);
            return round / pow;
        }, ANY, INT, GoFunc.P.FLOAT64);
        f("add1f", a -> decimal(a[0], new Object[] {1L}, BigDecimal::add), ANY);
        v("addf", a -> decimal(0.0, a, BigDecimal::add), ANY);
        v("subf", a -> decimal(a[0], java.util.Arrays.copyOfRange(a, 1, a.length), BigDecimal::subtract), ANY, ANY);
        v("mulf", a -> decimal(a[0], java.util.Arrays.copyOfRange(a, 1, a.length), BigDecimal::multiply), ANY, ANY);
        v("divf", a -> decimal(a[0], java.util.Arrays.copyOfRange(a, 1, a.length),
                (x, y) -> {
                    if (y.signum() == 0) {
                        throw new FuncError("decimal division by 0");
                    }
                    return x.divide(y, 16, RoundingMode.HALF_EVEN);
                }), ANY, ANY);
    }

    private static double decimal(Object first, Object[] rest, java.util.function.BinaryOperator<BigDecimal> op) {
        BigDecimal r = new BigDecimal(Double.toString(toFloat64(first)));
        for (Object o : rest) {
            BigDecimal d = new BigDecimal(Double.toString(toFloat64(o)));
            r = op.apply(r, d);
        }
        return r.doubleValue();
    }

    // ------------------------------------------------------------------ defaults, json, reflection

    /** Sprig's {@code empty}. */
    static boolean empty(Object g) {
        if (g == null) {
            return true;
        }
        if (g instanceof String str) {
            return str.isEmpty();
        }
        if (g instanceof List<?> l) {
            return l.isEmpty();
        }
        if (g instanceof Map<?, ?> mm) {
            return mm.isEmpty();
        }
        if (g instanceof Boolean b) {
            return !b;
        }
        if (g instanceof Long || g instanceof Integer) {
            return ((Number) g).longValue() == 0;
        }
        if (g instanceof Double d) {
            return d == 0;
        }
        return false;
    }

    private void defaults() {
        v("default", a -> a.length < 2 || empty(a[1]) ? a[0] : a[1], ANY, ANY);
        f("empty", a -> empty(a[0]), ANY);
        v("coalesce", a -> {
            for (Object o : a) {
                if (!empty(o)) {
                    return o;
                }
            }
            return null;
        }, ANY);
        v("all", a -> {
            for (Object o : a) {
                if (empty(o)) {
                    return false;
                }
            }
            return true;
        }, ANY);
        v("any", a -> {
            for (Object o : a) {
                if (!empty(o)) {
                    return true;
                }
            }
            return false;
        }, ANY);
        f("toJson", a -> {
            try {
                return Json.write(a[0], true);
            } catch (FuncError e) {
                return "";
            }
        }, ANY);
        f("mustToJson", a -> Json.write(a[0], true), ANY);
        f("toRawJson", a -> {
            try {
                return Json.write(a[0], false);
            } catch (FuncError e) {
                return "";
            }
        }, ANY);
        f("mustToRawJson", a -> Json.write(a[0], false), ANY);
        f("toPrettyJson", a -> {
            try {
                return Json.writeIndent(a[0], "  ");
            } catch (FuncError e) {
                return "";
            }
        }, ANY);
        f("mustToPrettyJson", a -> Json.writeIndent(a[0], "  "), ANY);
        f("fromJson", a -> {
            try {
                return Json.read(s(a[0]));
            } catch (FuncError e) {
                return null;
            }
        }, STRING);
        f("mustFromJson", a -> Json.read(s(a[0])), STRING);
        f("ternary", a -> (Boolean) a[2] ? a[0] : a[1], ANY, ANY, BOOL);
        f("typeOf", a -> a[0] == null ? "<nil>" : GoValues.typeName(a[0]), ANY);
        f("typeIs", a -> s(a[0]).equals(a[1] == null ? "<nil>" : GoValues.typeName(a[1])), STRING, ANY);
        f("typeIsLike", a -> {
            if (a[1] == null) {
                // reflect.TypeOf(nil).String() panics in Sprig v2.22
                throw new FuncError("runtime error: invalid memory address or nil pointer dereference");
            }
            String t = GoValues.typeName(a[1]);
            return s(a[0]).equals(t) || ("*" + s(a[0])).equals(t);
        }, STRING, ANY);
        f("kindOf", a -> GoValues.kindName(a[0]), ANY);
        f("kindIs", a -> s(a[0]).equals(GoValues.kindName(a[1])), STRING, ANY);
        f("deepEqual", a -> deepEqual(a[0], a[1]), ANY, ANY);
        f("fail", a -> {
            throw new FuncError(s(a[0]));
        }, STRING);
    }

    // ------------------------------------------------------------------ dates

    private ZonedDateTime now() {
        return ZonedDateTime.ofInstant(ctx.clock().instant(), ctx.zone());
    }

    private ZonedDateTime toTime(Object d) {
        if (d instanceof GoTime t) {
            return t.time();
        }
        if (d instanceof Long || d instanceof Integer) {
            return ZonedDateTime.ofInstant(Instant.ofEpochSecond(((Number) d).longValue()), ctx.zone());
        }
        return now();
    }

    private ZoneId zone(String z) {
        if (z.equals("Local")) {
            return ctx.zone();
        }
        if (z.isEmpty() || z.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(z);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private void dates() {
        f("now", a -> new GoTime(now()));
        f("date", a -> GoDates.format(toTime(a[1]).withZoneSameInstant(ctx.zone()), s(a[0])), STRING, ANY);
        for (String name : new String[] {"dateInZone", "date_in_zone"}) {
            f(name, a -> GoDates.format(toTime(a[1]).withZoneSameInstant(zone(s(a[2]))), s(a[0])), STRING, ANY,
                    STRING);
        }
        f("htmlDate", a -> GoDates.format(toTime(a[0]).withZoneSameInstant(ctx.zone()), "2006-01-02"), ANY);
        f("htmlDateInZone", a -> GoDates.format(toTime(a[0]).withZoneSameInstant(zone(s(a[1]))), "2006-01-02"),
                ANY, STRING);
        for (String name : new String[] {"dateModify", "date_modify"}) {
            f(name, a -> {
                Long d = parseDuration(s(a[0]));
                ZonedDateTime t = ((GoTime) a[1]).time();
                return d == null ? a[1] : new GoTime(t.plusNanos(d));
            }, STRING, TIME);
        }
        for (String name : new String[] {"mustDateModify", "must_date_modify"}) {
            f(name, a -> {
                Long d = parseDuration(s(a[0]));
                if (d == null) {
                    throw new FuncError("time: invalid duration " + GoFmt.quote(s(a[0])));
                }
                return new GoTime(((GoTime) a[1]).time().plusNanos(d));
            }, STRING, TIME);
        }
        f("ago", a -> {
            ZonedDateTime t = toTime(a[0]);
            long nanos = java.time.Duration.between(t.toInstant(), ctx.clock().instant()).toNanos();
            return formatDuration(Math.round(nanos / 1e9) * 1_000_000_000L);
        }, ANY);
        f("duration", a -> {
            long n = 0;
            if (a[0] instanceof String str) {
                Long p = atoi(str);
                n = p == null ? 0 : p;
            }
            return formatDuration(n * 1_000_000_000L);
        }, ANY);
        f("durationRound", a -> {
            long d = 0;
            if (a[0] instanceof String str) {
                Long p = parseDuration(str);
                if (p == null) {
                    return "";
                }
                d = p;
            } else if (a[0] instanceof GoTime t) {
                d = java.time.Duration.between(t.time().toInstant(), ctx.clock().instant()).toNanos();
            }
            long u = Math.abs(d);
            long sec = 1_000_000_000L;
            long min = 60 * sec;
            long hour = 60 * min;
            long day = 24 * hour;
            long month = 30 * day;
            long year = 365 * day;
            if (u > year) {
                return (u / year) + "y";
            } else if (u > month) {
                return (u / month) + "mo";
            } else if (u > day) {
                return (u / day) + "d";
            } else if (u > hour) {
                return (u / hour) + "h";
            } else if (u > min) {
                return (u / min) + "m";
            } else if (u > sec) {
                return (u / sec) + "s";
            }
            return "0s";
        }, ANY);
        f("toDate", a -> {
            try {
                return new GoTime(GoDates.parse(s(a[0]), s(a[1]), ctx.zone()));
            } catch (FuncError e) {
                return new GoTime(ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
            }
        }, STRING, STRING);
        f("mustToDate", a -> new GoTime(GoDates.parse(s(a[0]), s(a[1]), ctx.zone())), STRING, STRING);
        f("unixEpoch", a -> Long.toString(((GoTime) a[0]).time().toEpochSecond()), TIME);
    }

    /** Go's {@code time.ParseDuration}; null when invalid. */
    static Long parseDuration(String str) {
        String s0 = str;
        if (s0.isEmpty()) {
            return null;
        }
        boolean neg = false;
        if (s0.charAt(0) == '-' || s0.charAt(0) == '+') {
            neg = s0.charAt(0) == '-';
            s0 = s0.substring(1);
        }
        if (s0.equals("0")) {
            return 0L;
        }
        if (s0.isEmpty()) {
            return null;
        }
        Matcher mt = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)").matcher(s0);
        int pos = 0;
        BigDecimal total = BigDecimal.ZERO;
        while (pos < s0.length()) {
            if (!mt.find(pos) || mt.start() != pos || mt.group(1).isEmpty() || mt.group(1).equals(".")) {
                return null;
            }
            long unit;
            switch (mt.group(2)) {
                case "ns": unit = 1; break;
                case "us": case "µs": case "μs": unit = 1000; break;
                case "ms": unit = 1_000_000; break;
                case "s": unit = 1_000_000_000L; break;
                case "m": unit = 60_000_000_000L; break;
                default: unit = 3_600_000_000_000L;
            }
            total = total.add(new BigDecimal(mt.group(1).endsWith(".") ? mt.group(1) + "0" : mt.group(1))
                    .multiply(BigDecimal.valueOf(unit)));
            pos = mt.end();
        }
        long n = total.setScale(0, RoundingMode.DOWN).longValue();
        return neg ? -n : n;
    }

    /** Go's {@code time.Duration.String()}. */
    static String formatDuration(long d) {
        if (d == 0) {
            return "0s";
        }
        boolean neg = d < 0;
        long u = Math.abs(d);
        StringBuilder sb = new StringBuilder();
        if (u < 1_000_000_000L) {
            String unit;
            long div;
            if (u < 1000) {
                return (neg ? "-" : "") + u + "ns";
            } else if (u < 1_000_000) {
                unit = "µs";
                div = 1000;
            } else {
                unit = "ms";
                div = 1_000_000;
            }
            sb.append(frac(u, div)).append(unit);
        } else {
            long h = u / 3_600_000_000_000L;
            long rem = u % 3_600_000_000_000L;
            long m = rem / 60_000_000_000L;
            rem = rem % 60_000_000_000L;
            if (h > 0) {
                sb.append(h).append('h');
            }
            if (h > 0 || m > 0) {
                sb.append(m).append('m');
            }
            sb.append(frac(rem, 1_000_000_000L)).append('s');
        }
        return (neg ? "-" : "") + sb;
    }

    private static String frac(long v, long div) {
        long whole = v / div;
        long f = v % div;
        if (f == 0) {
            return Long.toString(whole);
        }
        String fs = Long.toString(f);
        int width = Long.toString(div).length() - 1;
        fs = "0".repeat(width - fs.length()) + fs;
        int end = fs.length();
        while (end > 0 && fs.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + fs.substring(0, end);
    }

    // ------------------------------------------------------------------ misc

    private void misc() {
        f("env", a -> ctx.env() == null ? "" : ctx.env().getOrDefault(s(a[0]), ""), STRING);
        f("expandenv", a -> ctx.env() == null ? s(a[0]) : expandEnv(s(a[0]), ctx.env()), STRING);
        f("base", a -> GoPath.base(s(a[0])), STRING);
        f("dir", a -> GoPath.dir(s(a[0])), STRING);
        f("clean", a -> GoPath.clean(s(a[0])), STRING);
        f("ext", a -> GoPath.ext(s(a[0])), STRING);
        f("isAbs", a -> s(a[0]).startsWith("/"), STRING);
        f("osBase", a -> GoPath.base(s(a[0])), STRING);
        f("osDir", a -> GoPath.dir(s(a[0])), STRING);
        f("osClean", a -> GoPath.clean(s(a[0])), STRING);
        f("osExt", a -> GoPath.ext(s(a[0])), STRING);
        f("osIsAbs", a -> s(a[0]).startsWith("/"), STRING);
        // acb replaces Sprig's b64enc: nil → "", otherwise base64 of the string form.
        f("b64enc", a -> a[0] == null ? "" : Base64.getEncoder().encodeToString(
                strval(a[0]).getBytes(StandardCharsets.UTF_8)), ANY);
        f("b64dec", a -> {
            try {
                return new String(GoBase.decode64(s(a[0])), StandardCharsets.UTF_8);
            } catch (FuncError e) {
                return e.getMessage();
            }
        }, STRING);
        f("b32enc", a -> GoBase.encode32(s(a[0]).getBytes(StandardCharsets.UTF_8)), STRING);
        f("b32dec", a -> {
            try {
                return new String(GoBase.decode32(s(a[0])), StandardCharsets.UTF_8);
            } catch (FuncError e) {
                return e.getMessage();
            }
        }, STRING);
        f("uuidv4", a -> java.util.UUID.randomUUID().toString());
        f("semver", a -> Semver.parse(s(a[0])).pointer(), STRING);
        f("semverCompare", a -> Semver.compare(s(a[0]), s(a[1])), STRING, STRING);
    }

    /** Go's {@code os.Expand} with the given environment. */
    static String expandEnv(String str, Map<String, String> env) {
        StringBuilder sb = new StringBuilder();
        int k = 0;
        while (k < str.length()) {
            char c = str.charAt(k);
            if (c != '$' || k + 1 >= str.length()) {
                sb.append(c);
                k++;
                continue;
            }
            char nx = str.charAt(k + 1);
            if (nx == '{') {
                int close = str.indexOf('}', k + 2);
                if (close < 0) {
                    // Go: bad syntax, eats "${"
                    k = str.length();
                    continue;
                }
                String name = str.substring(k + 2, close);
                if (name.isEmpty()) {
                    k = close + 1;
                    continue;
                }
                sb.append(env.getOrDefault(name, ""));
                k = close + 1;
            } else if ("*#$@!?-0123456789".indexOf(nx) >= 0) {
                sb.append(env.getOrDefault(String.valueOf(nx), ""));
                k += 2;
            } else {
                int e = k + 1;
                while (e < str.length() && (Character.isLetterOrDigit(str.charAt(e)) || str.charAt(e) == '_')
                        && str.charAt(e) < 0x80) {
                    e++;
                }
                if (e == k + 1) {
                    sb.append('$');
                    k++;
                    continue;
                }
                sb.append(env.getOrDefault(str.substring(k + 1, e), ""));
                k = e;
            }
        }
        return sb.toString();
    }
}
