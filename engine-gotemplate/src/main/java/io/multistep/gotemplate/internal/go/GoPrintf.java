package io.multistep.gotemplate.internal.go;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A port of Go's {@code fmt.Sprintf} ({@code doPrintf}, {@code printArg}, {@code printValue} and
 * the {@code fmt} struct's formatters, Go 1.19) over the template data model. Every input gives
 * Go's text, including its {@code %!verb(...)} error forms; nothing throws.
 */
final class GoPrintf extends GoFormatter {


    // pp's state
    private Object arg;
    private boolean erroring;
    private boolean reordered;
    private boolean goodArgNum;

    private GoPrintf() {
    }

    /** Go's {@code fmt.Sprintf(format, args...)}. */
    static String sprintf(String format, List<Object> args) {
        GoPrintf p = new GoPrintf();
        p.doPrintf(format, args);
        return p.buf.toString();
    }

    private static boolean tooLarge(int x) {
        return x > 1_000_000 || x < -1_000_000;
    }

    // parsenum: returns {num, isnum(0/1), newi}
    private static int[] parsenum(String s, int start, int end) {
        if (start >= end) {
            return new int[] {0, 0, end};
        }
        int num = 0;
        boolean isnum = false;
        int newi = start;
        for (; newi < end && s.charAt(newi) >= '0' && s.charAt(newi) <= '9'; newi++) {
            if (tooLarge(num)) {
                return new int[] {0, 0, end};
            }
            num = num * 10 + (s.charAt(newi) - '0');
            isnum = true;
        }
        return new int[] {num, isnum ? 1 : 0, newi};
    }

    // argNumber: returns {argNum, newi, found(0/1)}
    private int[] argNumber(int argNum, String format, int i, int numArgs) {
        if (format.length() <= i || format.charAt(i) != '[') {
            return new int[] {argNum, i, 0};
        }
        reordered = true;
        // parseArgNumber on format[i:]
        int index = 0;
        int w = 1;
        boolean ok = false;
        String f = format.substring(i);
        if (f.length() >= 3) {
            for (int k = 1; k < f.length(); k++) {
                if (f.charAt(k) == ']') {
                    int[] n = parsenum(f, 1, k);
                    if (n[1] == 0 || n[2] != k) {
                        w = k + 1;
                    } else {
                        index = n[0] - 1;
                        w = k + 1;
                        ok = true;
                    }
                    break;
                }
            }
        }
        if (ok && 0 <= index && index < numArgs) {
            return new int[] {index, i + w, 1};
        }
        goodArgNum = false;
        return new int[] {argNum, i + w, ok ? 1 : 0};
    }

