package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import io.multistep.gotemplate.internal.go.GoDates;
import io.multistep.gotemplate.internal.go.GoFmt;
import io.multistep.gotemplate.internal.go.GoTime;
import static io.multistep.gotemplate.internal.GoFunc.P.ANY;
import static io.multistep.gotemplate.internal.GoFunc.P.STRING;
import static io.multistep.gotemplate.internal.GoFunc.P.TIME;
import static io.multistep.gotemplate.internal.SprigConversions.atoi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sprig's date and duration functions ({@code date.go}). */
final class SprigDates extends SprigGroup {

    SprigDates(Map<String, GoFunc> m, Sprig.Context ctx) {
        super(m, ctx);
    }

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

    @Override
    void register() {
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
}
