package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.GoStrconv;

/** Sprig's numeric conversions ({@code numeric.go}'s {@code toInt64}, {@code toFloat64}) other groups share. */
final class SprigConversions {

    private SprigConversions() {
    }

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
}
