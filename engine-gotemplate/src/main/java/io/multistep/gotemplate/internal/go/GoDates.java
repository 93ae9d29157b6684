package io.multistep.gotemplate.internal.go;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import org.apiguardian.api.API;

/** Go time layouts ({@code "2006-01-02 15:04:05"}) formatted and parsed with java.time. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class GoDates {

    private GoDates() {
    }

    private static final String[] STD = {
        "January", "Jan", "Monday", "Mon", "MST", "2006", "-07:00:00", "-0700", "-07:00", "-07",
        "Z07:00:00", "Z0700", "Z07:00", "Z07", "002", "__2", "_2", "01", "02", "03", "04", "05", "06", "15",
        "PM", "pm", "1", "2", "3", "4", "5",
    };

    /** Finds the std chunk at position i (Go's nextStdChunk rules, simplified). */
    private static String stdAt(String layout, int i) {
        for (String s : STD) {
            if (layout.startsWith(s, i)) {
                if (s.equals("Jan") || s.equals("Mon")) {
                    // "Janx" is not a std chunk only when followed by lowercase in Go; keep simple.
                    if (layout.startsWith(s.equals("Jan") ? "January" : "Monday", i)) {
                        continue;
                    }
                }
                if (s.equals("2006") || s.equals("002")) {
                    return s;
                }
                if (s.equals("2") && layout.startsWith("2006", i)) {
                    continue;
                }
                return s;
            }
        }
        if (layout.charAt(i) == '.' || layout.charAt(i) == ',') {
            int j = i + 1;
            if (j < layout.length() && (layout.charAt(j) == '0' || layout.charAt(j) == '9')) {
                char c = layout.charAt(j);
                int k = j;
                while (k < layout.length() && layout.charAt(k) == c) {
                    k++;
                }
                if (k >= layout.length() || !Character.isDigit(layout.charAt(k))) {
                    return layout.substring(i, k);
                }
            }
        }
        return null;
    }

    /** Go {@code Time.Format(layout)}. */
    public static String format(ZonedDateTime t, String layout) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < layout.length()) {
            String std = stdAt(layout, i);
            if (std == null) {
                sb.append(layout.charAt(i));
                i++;
                continue;
            }
            i += std.length();
            appendStd(sb, t, std);
        }
        return sb.toString();
    }

    private static String pad(int v, int n) {
        String s = Integer.toString(Math.abs(v));
        StringBuilder sb = new StringBuilder(v < 0 ? "-" : "");
        for (int i = s.length(); i < n; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }

    private static void appendStd(StringBuilder sb, ZonedDateTime t, String std) {
        int off = t.getOffset().getTotalSeconds();
        switch (std) {
            case "January": sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)); return;
            case "Jan": sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)); return;
            case "Monday": sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)); return;
            case "Mon": sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)); return;
            case "MST": sb.append(zoneAbbrev(t)); return;
            case "2006": sb.append(pad(t.getYear(), 4)); return;
            case "06": sb.append(pad(t.getYear() % 100, 2)); return;
            case "01": sb.append(pad(t.getMonthValue(), 2)); return;
            case "1": sb.append(t.getMonthValue()); return;
            case "02": sb.append(pad(t.getDayOfMonth(), 2)); return;
            case "_2": sb.append(t.getDayOfMonth() < 10 ? " " : "").append(t.getDayOfMonth()); return;
            case "2": sb.append(t.getDayOfMonth()); return;
            case "002": sb.append(pad(t.getDayOfYear(), 3)); return;
            case "__2": {
                String d = Integer.toString(t.getDayOfYear());
                sb.append("   ".substring(d.length())).append(d);
                return;
            }
            case "15": sb.append(pad(t.getHour(), 2)); return;
            case "03": sb.append(pad(hour12(t), 2)); return;
            case "3": sb.append(hour12(t)); return;
            case "04": sb.append(pad(t.getMinute(), 2)); return;
            case "4": sb.append(t.getMinute()); return;
            case "05": sb.append(pad(t.getSecond(), 2)); return;
            case "5": sb.append(t.getSecond()); return;
            case "PM": sb.append(t.getHour() >= 12 ? "PM" : "AM"); return;
            case "pm": sb.append(t.getHour() >= 12 ? "pm" : "am"); return;
            default:
                break;
        }
        if (std.startsWith("Z") || std.startsWith("-")) {
            if (std.startsWith("Z") && off == 0) {
                sb.append('Z');
                return;
            }
            int a = Math.abs(off);
            sb.append(off < 0 ? '-' : '+').append(pad(a / 3600, 2));
            boolean colon = std.contains(":");
            if (!std.endsWith("07")) {
                if (colon) {
                    sb.append(':');
                }
                sb.append(pad(a / 60 % 60, 2));
            }
            if (std.endsWith("07:00:00") || std.endsWith("070000")) {
                sb.append(colon ? ":" : "").append(pad(a % 60, 2));
            }
            return;
        }
        // fractional seconds .000 / .999
        char sep = std.charAt(0);
        int n = std.length() - 1;
        String nanos = pad(t.getNano(), 9).substring(0, Math.min(9, n));
        if (std.charAt(1) == '9') {
            String full = pad(t.getNano(), 9).substring(0, Math.min(9, n));
            int end = full.length();
            while (end > 0 && full.charAt(end - 1) == '0') {
                end--;
            }
            if (end > 0) {
                sb.append(sep).append(full, 0, end);
            }
            return;
        }
        sb.append(sep).append(nanos);
    }

    private static int hour12(ZonedDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    private static String zoneAbbrev(ZonedDateTime t) {
        ZoneId z = t.getZone();
        if (z.equals(ZoneOffset.UTC) || z.getId().equals("UTC") || z.getId().equals("Z")) {
            return "UTC";
        }
        if (z instanceof ZoneOffset) {
            int off = t.getOffset().getTotalSeconds();
            int a = Math.abs(off);
            String s = (off < 0 ? "-" : "+") + pad(a / 3600, 2);
            if (a / 60 % 60 != 0) {
                s += pad(a / 60 % 60, 2);
            }
            return s;
        }
        String name = z.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        if (t.getZone().getRules().isDaylightSavings(t.toInstant())) {
            name = java.util.TimeZone.getTimeZone(z).getDisplayName(true, java.util.TimeZone.SHORT, Locale.ENGLISH);
        } else {
            name = java.util.TimeZone.getTimeZone(z).getDisplayName(false, java.util.TimeZone.SHORT, Locale.ENGLISH);
        }
        return name;
    }

    /**
     * Go {@code time.ParseInLocation} for the common numeric layouts; throws FuncError with a
     * Go-like message when the value does not match.
     */
    public static ZonedDateTime parse(String layout, String value, ZoneId zone) {
        int year = 1;
        int month = 1;
        int day = 1;
        int hour = 0;
        int min = 0;
        int sec = 0;
        int nano = 0;
        boolean pm = false;
        boolean hasPm = false;
        ZoneId z = zone;
        int i = 0;
        int v = 0;
        String bad = "parsing time " + GoFmt.quote(value) + " as " + GoFmt.quote(layout) + ": cannot parse ";
        try {
            while (i < layout.length()) {
                String std = stdAt(layout, i);
                if (std == null) {
                    if (v >= value.length() || value.charAt(v) != layout.charAt(i)) {
                        throw new FuncError(bad + GoFmt.quote(value.substring(Math.min(v, value.length())))
                                + " as " + GoFmt.quote(layout.substring(i)));
                    }
                    i++;
                    v++;
                    continue;
                }
                i += std.length();
                int[] r;
                switch (std) {
                    case "2006": r = num(value, v, 4, 4); year = r[0]; v = r[1]; break;
                    case "06": r = num(value, v, 2, 2); year = 2000 + r[0]; if (r[0] >= 69) { year -= 100; } v = r[1]; break;
                    case "01": case "1": r = num(value, v, std.length(), 2); month = r[0]; v = r[1]; break;
                    case "02": case "2": case "_2":
                        if (std.equals("_2") && v < value.length() && value.charAt(v) == ' ') {
                            v++;
                        }
                        r = num(value, v, std.equals("02") ? 2 : 1, 2); day = r[0]; v = r[1]; break;
                    case "15": r = num(value, v, 1, 2); hour = r[0]; v = r[1]; break;
                    case "03": case "3": r = num(value, v, std.length(), 2); hour = r[0]; v = r[1]; break;
                    case "04": case "4": r = num(value, v, std.length(), 2); min = r[0]; v = r[1]; break;
                    case "05": case "5": r = num(value, v, std.length(), 2); sec = r[0]; v = r[1];
                        if (v < value.length() && value.charAt(v) == '.' && !(i < layout.length() && layout.charAt(i) == '.')) {
                            int st = ++v;
                            while (v < value.length() && Character.isDigit(value.charAt(v))) {
                                v++;
                            }
                            nano = fracNanos(value.substring(st, v));
                        }
                        break;
                    case "PM": case "pm": hasPm = true; pm = value.substring(v, v + 2).equalsIgnoreCase("PM"); v += 2; break;
                    case "Jan": case "January": case "Mon": case "Monday": {
                        int st = v;
                        while (v < value.length() && Character.isLetter(value.charAt(v))) {
                            v++;
                        }
                        String w = value.substring(st, v);
                        if (std.startsWith("J")) {
                            month = java.time.Month.valueOf(monthFull(w).toUpperCase(Locale.ROOT)).getValue();
                        }
                        break;
                    }
                    case "MST": {
                        int st = v;
                        while (v < value.length() && Character.isUpperCase(value.charAt(v))) {
                            v++;
                        }
                        if (value.substring(st, v).equals("UTC")) {
                            z = ZoneOffset.UTC;
                        }
                        break;
                    }
                    default:
                        if (std.startsWith("Z") && v < value.length() && value.charAt(v) == 'Z') {
                            v++;
                            z = ZoneOffset.UTC;
                        } else if (std.startsWith("Z") || std.startsWith("-")) {
                            char sign = value.charAt(v);
                            int hh = Integer.parseInt(value.substring(v + 1, v + 3));
                            v += 3;
                            int mm = 0;
                            if (!std.endsWith("07")) {
                                if (value.charAt(v) == ':') {
                                    v++;
                                }
                                mm = Integer.parseInt(value.substring(v, v + 2));
                                v += 2;
                            }
                            int total = (hh * 3600 + mm * 60) * (sign == '-' ? -1 : 1);
                            z = ZoneOffset.ofTotalSeconds(total);
                        } else {
                            v++;
                            int st = v;
                            while (v < value.length() && Character.isDigit(value.charAt(v))) {
                                v++;
                            }
                            nano = fracNanos(value.substring(st, v));
                        }
                }
            }
            if (v != value.length()) {
                throw new FuncError("parsing time " + GoFmt.quote(value) + ": extra text: "
                        + GoFmt.quote(value.substring(v)));
            }
            if (hasPm && pm && hour < 12) {
                hour += 12;
            } else if (hasPm && !pm && hour == 12) {
                hour = 0;
            }
            return ZonedDateTime.of(LocalDateTime.of(LocalDate.of(year, month, day),
                    java.time.LocalTime.of(hour, min, sec, nano)), z);
        } catch (FuncError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FuncError("parsing time " + GoFmt.quote(value) + " as " + GoFmt.quote(layout)
                    + ": cannot parse " + GoFmt.quote(value.substring(Math.min(v, value.length()))) + " as "
                    + GoFmt.quote(layout.substring(Math.min(i, layout.length()))));
        }
    }

    private static String monthFull(String w) {
        for (java.time.Month m : java.time.Month.values()) {
            String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            if (full.equalsIgnoreCase(w) || full.substring(0, 3).equalsIgnoreCase(w)) {
                return full;
            }
        }
        throw new IllegalArgumentException(w);
    }

    private static int fracNanos(String digits) {
        String d = (digits + "000000000").substring(0, 9);
        return Integer.parseInt(d);
    }

    private static int[] num(String s, int v, int min, int max) {
        int st = v;
        while (v < s.length() && v - st < max && Character.isDigit(s.charAt(v))) {
            v++;
        }
        if (v - st < min) {
            throw new IllegalArgumentException("num");
        }
        return new int[] {Integer.parseInt(s.substring(st, v)), v};
    }

    /** Unused weekday helper kept for symmetry with Go's layout set. */
    static DayOfWeek weekday(ZonedDateTime t) {
        return t.getDayOfWeek();
    }
}