    // intFromArg: returns {num, isInt(0/1), newArgNum}
    private static int[] intFromArg(List<Object> a, int argNum) {
        int num = 0;
        boolean isInt = false;
        int newArgNum = argNum;
        if (argNum < a.size()) {
            Object v = a.get(argNum);
            if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                long n = ((Number) v).longValue();
                if (n == (int) n) {
                    num = (int) n;
                    isInt = true;
                }
            }
            newArgNum = argNum + 1;
            if (tooLarge(num)) {
                num = 0;
                isInt = false;
            }
        }
        return new int[] {num, isInt ? 1 : 0, newArgNum};
    }

    private void doPrintf(String format, List<Object> a) {
        int end = format.length();
        int argNum = 0;
        boolean afterIndex;
        reordered = false;
        formatLoop:
        for (int i = 0; i < end; ) {
            goodArgNum = true;
            int lasti = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            if (i > lasti) {
                buf.append(format, lasti, i);
            }
            if (i >= end) {
                break;
            }
            i++;
            clearFlags();
            simpleFormat:
            for (; i < end; i++) {
                char c = format.charAt(i);
                switch (c) {
                    case '#': sharp = true; break;
                    case '0': zero = !minus; break;
                    case '+': plus = true; break;
                    case '-': minus = true; zero = false; break;
                    case ' ': space = true; break;
                    default: break simpleFormat;
                }
            }
            int[] r = argNumber(argNum, format, i, a.size());
            argNum = r[0];
            i = r[1];
            afterIndex = r[2] == 1;
            if (i < end && format.charAt(i) == '*') {
                i++;
                int[] w = intFromArg(a, argNum);
                wid = w[0];
                widPresent = w[1] == 1;
                argNum = w[2];
                if (!widPresent) {
                    buf.append("%!(BADWIDTH)");
                }
                if (wid < 0) {
                    wid = -wid;
                    minus = true;
                    zero = false;
                }
                afterIndex = false;
            } else {
                int[] n = parsenum(format, i, end);
                wid = n[0];
                widPresent = n[1] == 1;
                i = n[2];
                if (afterIndex && widPresent) {
                    goodArgNum = false;
                }
            }
            if (i + 1 < end && format.charAt(i) == '.') {
                i++;
                if (afterIndex) {
                    goodArgNum = false;
                }
                r = argNumber(argNum, format, i, a.size());
                argNum = r[0];
                i = r[1];
                afterIndex = r[2] == 1;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    int[] w = intFromArg(a, argNum);
                    prec = w[0];
                    precPresent = w[1] == 1;
                    argNum = w[2];
                    if (prec < 0) {
                        prec = 0;
                        precPresent = false;
                    }
                    if (!precPresent) {
                        buf.append("%!(BADPREC)");
                    }
                    afterIndex = false;
                } else {
                    int[] n = parsenum(format, i, end);
                    prec = n[0];
                    precPresent = n[1] == 1;
                    i = n[2];
                    if (!precPresent) {
                        prec = 0;
                        precPresent = true;
                    }
                }
            }
            if (!afterIndex) {
                r = argNumber(argNum, format, i, a.size());
                argNum = r[0];
                i = r[1];
            }
            if (i >= end) {
                buf.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                buf.append('%');
            } else if (!goodArgNum) {
                badArgNum(verb);
            } else if (argNum >= a.size()) {
                buf.append("%!").appendCodePoint(verb).append("(MISSING)");
            } else {
                if (verb == 'v') {
                    sharpV = sharp;
                    sharp = false;
                    plusV = plus;
                    plus = false;
                }
                printArg(a.get(argNum), verb);
                argNum++;
            }
            continue formatLoop;
        }
        if (!reordered && argNum < a.size()) {
            clearFlags();
            buf.append("%!(EXTRA ");
            for (int k = argNum; k < a.size(); k++) {
                if (k > argNum) {
                    buf.append(", ");
                }
                Object x = a.get(k);
                if (x == null) {
                    buf.append("<nil>");
                } else {
                    buf.append(GoValues.typeName(x)).append('=');
                    printArg(x, 'v');
                }
            }
            buf.append(')');
        }
    }

    private void badArgNum(int verb) {
        buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
    }

    private void badVerb(int verb) {
        erroring = true;
        buf.append("%!").appendCodePoint(verb).append('(');
        if (arg != null) {
            buf.append(GoValues.typeName(arg)).append('=');
            printArg(arg, 'v');
        } else {
            buf.append("<nil>");
        }
        buf.append(')');
        erroring = false;
    }

    private static boolean isSignedInt(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
    }

    private void printArg(Object a, int verb) {
        arg = a;
        if (a == null) {
            if (verb == 'T' || verb == 'v') {
                padString("<nil>");
            } else {
                badVerb(verb);
            }
            return;
        }
        if (verb == 'T') {
            fmtS(GoValues.typeName(a));
            return;
        }
        if (a instanceof Boolean b) {
            fmtBool(b, verb);
        } else if (a instanceof Double || a instanceof Float) {
            fmtFloat(((Number) a).doubleValue(), verb);
        } else if (a instanceof GoComplex c) {
            fmtComplex(c, verb);
        } else if (isSignedInt(a)) {
            fmtInteger(((Number) a).longValue(), true, verb);
        } else if (a instanceof BigInteger bi) {
            fmtInteger(bi.longValue(), bi.signum() < 0, verb);
        } else if (a instanceof String s) {
            fmtString(s, verb);
        } else if (a instanceof byte[] b) {
            fmtBytes(b, verb, "[]byte");
        } else if (!handleMethods(verb)) {
            printValue(a, verb, 0);
        }
    }

    /** Stringer values (pointer types with {@code String()}, time.Time) print through it for v s x X q. */
    private boolean handleMethods(int verb) {
        if (erroring || sharpV) {
            return false;
        }
        String str;
        if (arg instanceof GoStringer gs) {
            str = gs.goString();
        } else if (arg instanceof GoTime t) {
            str = t.toString();
        } else {
            return false;
        }
        if (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q') {
            fmtString(str, verb);
            return true;
        }
        return false;
    }

    private void printValue(Object v, int verb, int depth) {
        if (depth > 0 && v != null) {
            arg = v;
            if (!(v instanceof Map || v instanceof List || v instanceof GoStruct) || v instanceof GoStringer) {
                printArg(v, verb);
                return;
            }
        }
        arg = null;
        if (v instanceof Map<?, ?> m && !(v instanceof GoStringer)) {
            if (sharpV) {
                buf.append(GoValues.typeName(v)).append('{');
            } else {
                buf.append("map[");
            }
            boolean first = true;
            for (Map.Entry<?, ?> e : GoValues.sortedEntries(m)) {
                if (!first) {
                    buf.append(sharpV ? ", " : " ");
                }
                first = false;
                printValue(e.getKey(), verb, depth + 1);
                buf.append(':');
                printElem(e.getValue(), verb, depth + 1);
            }
            buf.append(sharpV ? '}' : ']');
        } else if (v instanceof List<?> l) {
            if (sharpV) {
                buf.append(GoValues.typeName(v)).append('{');
            } else {
                buf.append('[');
            }
            for (int k = 0; k < l.size(); k++) {
                if (k > 0) {
                    buf.append(sharpV ? ", " : " ");
                }
                printElem(l.get(k), verb, depth + 1);
            }
            buf.append(sharpV ? '}' : ']');
        } else if (v instanceof GoStruct st) {
            if (sharpV) {
                buf.append(st.goType());
            }
            buf.append('{');
            List<String> names = st.fieldNames();
            List<Object> values = st.fieldValues();
            for (int k = 0; k < values.size(); k++) {
                if (k > 0) {
                    buf.append(sharpV ? ", " : " ");
                }
                if (plusV || sharpV) {
                    buf.append(names.get(k)).append(':');
                }
                printValue(values.get(k), verb, depth + 1);
            }
            buf.append('}');
        } else if (v instanceof GoStringer gs) {
            // A pointer Go cannot print otherwise without an address: its String() is the best stand-in.
            arg = v;
            fmtS(gs.goString());
        } else {
            arg = v;
            if (verb == 'v' || verb == 's') {
                fmtS(GoFmt.sprintValue(v));
            } else {
                badVerb(verb);
            }
        }
    }

    /** An interface{} element: nil prints as {@code <nil>} whatever the verb. */
    private void printElem(Object e, int verb, int depth) {
        if (e == null) {
            buf.append(sharpV ? "interface {}(nil)" : "<nil>");
        } else {
            printValue(e, verb, depth);
        }
    }

    // ------------------------------------------------------------ pp.fmtX

    private void fmtBool(boolean b, int verb) {
        if (verb == 't' || verb == 'v') {
            padString(b ? "true" : "false");
        } else {
            badVerb(verb);
        }
    }

    private void fmtInteger(long v, boolean signed, int verb) {
        switch (verb) {
            case 'v':
                if (sharpV && !signed) {
                    fmt0x64(v, true);
                } else {
                    fmtInteger(v, 10, signed, verb, LDIGITS);
                }
                break;
            case 'd': fmtInteger(v, 10, signed, verb, LDIGITS); break;
            case 'b': fmtInteger(v, 2, signed, verb, LDIGITS); break;
            case 'o':
            case 'O': fmtInteger(v, 8, signed, verb, LDIGITS); break;
            case 'x': fmtInteger(v, 16, signed, verb, LDIGITS); break;
            case 'X': fmtInteger(v, 16, signed, verb, UDIGITS); break;
            case 'c': fmtC(v); break;
            case 'q': fmtQc(v); break;
            case 'U': fmtUnicode(v); break;
            default: badVerb(verb);
        }
    }

    private void fmt0x64(long v, boolean leading0x) {
        boolean s = sharp;
        sharp = leading0x;
        fmtInteger(v, 16, false, 'v', LDIGITS);
        sharp = s;
    }

    private void fmtFloat(double v, int verb) {
        switch (verb) {
            case 'v': fmtFloat(v, 'g', -1); break;
            case 'b': case 'g': case 'G': case 'x': case 'X': fmtFloat(v, verb, -1); break;
            case 'f': case 'e': case 'E': fmtFloat(v, verb, 6); break;
            case 'F': fmtFloat(v, 'f', 6); break;
            default: badVerb(verb);
        }
    }

    /** Go's fmtComplex: the verb applies to each part, and the imaginary part always has a sign. */
    private void fmtComplex(GoComplex c, int verb) {
        if ("vbgGxXfFeE".indexOf(verb) < 0) {
            badVerb(verb);
            return;
        }
        boolean oldPlus = plus;
        buf.append('(');
        fmtFloat(c.re(), verb);
        plus = true;
        fmtFloat(c.im(), verb);
        buf.append("i)");
        plus = oldPlus;
    }

    private void fmtString(String s, int verb) {
        switch (verb) {
            case 'v':
                if (sharpV) {
                    fmtQ(s);
                } else {
                    fmtS(s);
                }
                break;
            case 's': fmtS(s); break;
            case 'x': fmtSbx(s.getBytes(StandardCharsets.UTF_8), LDIGITS); break;
            case 'X': fmtSbx(s.getBytes(StandardCharsets.UTF_8), UDIGITS); break;
            case 'q': fmtQ(s); break;
            default: badVerb(verb);
        }
    }

    private void fmtBytes(byte[] v, int verb, String typeString) {
        switch (verb) {
            case 'v':
            case 'd':
                if (sharpV) {
                    buf.append(typeString).append('{');
                    for (int k = 0; k < v.length; k++) {
                        if (k > 0) {
                            buf.append(", ");
                        }
                        fmt0x64(v[k] & 0xff, true);
                    }
                    buf.append('}');
                } else {
                    buf.append('[');
                    for (int k = 0; k < v.length; k++) {
                        if (k > 0) {
                            buf.append(' ');
                        }
                        fmtInteger(v[k] & 0xff, 10, false, verb, LDIGITS);
                    }
                    buf.append(']');
                }
                break;
            case 's': fmtS(new String(v, StandardCharsets.UTF_8)); break;
            case 'x': fmtSbx(v, LDIGITS); break;
            case 'X': fmtSbx(v, UDIGITS); break;
            case 'q': fmtQ(new String(v, StandardCharsets.UTF_8)); break;
            default: badVerb(verb);
        }
    }
}
