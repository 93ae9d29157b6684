package io.multistep.spec.template.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A port of the parts of Go's {@code fmt} and {@code strconv} formatting that templates reach:
 * {@code %v} of the data model, {@code Sprint}/{@code Sprintf}/{@code Sprintln} and
 * {@code strconv.Quote}.
 */
public final class GoFmt {

    private GoFmt() {
    }

    // ---------------------------------------------------------------- quoting

    /** Go {@code strconv.Quote}. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append('"');
        appendQuoted(sb, s, '"');
        return sb.append('"').toString();
    }

    private static void appendQuoted(StringBuilder sb, String s, char q) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            appendEscapedRune(sb, cp, q);
        }
    }

    private static void appendEscapedRune(StringBuilder sb, int cp, char q) {
        if (cp == q || cp == '\\') {
            sb.append('\\').appendCodePoint(cp);
            return;
        }
        if (isPrint(cp)) {
            sb.appendCodePoint(cp);
            return;
        }
        switch (cp) {
            case 7: sb.append("\\a"); return;
            case '\b': sb.append("\\b"); return;
            case '\f': sb.append("\\f"); return;
            case '\n': sb.append("\\n"); return;
            case '\r': sb.append("\\r"); return;
            case '\t': sb.append("\\t"); return;
            case 11: sb.append("\\v"); return;
            default:
                if (cp < ' ' || cp == 0x7f) {
                    sb.append("\\x").append(hex2(cp));
                } else if (Character.isSurrogate((char) cp)) {
                    sb.append("\\ufffd");
                } else if (cp < 0x10000) {
                    sb.append(String.format("\\u%04x", cp));
                } else {
                    sb.append(String.format("\\U%08x", cp));
                }
        }
    }

    private static String hex2(int v) {
        String h = Integer.toHexString(v);
        return h.length() < 2 ? "0" + h : h;
    }

    /** Approximates Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
    static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        if (cp < 0x20 || cp == 0x7f) {
            return false;
        }
        if (cp < 0x7f) {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER: case Character.LOWERCASE_LETTER: case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER: case Character.OTHER_LETTER: case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK: case Character.COMBINING_SPACING_MARK: case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER: case Character.OTHER_NUMBER: case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION: case Character.START_PUNCTUATION: case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION: case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION: case Character.MATH_SYMBOL: case Character.CURRENCY_SYMBOL:
            case Character.MODIFIER_SYMBOL: case Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }

    /** Go's {@code %#U}: {@code U+0041 'A'}. */
    public static String unicodeU(int cp) {
        String s = String.format("U+%04X", cp);
        if (isPrint(cp)) {
            s += " '" + new String(Character.toChars(cp)) + "'";
        }
        return s;
    }

    // ---------------------------------------------------------------- %v

    /** Go's {@code fmt.Sprint(v)} of a single value ({@code %v}). */
    public static String sprintValue(Object v) {
        StringBuilder sb = new StringBuilder();
        appendV(sb, v, false);
        return sb.toString();
    }

    static void appendV(StringBuilder sb, Object v, boolean nested) {
        if (v == null) {
            sb.append("<nil>");
        } else if (v instanceof GoStringer gs) {
            sb.append(gs.goString());
        } else if (v instanceof String s) {
            sb.append(s);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            sb.append(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            sb.append(b);
        } else if (v instanceof Double || v instanceof Float) {
            sb.append(formatFloat(((Number) v).doubleValue(), 'g', -1));
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                appendV(sb, l.get(i), true);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            sb.append("map[");
            boolean first = true;
            for (Map.Entry<?, ?> e : GoValues.sortedEntries(m)) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                appendV(sb, e.getKey(), true);
                sb.append(':');
                appendV(sb, e.getValue(), true);
            }
            sb.append(']');
        } else if (v instanceof byte[] b) {
            sb.append('[');
            for (int i = 0; i < b.length; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(b[i] & 0xff);
            }
            sb.append(']');
        } else {
            sb.append(v);
        }
    }

