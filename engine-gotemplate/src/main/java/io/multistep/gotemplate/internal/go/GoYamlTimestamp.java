package io.multistep.gotemplate.internal.go;

/**
 * Whether yaml.v2 resolves a plain scalar to a timestamp: its {@code parseTimestamp}, which tries
 * Go's {@code time.Parse} with four layouts. Ported from Go's parser rather than written as a
 * regular expression because {@code time.Parse} also checks ranges (month 1-12, the day within
 * the month, hour below 24, ...), takes at most nine fraction digits, lets a space in the layout
 * match a run of spaces, and reads the zone offset with {@code atoi}.
 */
final class GoYamlTimestamp {
    private GoYamlTimestamp() {
    }

    /** Layout parts after the date, for each of yaml.v2's {@code allowedTimestampFormats}. */
    private enum Layout {
        /** {@code 2006-1-2T15:4:5.999999999Z07:00}. */
        UPPER_T,
        /** {@code 2006-1-2t15:4:5.999999999Z07:00}. */
        LOWER_T,
        /** {@code 2006-1-2 15:4:5.999999999}. */
        SPACE,
        /** {@code 2006-1-2}. */
        DATE
    }

    /** yaml.v2's {@code parseTimestamp(s)} succeeds. */
    static boolean isTimestamp(String s) {
        // yaml.v2's quick check: all its formats start with YYYY-.
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i != 4 || i == s.length() || s.charAt(i) != '-') {
            return false;
        }
        for (Layout l : Layout.values()) {
            if (parses(s, l)) {
                return true;
            }
        }
        return false;
    }

    private static boolean parses(String v, Layout layout) {
        Cursor c = new Cursor(v);
        int year = Integer.parseInt(v.substring(0, 4)); // checked by isTimestamp
        c.pos = 4;
        if (!c.literal('-')) {
            return false;
        }
        int month = c.getnum();
        if (month < 1 || month > 12 || !c.literal('-')) {
            return false;
        }
        int day = c.getnum();
        if (day < 0) {
            return false;
        }
        if (layout != Layout.DATE) {
            boolean sep = switch (layout) {
                case UPPER_T -> c.literal('T');
                case LOWER_T -> c.literal('t');
                default -> c.spaces();
            };
            if (!sep) {
                return false;
            }
            int hour = c.getnum();
            if (hour < 0 || hour >= 24 || !c.literal(':')) {
                return false;
            }
            int min = c.getnum();
            if (min < 0 || min >= 60 || !c.literal(':')) {
                return false;
            }
            int sec = c.getnum();
            if (sec < 0 || sec >= 60) {
                return false;
            }
            c.fraction9();
            if (layout != Layout.SPACE && !c.zone()) {
                return false;
            }
        }
        if (c.pos != v.length()) {
            return false; // Go: extra text
        }
        return day >= 1 && day <= daysIn(month, year);
    }

    private static int daysIn(int month, int year) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        private boolean digitAt(int i) {
            return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
        }

        boolean literal(char ch) {
            if (pos < s.length() && s.charAt(pos) == ch) {
                pos++;
                return true;
            }
            return false;
        }

        /** Go's {@code skip} for a layout space: a run of spaces (none when the value is used up). */
        boolean spaces() {
            if (pos < s.length() && s.charAt(pos) != ' ') {
                return false;
            }
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
            return true;
        }

        /** Go's {@code getnum(s, false)}: one or two digits; -1 when there is none. */
        int getnum() {
            if (!digitAt(pos)) {
                return -1;
            }
            if (!digitAt(pos + 1)) {
                return s.charAt(pos++) - '0';
            }
            int n = (s.charAt(pos) - '0') * 10 + (s.charAt(pos + 1) - '0');
            pos += 2;
            return n;
        }

        /** Go's {@code stdFracSecond9}: optional; a '.' or ',' and at most nine digits. */
        void fraction9() {
            if (pos + 1 >= s.length() || (s.charAt(pos) != '.' && s.charAt(pos) != ',') || !digitAt(pos + 1)) {
                return;
            }
            int i = 0;
            while (i < 9 && digitAt(pos + 1 + i)) {
                i++;
            }
            pos += 1 + i;
        }

        /** Go's {@code stdISO8601ColonTZ}: {@code Z}, or a sign, two atoi characters, ':', two more. */
        boolean zone() {
            if (literal('Z')) {
                return true;
            }
            if (s.length() - pos < 6 || s.charAt(pos + 3) != ':') {
                return false;
            }
            char sign = s.charAt(pos);
            boolean ok = (sign == '+' || sign == '-') && atoi(s.substring(pos + 1, pos + 3))
                    && atoi(s.substring(pos + 4, pos + 6));
            pos += 6;
            return ok;
        }

        /** Go's time {@code atoi}: an optional sign, then only digits (maybe none). */
        private static boolean atoi(String x) {
            int i = !x.isEmpty() && (x.charAt(0) == '+' || x.charAt(0) == '-') ? 1 : 0;
            for (; i < x.length(); i++) {
                if (x.charAt(i) < '0' || x.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }
    }
}
