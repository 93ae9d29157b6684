package io.multistep.gotemplate.internal.go;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A port of the parts of Go's {@code fmt} and {@code strconv} formatting that templates reach:
 * {@code %v} of the data model, {@code Sprint}/{@code Sprintf}/{@code Sprintln} and
 * {@code strconv.Quote}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
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
    public static boolean isPrint(int cp) {
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
        } else if (v instanceof GoStruct st) {
            sb.append('{');
            List<Object> fields = st.fieldValues();
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                appendV(sb, fields.get(i), true);
            }
            sb.append('}');
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
        return GoPrintf.sprintf(format, args);
    }

    /** Go {@code strconv.QuoteRune}. */
    static String quoteRune(int cp) {
        StringBuilder sb = new StringBuilder("'");
        appendEscapedRune(sb, cp, '\'');
        return sb.append('\'').toString();
    }
}
