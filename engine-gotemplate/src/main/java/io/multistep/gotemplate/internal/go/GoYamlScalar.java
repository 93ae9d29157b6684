package io.multistep.gotemplate.internal.go;

import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A scalar resolved the way Go's {@code gopkg.in/yaml.v2} resolves it (YAML 1.1 rules).
 *
 * <p>Why not SnakeYAML's resolver: it differs from yaml.v2 in details that change meaning, for
 * example {@code y}/{@code n} are booleans for yaml.v2 but strings for SnakeYAML, and yaml.v2
 * parses integers with Go's {@code strconv.ParseInt(s, 0, 64)} after removing every {@code _}.
 *
 * @param kind what the scalar resolved to
 * @param tag the yaml.v2 short tag ({@code !!str}, {@code !!int}, ...) used in messages
 * @param text the scalar text as written
 * @param longValue the value of an {@code INT}; the low 64 bits of a {@code UINT}
 * @param doubleValue the value of a {@code FLOAT}
 * @param boolValue the value of a {@code BOOL}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record GoYamlScalar(Kind kind, String tag, String text, long longValue, double doubleValue, boolean boolValue) {

    /** The resolved kinds. */
    public enum Kind {
        /** {@code ~}, {@code null}, empty. */
        NULL,
        /** A YAML 1.1 boolean. */
        BOOL,
        /** An integer that fits a signed 64-bit int. */
        INT,
        /** An integer above {@code MaxInt64} (Go {@code uint64}). */
        UINT,
        /** A float. */
        FLOAT,
        /** Anything else: a string (or a timestamp/binary/custom tag, which decode like strings). */
        STR
    }

    private static final Pattern YAML_FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

    private static final Map<String, Object> SPECIAL = buildSpecial();

    private static Map<String, Object> buildSpecial() {
        Map<String, Object> m = new java.util.HashMap<>();
        for (String s : new String[] {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"}) {
            m.put(s, Boolean.TRUE);
        }
        for (String s : new String[] {"n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"}) {
            m.put(s, Boolean.FALSE);
        }
        for (String s : new String[] {"", "~", "null", "Null", "NULL"}) {
            m.put(s, "null");
        }
        for (String s : new String[] {".nan", ".NaN", ".NAN"}) {
            m.put(s, Double.NaN);
        }
        for (String s : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
            m.put(s, Double.POSITIVE_INFINITY);
        }
        for (String s : new String[] {"-.inf", "-.Inf", "-.INF"}) {
            m.put(s, Double.NEGATIVE_INFINITY);
        }
        return Map.copyOf(m);
    }

    /** A string scalar (quoted, block, or plain text that is nothing else). */
    public static GoYamlScalar string(String text) {
        return new GoYamlScalar(Kind.STR, "!!str", text, 0, 0, false);
    }

    /** A scalar with an explicit, non-standard tag: decodes like a string, reported with its tag. */
    public static GoYamlScalar tagged(String tag, String text) {
        return new GoYamlScalar(Kind.STR, tag, text, 0, 0, false);
    }

    /** Resolves a plain (unquoted, untagged) scalar as yaml.v2's {@code resolve("", in)} does. */
    public static GoYamlScalar plain(String in) {
        char hint = in.isEmpty() ? 'N' : hint(in.charAt(0));
        if (hint == 0) {
            return string(in);
        }
        Object special = SPECIAL.get(in);
        if (special != null) {
            if (special instanceof Boolean b) {
                return new GoYamlScalar(Kind.BOOL, "!!bool", in, 0, 0, b);
            }
            if (special instanceof Double d) {
                return new GoYamlScalar(Kind.FLOAT, "!!float", in, 0, d, false);
            }
            return new GoYamlScalar(Kind.NULL, "!!null", in, 0, 0, false);
        }
        switch (hint) {
            case '.': {
                // ParseFloat on the text as written, where Go lets '_' separate digits.
                Double d = underscoresOk(in) ? parseGoFloat(in.replace("_", "")) : null;
                return d != null ? new GoYamlScalar(Kind.FLOAT, "!!float", in, 0, d, false) : string(in);
            }
            case 'D':
            case 'S': {
                if (GoYamlTimestamp.isTimestamp(in)) {
                    // yaml.v2 resolves it to a timestamp; into a string field it is its text.
                    return new GoYamlScalar(Kind.STR, "!!timestamp", in, 0, 0, false);
                }
                String plain = in.replace("_", "");
                BigInteger v = parseGoInt(plain);
                if (v != null) {
                    if (v.bitLength() < 64) {
                        return new GoYamlScalar(Kind.INT, "!!int", in, v.longValue(), 0, false);
                    }
                    // ParseUint takes no sign, not even '+'.
                    if (v.signum() > 0 && v.bitLength() <= 64 && in.charAt(0) != '+') {
                        return new GoYamlScalar(Kind.UINT, "!!int", in, v.longValue(), 0, false);
                    }
                }
                if (YAML_FLOAT.matcher(plain).matches()) {
                    Double d = parseGoFloat(plain);
                    if (d != null) {
                        return new GoYamlScalar(Kind.FLOAT, "!!float", in, 0, d, false);
                    }
                }
                return string(in);
            }
            default:
                return string(in);
        }
    }

    /**
     * Go's {@code strconv.underscoreOK} for a decimal number: each {@code _} sits between two
     * digits.
     */
    static boolean underscoresOk(String s) {
        char saw = '^';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else if (saw == '_') {
                return false;
            } else {
                saw = '!';
            }
        }
        return saw != '_';
    }

    /** yaml.v2's first-character hint table. */
    private static char hint(char c) {
        if (c == '+' || c == '-') {
            return 'S';
        }
        if (c >= '0' && c <= '9') {
            return 'D';
        }
        if ("yYnNtTfFoO~".indexOf(c) >= 0) {
            return 'M';
        }
        if (c == '.') {
            return '.';
        }
        return 0;
    }

    /**
     * Go's {@code strconv.ParseInt(s, 0, 64)} widened to also return values up to {@code MaxUint64}
     * (what {@code ParseUint} would accept); {@code null} on a syntax error or when out of range.
     */
    static BigInteger parseGoInt(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean neg = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
            if (s.isEmpty()) {
                return null;
            }
        }
        int base = 10;
        if (s.charAt(0) == '0') {
            char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
            if (p == 'b') {
                base = 2;
                s = s.substring(2);
            } else if (p == 'o') {
                base = 8;
                s = s.substring(2);
            } else if (p == 'x') {
                base = 16;
                s = s.substring(2);
            } else {
                base = 8;
                s = s.substring(1);
            }
        }
        BigInteger n = BigInteger.ZERO;
        BigInteger b = BigInteger.valueOf(base);
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), base);
            char c = s.charAt(i);
            if (d < 0 || c > 'z') {
                return null;
            }
            n = n.multiply(b).add(BigInteger.valueOf(d));
            if (n.bitLength() > 64) {
                return null;
            }
        }
        if (neg) {
            n = n.negate();
            return n.bitLength() < 64 || n.equals(BigInteger.ONE.shiftLeft(63).negate()) ? n : null;
        }
        return n;
    }

    /**
     * Go's {@code strconv.ParseFloat(s, 64)} for the decimal forms YAML uses; {@code null} when
     * invalid or out of range: Go fails with {@code ErrRange} where Java rounds to infinity, so
     * yaml.v2 keeps {@code 1e400} a string.
     */
    static Double parseGoFloat(String s) {
        if (!YAML_FLOAT.matcher(s).matches()) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isInfinite(d) ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The text as yaml.v2 shows it in a type error: at most ten characters, else seven and {@code ...}. */
    public String goQuoted() {
        String v = text.length() > 10 ? text.substring(0, 7) + "..." : text;
        return "`" + v + "`";
    }
}
