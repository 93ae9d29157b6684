package io.multistep.gotemplate.internal.go;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Go semantics over the Java data model (Map, List, String, Long/Integer, Double, Boolean,
 * null): type names, truthiness, comparisons and sorted map iteration.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class GoValues {

    private GoValues() {
    }

    /** Go's basic kinds used by comparisons. */
    public enum Kind { INVALID, BOOL, INT, FLOAT, STRING, COMPLEX, OTHER }

    /** The Go type name the reference would report for a value of the data model. */
    public static String typeName(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof GoStringer gs) {
            return gs.goType();
        }
        if (v instanceof GoStruct st) {
            return st.goType();
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
            return "int";
        }
        if (v instanceof Double || v instanceof Float) {
            return "float64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Map) {
            return "map[string]interface {}";
        }
        if (v instanceof List) {
            return "[]interface {}";
        }
        if (v instanceof GoTime) {
            return "time.Time";
        }
        if (v instanceof byte[]) {
            return "[]uint8";
        }
        return v.getClass().getSimpleName();
    }

    /** Go's reflect kind name (for Sprig's kindOf). */
    public static String kindName(Object v) {
        if (v == null) {
            return "invalid";
        }
        if (v instanceof GoComplex) {
            return "complex128";
        }
        if (v instanceof GoStringer) {
            return "ptr";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Long || v instanceof Integer) {
            return "int";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Map) {
            return "map";
        }
        if (v instanceof List || v instanceof byte[]) {
            return "slice";
        }
        return "struct";
    }

    public static Kind kind(Object v) {
        if (v == null) {
            return Kind.INVALID;
        }
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return Kind.INT;
        }
        if (v instanceof Double || v instanceof Float) {
            return Kind.FLOAT;
        }
        if (v instanceof String) {
            return Kind.STRING;
        }
        if (v instanceof GoComplex) {
            return Kind.COMPLEX;
        }
        return Kind.OTHER;
    }

    /** Go's {@code template.IsTrue}. */
    public static boolean isTrue(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue() != 0;
        }
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue() != 0;
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof byte[] b) {
            return b.length > 0;
        }
        if (v instanceof GoComplex c) {
            return c.re() != 0 || c.im() != 0;
        }
        return true;
    }

    /** Map entries in Go's sorted key order (fmt and range both sort). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<Map.Entry<?, ?>> sortedEntries(Map<?, ?> m) {
        List<Map.Entry<?, ?>> es = new ArrayList<>(m.entrySet());
        es.sort((Comparator) (a, b) -> compareKeys(((Map.Entry<?, ?>) a).getKey(), ((Map.Entry<?, ?>) b).getKey()));
        return es;
    }

    /** Sorted keys of a map as strings were compared by Go (byte order for strings). */
    static int compareKeys(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return compareStrings(x, y);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return compareStrings(String.valueOf(a), String.valueOf(b));
    }

    /** Go compares strings byte-wise in UTF-8; code point order is equivalent. */
    public static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Go's builtin {@code eq}. */
    public static boolean eq(Object a, List<Object> others) {
        if (others.isEmpty()) {
            throw new FuncError("missing argument for comparison");
        }
        Kind k1 = kind(a);
        for (Object b : others) {
            Kind k2 = kind(b);
            boolean truth;
            if (k1 != k2) {
                if (a != null && b != null) {
                    throw new FuncError("incompatible types for comparison");
                }
                truth = false;
            } else {
                switch (k1) {
                    case BOOL: truth = a.equals(b); break;
                    case INT: truth = ((Number) a).longValue() == ((Number) b).longValue(); break;
                    case FLOAT: truth = ((Number) a).doubleValue() == ((Number) b).doubleValue(); break;
                    case STRING: truth = a.equals(b); break;
                    case INVALID: truth = true; break;
                    default:
                        if (a instanceof List || a instanceof Map || b instanceof List || b instanceof Map) {
                            // Go: values of different kinds are "non-comparable types", a slice or map
                            // compared with its own kind a "non-comparable type" (formatted with %s).
                            if ((a instanceof List) != (b instanceof List) || (a instanceof Map) != (b instanceof Map)) {
                                throw new FuncError("non-comparable types " + GoFmt.sprintf("%s", List.of(a)) + ": "
                                        + typeName(a) + ", " + typeName(b) + ": " + GoFmt.sprintValue(b));
                            }
                            throw new FuncError("non-comparable type " + GoFmt.sprintf("%s", List.of(b)) + ": "
                                    + typeName(b));
                        }
                        truth = a.equals(b);
                }
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    /** Go's builtin {@code lt}. */
    public static boolean lt(Object a, Object b) {
        Kind k1 = kind(a);
        Kind k2 = kind(b);
        if (k1 == Kind.INVALID || k1 == Kind.OTHER || k2 == Kind.INVALID || k2 == Kind.OTHER) {
            throw new FuncError("invalid type for comparison");
        }
        if (k1 != k2) {
            throw new FuncError("incompatible types for comparison");
        }
        switch (k1) {
            case BOOL:
            case COMPLEX:
                throw new FuncError("invalid type for comparison");
            case INT:
                return ((Number) a).longValue() < ((Number) b).longValue();
            case FLOAT:
                return ((Number) a).doubleValue() < ((Number) b).doubleValue();
            default:
                return compareStrings((String) a, (String) b) < 0;
        }
    }

    /** Go's {@code le}. */
    public static boolean le(Object a, Object b) {
        if (lt(a, b)) {
            return true;
        }
        List<Object> l = new ArrayList<>(1);
        l.add(b);
        return eq(a, l);
    }

    /** Length as Go's {@code len} builtin computes it. */
    public static long len(Object v) {
        if (v == null) {
            throw new FuncError("len of nil pointer");
        }
        if (v instanceof String s) {
            return utf8Length(s);
        }
        if (v instanceof List<?> l) {
            return l.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof byte[] b) {
            return b.length;
        }
        throw new FuncError("len of type " + typeName(v));
    }

    /** Number of UTF-8 bytes of a string. */
    public static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
