package io.multistep.gotemplate.internal.go;

import java.util.Locale;

/**
 * Go's {@code fmt} struct (fmt/format.go, Go 1.19): the flags of one verb and the formatters that
 * write a string, integer, float or rune under them. {@link GoPrintf} is the printer on top.
 */
abstract class GoFormatter {

    protected static final String LDIGITS = "0123456789abcdefx";
    protected static final String UDIGITS = "0123456789ABCDEFX";

    protected final StringBuilder buf = new StringBuilder();
    // fmt's flags
    protected boolean widPresent;
    protected boolean precPresent;
    protected boolean minus;
    protected boolean plus;
    protected boolean sharp;
    protected boolean space;
    protected boolean zero;
    protected boolean plusV;
    protected boolean sharpV;
    protected int wid;
    protected int prec;
    protected final void clearFlags() {
        widPresent = precPresent = minus = plus = sharp = space = zero = plusV = sharpV = false;
        wid = prec = 0;
    }

    protected final void writePadding(int n) {
        if (n <= 0) {
            return;
        }
        char c = zero ? '0' : ' ';
        for (int k = 0; k < n; k++) {
            buf.append(c);
        }
    }

    protected final void pad(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - s.codePointCount(0, s.length());
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            writePadding(width);
        }
    }

    protected final void padString(String s) {
        pad(s);
    }

    protected final String truncateString(String s) {
        if (precPresent && s.codePointCount(0, s.length()) > prec) {
            return s.substring(0, s.offsetByCodePoints(0, prec));
        }
        return s;
    }

    protected final void fmtS(String s) {
        padString(truncateString(s));
    }

    protected final void fmtSbx(byte[] b, String digits) {
        int length = b.length;
        if (precPresent && prec < length) {
            length = prec;
        }
        int width = 2 * length;
        if (width > 0) {
            if (space) {
                if (sharp) {
                    width *= 2;
                }
                width += length - 1;
            } else if (sharp) {
                width += 2;
            }
        } else {
            if (widPresent) {
                writePadding(wid);
            }
            return;
        }
        if (widPresent && wid > width && !minus) {
            writePadding(wid - width);
        }
        if (sharp) {
            buf.append('0').append(digits.charAt(16));
        }
        for (int k = 0; k < length; k++) {
            if (space && k > 0) {
                buf.append(' ');
                if (sharp) {
                    buf.append('0').append(digits.charAt(16));
                }
            }
            int c = b[k] & 0xff;
            buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xf));
        }
        if (widPresent && wid > width && minus) {
            writePadding(wid - width);
        }
    }

    protected final void fmtQ(String s) {
        s = truncateString(s);
        if (sharp && canBackquote(s)) {
            padString("`" + s + "`");
            return;
        }
        pad(plus ? quoteToAscii(s) : GoFmt.quote(s));
    }

    protected static boolean canBackquote(String s) {
        for (int k = 0; k < s.length(); ) {
            int cp = s.codePointAt(k);
            k += Character.charCount(cp);
            if (cp == '`' || cp == 0xFEFF || Character.isSurrogate((char) cp)
                    || (cp < ' ' && cp != '\t') || cp == 0x7f) {
                return false;
            }
        }
        return true;
    }

    protected static String quoteToAscii(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int k = 0; k < s.length(); ) {
            int cp = s.codePointAt(k);
            k += Character.charCount(cp);
            appendAsciiRune(sb, cp, '"');
        }
        return sb.append('"').toString();
    }

    protected static void appendAsciiRune(StringBuilder sb, int cp, char q) {
        if (cp < 0x80) {
            String quoted = q == '"' ? GoFmt.quote(String.valueOf((char) cp)) : GoFmt.quoteRune(cp);
            sb.append(quoted, 1, quoted.length() - 1);
        } else if (cp < 0x10000) {
            sb.append(String.format("\\u%04x", cp));
        } else {
            sb.append(String.format("\\U%08x", cp));
        }
    }

    protected static int toRune(long c) {
        // Go's rune(c) with c > MaxRune (incl. negative numbers as uint64) becomes RuneError.
        if (c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
            return 0xFFFD;
        }
        return (int) c;
    }

    protected final void fmtC(long c) {
        pad(new String(Character.toChars(toRune(c))));
    }

    protected final void fmtQc(long c) {
        int r = toRune(c);
        if (plus) {
            StringBuilder sb = new StringBuilder("'");
            appendAsciiRune(sb, r, '\'');
            pad(sb.append('\'').toString());
        } else {
            pad(GoFmt.quoteRune(r));
        }
    }

    protected final void fmtUnicode(long u) {
        int p = 4;
        if (precPresent && prec > 4) {
            p = prec;
        }
        String hex = Long.toUnsignedString(u, 16).toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder("U+");
        for (int k = hex.length(); k < p; k++) {
            sb.append('0');
        }
        sb.append(hex);
        if (sharp && u >= 0 && u <= 0x10FFFF && GoFmt.isPrint((int) u)) {
            sb.append(" '").appendCodePoint((int) u).append('\'');
        }
        boolean oldZero = zero;
        zero = false;
        pad(sb.toString());
        zero = oldZero;
    }

    protected final void fmtInteger(long u, int base, boolean isSigned, int verb, String digits) {
        boolean negative = isSigned && u < 0;
        if (negative) {
            u = -u;
        }
        int p = 0;
        if (precPresent) {
            p = prec;
            if (p == 0 && u == 0) {
                boolean oldZero = zero;
                zero = false;
                writePadding(wid);
                zero = oldZero;
                return;
            }
        } else if (zero && widPresent) {
            p = wid;
            if (negative || plus || space) {
                p--;
            }
        }
        String body = Long.toUnsignedString(u, base);
        if (digits == UDIGITS) {
            body = body.toUpperCase(Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder();
        for (int k = body.length(); k < p; k++) {
            sb.append('0');
        }
        sb.append(body);
        if (sharp) {
            switch (base) {
                case 2: sb.insert(0, "0b"); break;
                case 8:
                    if (sb.charAt(0) != '0') {
                        sb.insert(0, '0');
                    }
                    break;
                case 16: sb.insert(0, "0" + digits.charAt(16)); break;
                default: break;
            }
        }
        if (verb == 'O') {
            sb.insert(0, "0o");
        }
        if (negative) {
            sb.insert(0, '-');
        } else if (plus) {
            sb.insert(0, '+');
        } else if (space) {
            sb.insert(0, ' ');
        }
        boolean oldZero = zero;
        zero = false;
        pad(sb.toString());
        zero = oldZero;
    }

    protected final void fmtFloat(double v, int verb, int p) {
        if (precPresent) {
            p = prec;
        }
        String num = GoFloat.format(v, (char) verb, p);
        if (num.charAt(0) == '-' || num.charAt(0) == '+') {
            // keep the sign
        } else {
            num = "+" + num;
        }
        if (space && num.charAt(0) == '+' && !plus) {
            num = " " + num.substring(1);
        }
        if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
            boolean oldZero = zero;
            zero = false;
            if (num.charAt(1) == 'N' && !space && !plus) {
                num = num.substring(1);
            }
            pad(num);
            zero = oldZero;
            return;
        }
        if (sharp && verb != 'b') {
            int digits = 0;
            if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
                digits = p == -1 ? 6 : p;
            }
            String tail = "";
            boolean hasDecimalPoint = false;
            boolean sawNonzeroDigit = false;
            StringBuilder n = new StringBuilder(num);
            for (int k = 1; k < n.length(); k++) {
                char c = n.charAt(k);
                if (c == '.') {
                    hasDecimalPoint = true;
                } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
                    tail = n.substring(k);
                    n.setLength(k);
                    break;
                } else {
                    if (c != '0') {
                        sawNonzeroDigit = true;
                    }
                    if (sawNonzeroDigit) {
                        digits--;
                    }
                }
            }
            if (!hasDecimalPoint) {
                if (n.length() == 2 && n.charAt(1) == '0') {
                    digits--;
                }
                n.append('.');
            }
            while (digits > 0) {
                n.append('0');
                digits--;
            }
            num = n.append(tail).toString();
        }
        if (plus || num.charAt(0) != '+') {
            if (zero && widPresent && wid > num.length()) {
                buf.append(num.charAt(0));
                writePadding(wid - num.length());
                buf.append(num, 1, num.length());
                return;
            }
            pad(num);
            return;
        }
        pad(num.substring(1));
    }
}