    /** Go {@code fmt.Sprint}: spaces between operands when neither side is a string. */
    public static String sprint(List<Object> args) {
        StringBuilder sb = new StringBuilder();
        boolean prevString = false;
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            boolean isString = a instanceof String;
            if (i > 0 && !isString && !prevString) {
                sb.append(' ');
            }
            appendV(sb, a, false);
            prevString = isString;
        }
        return sb.toString();
    }

    /** Go {@code fmt.Sprintln}. */
    public static String sprintln(List<Object> args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            appendV(sb, args.get(i), false);
        }
        return sb.append('\n').toString();
    }

    // ---------------------------------------------------------------- floats

    /** Go {@code strconv.FormatFloat(f, fmt, prec, 64)} for fmt in e, E, f, g, G. */
    public static String formatFloat(double f, char fmt, int prec) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        boolean neg = f < 0 || (f == 0 && 1 / f < 0);
        double a = Math.abs(f);
        String digits;
        int dp;
        boolean shortest = prec < 0;
        if (a == 0) {
            digits = "0";
            dp = 1;
        } else if (shortest) {
            BigDecimal bd = new BigDecimal(Double.toString(a)).stripTrailingZeros();
            digits = bd.unscaledValue().toString();
            dp = digits.length() - bd.scale();
        } else {
            BigDecimal exact = new BigDecimal(a);
            int sig;
            if (fmt == 'f') {
                BigDecimal r = exact.setScale(prec, RoundingMode.HALF_EVEN);
                String s = r.toPlainString();
                return (neg ? "-" : "") + s;
            } else if (fmt == 'e' || fmt == 'E') {
                sig = prec + 1;
            } else {
                sig = prec == 0 ? 1 : prec;
            }
            BigDecimal r = exact.round(new java.math.MathContext(sig, RoundingMode.HALF_EVEN));
            BigDecimal st = r.stripTrailingZeros();
            digits = st.unscaledValue().toString();
            dp = digits.length() - st.scale();
            if (fmt == 'e' || fmt == 'E') {
                StringBuilder d = new StringBuilder(digits);
                while (d.length() < sig) {
                    d.append('0');
                }
                digits = d.toString();
            }
        }
        StringBuilder sb = new StringBuilder();
        if (neg) {
            sb.append('-');
        }
        int nd = digits.length();
        switch (fmt) {
            case 'e':
            case 'E': {
                int p = shortest ? nd - 1 : prec;
                fmtE(sb, digits, dp, p, fmt);
                return sb.toString();
            }
            case 'f': {
                int p = shortest ? Math.max(nd - dp, 0) : prec;
                fmtF(sb, digits, dp, p);
                return sb.toString();
            }
            default: {
                int eprec = shortest ? 6 : prec == 0 ? 1 : prec;
                if (!shortest && eprec > nd && nd >= dp) {
                    eprec = nd;
                }
                int exp = dp - 1;
                if (exp < -4 || exp >= eprec) {
                    int p = shortest ? nd : Math.min(prec == 0 ? 1 : prec, nd);
                    fmtE(sb, digits, dp, p - 1, fmt == 'G' ? 'E' : 'e');
                    return sb.toString();
                }
                int p = shortest ? nd : Math.min(prec == 0 ? 1 : prec, nd);
                if (p > dp) {
                    p = nd;
                }
                fmtF(sb, digits, dp, Math.max(p - dp, 0));
                return sb.toString();
            }
        }
    }

    private static void fmtE(StringBuilder sb, String d, int dp, int prec, char e) {
        sb.append(d.charAt(0));
        if (prec > 0) {
            sb.append('.');
            for (int i = 1; i <= prec; i++) {
                sb.append(i < d.length() ? d.charAt(i) : '0');
            }
        }
        int exp = d.equals("0") ? 0 : dp - 1;
        sb.append(e).append(exp < 0 ? '-' : '+');
        int ax = Math.abs(exp);
        if (ax < 10) {
            sb.append('0');
        }
        sb.append(ax);
    }

    private static void fmtF(StringBuilder sb, String d, int dp, int prec) {
        if (dp > 0) {
            for (int i = 0; i < dp; i++) {
                sb.append(i < d.length() ? d.charAt(i) : '0');
            }
        } else {
            sb.append('0');
        }
        if (prec > 0) {
            sb.append('.');
            for (int i = 0; i < prec; i++) {
                int j = dp + i;
                sb.append(j < 0 || j >= d.length() ? '0' : d.charAt(j));
            }
        }
    }

    // ---------------------------------------------------------------- Sprintf

    /** Go {@code fmt.Sprintf}. */
    public static String sprintf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int argNum = 0;
        int end = format.length();
        for (int i = 0; i < end; ) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            i++;
            Spec sp = new Spec();
            // flags
            flags:
            while (i < end) {
                switch (format.charAt(i)) {
                    case '#': sp.sharp = true; break;
                    case '0': sp.zero = true; break;
                    case '+': sp.plus = true; break;
                    case '-': sp.minus = true; break;
                    case ' ': sp.space = true; break;
                    default: break flags;
                }
                i++;
            }
            // width
            if (i < end && format.charAt(i) == '*') {
                i++;
                if (argNum < args.size() && args.get(argNum) instanceof Number n) {
                    sp.width = n.intValue();
                    if (sp.width < 0) {
                        sp.minus = true;
                        sp.width = -sp.width;
                    }
                } else {
                    out.append("%!(BADWIDTH)");
                }
                argNum++;
            } else {
                int st = i;
                while (i < end && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                if (i > st) {
                    sp.width = Integer.parseInt(format.substring(st, Math.min(i, st + 7)));
                }
            }
            if (i < end && format.charAt(i) == '.') {
                i++;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    if (argNum < args.size() && args.get(argNum) instanceof Number n) {
                        sp.prec = Math.max(n.intValue(), -1);
                    } else {
                        out.append("%!(BADPREC)");
                    }
                    argNum++;
                } else {
                    int st = i;
                    while (i < end && Character.isDigit(format.charAt(i))) {
                        i++;
                    }
                    sp.prec = i > st ? Integer.parseInt(format.substring(st, Math.min(i, st + 7))) : 0;
                }
            }
            if (i >= end) {
                out.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (argNum >= args.size()) {
                out.append("%!").appendCodePoint(verb).append("(MISSING)");
                continue;
            }
            Object arg = args.get(argNum++);
            if (sp.minus) {
                sp.zero = false;
            }
            out.append(formatOne(arg, verb, sp));
        }
        if (argNum < args.size()) {
            out.append("%!(EXTRA ");
            for (int k = argNum; k < args.size(); k++) {
                if (k > argNum) {
                    out.append(", ");
                }
                Object a = args.get(k);
                out.append(GoValues.typeName(a)).append('=');
                appendV(out, a, false);
            }
            out.append(')');
        }
        return out.toString();
    }

    private static final class Spec {
        boolean sharp;
        boolean zero;
        boolean plus;
        boolean minus;
        boolean space;
        int width = -1;
        int prec = -1;
    }

    private static String badVerb(Object arg, int verb) {
        StringBuilder sb = new StringBuilder("%!").appendCodePoint(verb).append('(');
        if (arg == null) {
            sb.append("<nil>");
        } else {
            sb.append(GoValues.typeName(arg)).append('=');
            appendV(sb, arg, false);
        }
        return sb.append(')').toString();
    }

    private static String formatOne(Object arg, int verb, Spec sp) {
        if (verb == 'T') {
            return pad(arg == null ? "<nil>" : GoValues.typeName(arg), sp, false);
        }
        if (arg == null) {
            return verb == 'v' ? pad("<nil>", sp, false) : badVerb(null, verb);
        }
        if (arg instanceof GoComplex c) {
            // fmtComplex: the verb applies to each part; the imaginary part always has a sign.
            if ("vgGeEfF".indexOf(verb) < 0) {
                return badVerb(arg, verb);
            }
            boolean plus = sp.plus;
            String re = formatFloatVerb(c.re(), verb, sp, arg);
            sp.plus = true;
            String im = formatFloatVerb(c.im(), verb, sp, arg);
            sp.plus = plus;
            return "(" + re + im + "i)";
        }
        if (arg instanceof GoStringer gs && "vsqxX".indexOf(verb) >= 0) {
            return formatOne(gs.goString(), verb, sp); // fmt's handleMethods: Stringer for these verbs
        }
        if (arg instanceof List<?> l && !(verb == 'v' && false)) {
            StringBuilder sb = new StringBuilder("[");
            if (verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') {
                // fall through to element-wise formatting
            }
            for (int k = 0; k < l.size(); k++) {
                if (k > 0) {
                    sb.append(' ');
                }
                Spec inner = new Spec();
                inner.sharp = sp.sharp;
                inner.plus = sp.plus;
                inner.prec = sp.prec;
                inner.zero = sp.zero;
                inner.width = sp.width;
                inner.minus = sp.minus;
                inner.space = sp.space;
                sb.append(formatOne(l.get(k), verb, inner));
            }
            return sb.append(']').toString();
        }
        if (arg instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("map[");
            boolean first = true;
            for (Map.Entry<?, ?> e : GoValues.sortedEntries(m)) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                sb.append(formatOne(e.getKey(), verb, sp)).append(':').append(formatOne(e.getValue(), verb, sp));
            }
            return sb.append(']').toString();
        }
        if (arg instanceof Boolean b) {
            if (verb == 'v' || verb == 't') {
                return pad(b.toString(), sp, false);
            }
            return badVerb(arg, verb);
        }
        if (arg instanceof Long || arg instanceof Integer) {
            long n = ((Number) arg).longValue();
            return formatInt(n, verb, sp, arg);
        }
        if (arg instanceof Double || arg instanceof Float) {
            double d = ((Number) arg).doubleValue();
            return formatFloatVerb(d, verb, sp, arg);
        }
        if (arg instanceof String s) {
            return formatString(s, verb, sp, arg);
        }
        if (verb == 'v' || verb == 's') {
            return pad(sprintValue(arg), sp, false);
        }
        return badVerb(arg, verb);
    }

    private static String formatString(String s, int verb, Spec sp, Object arg) {
        switch (verb) {
            case 'v':
            case 's': {
                String t = s;
                if (sp.prec >= 0 && t.codePointCount(0, t.length()) > sp.prec) {
                    t = t.substring(0, t.offsetByCodePoints(0, sp.prec));
                }
                return pad(t, sp, false);
            }
            case 'q': {
                String t = s;
                if (sp.prec >= 0 && t.codePointCount(0, t.length()) > sp.prec) {
                    t = t.substring(0, t.offsetByCodePoints(0, sp.prec));
                }
                if (sp.sharp && t.indexOf('`') < 0 && t.chars().allMatch(ch -> ch == '\t' || isPrint(ch))) {
                    return pad("`" + t + "`", sp, false);
                }
                if (sp.plus) {
                    StringBuilder sb = new StringBuilder("\"");
                    for (int i = 0; i < t.length(); ) {
                        int cp = t.codePointAt(i);
                        i += Character.charCount(cp);
                        if (cp >= 0x80) {
                            sb.append(cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
                        } else {
                            appendEscapedRune(sb, cp, '"');
                        }
                    }
                    return pad(sb.append('"').toString(), sp, false);
                }
                return pad(quote(t), sp, false);
            }
            case 'x':
            case 'X': {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                int n = sp.prec >= 0 ? Math.min(sp.prec, b.length) : b.length;
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    if (i > 0 && sp.space) {
                        sb.append(' ');
                    }
                    if (sp.sharp && (i == 0 || sp.space)) {
                        sb.append(verb == 'x' ? "0x" : "0X");
                    }
                    String h = String.format("%02x", b[i] & 0xff);
                    sb.append(verb == 'X' ? h.toUpperCase(java.util.Locale.ROOT) : h);
                }
                return pad(sb.toString(), sp, false);
            }
            default:
                return badVerb(arg, verb);
        }
    }

    private static String formatInt(long n, int verb, Spec sp, Object arg) {
        String body;
        String prefix = "";
        switch (verb) {
            case 'v':
            case 'd':
                body = Long.toString(Math.abs(n));
                if (n == Long.MIN_VALUE) {
                    body = "9223372036854775808";
                }
                break;
            case 'b':
                body = Long.toBinaryString(Math.abs(n));
                if (sp.sharp) {
                    prefix = "0b";
                }
                break;
            case 'o':
            case 'O':
                body = Long.toOctalString(Math.abs(n));
                if (verb == 'O') {
                    prefix = "0o";
                } else if (sp.sharp) {
                    prefix = "0";
                }
                break;
            case 'x':
                body = Long.toHexString(Math.abs(n));
                if (sp.sharp) {
                    prefix = "0x";
                }
                break;
            case 'X':
                body = Long.toHexString(Math.abs(n)).toUpperCase(java.util.Locale.ROOT);
                if (sp.sharp) {
                    prefix = "0X";
                }
                break;
            case 'c':
                return pad(new String(Character.toChars(GoStrconv.rune(n))), sp, false);
            case 'q':
                return pad("'" + quoteRuneBody(GoStrconv.rune(n)) + "'", sp, false);
            case 'U': {
                String u = String.format("U+%04X", n);
                if (sp.sharp && n >= 0 && n <= 0x10FFFF && isPrint((int) n)) {
                    u += " '" + new String(Character.toChars((int) n)) + "'";
                }
                return pad(u, sp, false);
            }
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
                return badVerb(arg, verb);
            default:
                return badVerb(arg, verb);
        }
        if (sp.prec >= 0) {
            if (sp.prec == 0 && n == 0) {
                body = "";
            }
            while (body.length() < sp.prec) {
                body = "0" + body;
            }
        }
        String sign = n < 0 ? "-" : sp.plus ? "+" : sp.space ? " " : "";
        if (sp.zero && sp.prec < 0 && sp.width > 0 && !sp.minus) {
            int padLen = sp.width - sign.length() - prefix.length() - body.length();
            StringBuilder z = new StringBuilder();
            for (int i = 0; i < padLen; i++) {
                z.append('0');
            }
            return sign + prefix + z + body;
        }
        return pad(sign + prefix + body, sp, false);
    }

    private static String quoteRuneBody(int cp) {
        StringBuilder sb = new StringBuilder();
        appendEscapedRune(sb, cp, '\'');
        return sb.toString();
    }

    private static String formatFloatVerb(double d, int verb, Spec sp, Object arg) {
        String s;
        switch (verb) {
            case 'v':
            case 'g':
                s = formatFloat(d, 'g', sp.prec);
                break;
            case 'G':
                s = formatFloat(d, 'G', sp.prec);
                break;
            case 'e':
            case 'E':
                s = formatFloat(d, (char) verb, sp.prec < 0 ? 6 : sp.prec);
                break;
            case 'f':
            case 'F':
                s = formatFloat(d, 'f', sp.prec < 0 ? 6 : sp.prec);
                break;
            default:
                return badVerb(arg, verb);
        }
        if (sp.plus && !s.startsWith("-") && !s.startsWith("+")) {
            s = "+" + s;
        } else if (sp.space && !s.startsWith("-") && !s.startsWith("+")) {
            s = " " + s;
        }
        if (s.equals("+Inf") && !sp.plus) {
            s = sp.space ? " Inf" : "+Inf";
        }
        if (sp.zero && sp.width > s.length() && !sp.minus && !Double.isInfinite(d) && !Double.isNaN(d)) {
            int signLen = (s.startsWith("-") || s.startsWith("+") || s.startsWith(" ")) ? 1 : 0;
            StringBuilder z = new StringBuilder(s.substring(0, signLen));
            for (int i = s.length(); i < sp.width; i++) {
                z.append('0');
            }
            return z.append(s.substring(signLen)).toString();
        }
        return pad(s, sp, false);
    }

    private static String pad(String s, Spec sp, boolean unused) {
        int len = s.codePointCount(0, s.length());
        if (sp.width <= len) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        char padChar = sp.zero && !sp.minus ? '0' : ' ';
        if (sp.minus) {
            sb.append(s);
            for (int i = len; i < sp.width; i++) {
                sb.append(' ');
            }
            return sb.toString();
        }
        for (int i = len; i < sp.width; i++) {
            sb.append(padChar);
        }
        return sb.append(s).toString();
    }

    /** Convenience list builder. */
    static List<Object> listOf(Object... xs) {
        List<Object> l = new ArrayList<>(xs.length);
        for (Object x : xs) {
            l.add(x);
        }
        return l;
    }
}
