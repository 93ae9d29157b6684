package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import io.multistep.gotemplate.internal.go.GoFmt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small subset of Masterminds/semver v1.5.0 (Sprig v2.22's): parsing and constraint checks for semverCompare. */
public record Semver(long major, long minor, long patch, String pre, String meta, String original) {

    // semver v1.5.0's SemVerRegex.
    private static final Pattern VERSION = Pattern.compile("^v?([0-9]+)(?:\\.([0-9]+))?(?:\\.([0-9]+))?"
            + "(?:-([0-9A-Za-z\\-]+(?:\\.[0-9A-Za-z\\-]+)*))?(?:\\+([0-9A-Za-z\\-]+(?:\\.[0-9A-Za-z\\-]+)*))?$");

    /** Parses a version; throws FuncError("Invalid Semantic Version") on failure. */
    public static Semver parse(String v) {
        Matcher m = VERSION.matcher(v);
        if (!m.matches()) {
            throw new FuncError("Invalid Semantic Version");
        }
        return new Semver(segment(m.group(1)), segment(m.group(2)), segment(m.group(3)),
                m.group(4) == null ? "" : m.group(4), m.group(5) == null ? "" : m.group(5), v);
    }

    private static long segment(String digits) {
        if (digits == null) {
            return 0;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new FuncError("Error parsing version segment: strconv.ParseInt: parsing " + GoFmt.quote(digits)
                    + ": value out of range");
        }
    }

    /** What Sprig's {@code semver} returns: a {@code *semver.Version} (Masterminds/semver v1.5.0). */
    public Object pointer() {
        return new SemverValue.Pointer(this);
    }

    /** Version.String(): {@code major.minor.patch[-pre][+meta]} without a {@code v}. */
    String text() {
        return major + "." + minor + "." + patch + (pre.isEmpty() ? "" : "-" + pre) + (meta.isEmpty() ? "" : "+" + meta);
    }

    int compareTo(Semver o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, o.patch);
        }
        if (c != 0) {
            return c;
        }
        if (pre.isEmpty() && o.pre.isEmpty()) {
            return 0;
        }
        if (pre.isEmpty()) {
            return 1;
        }
        if (o.pre.isEmpty()) {
            return -1;
        }
        String[] a = pre.split("\\.");
        String[] b = o.pre.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean an = a[i].matches("[0-9]+");
            boolean bn = b[i].matches("[0-9]+");
            int r;
            if (an && bn) {
                r = Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i]));
            } else if (an) {
                r = -1;
            } else if (bn) {
                r = 1;
            } else {
                r = a[i].compareTo(b[i]);
            }
            if (r != 0) {
                return r;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static final Pattern CONSTRAINT = Pattern.compile(
            "^\\s*(=|!=|>=|=>|<=|=<|>|<|~>|~|\\^)?\\s*v?([0-9xX*]+(?:\\.[0-9xX*]+)?(?:\\.[0-9xX*]+)?"
                    + "(?:-[0-9A-Za-z\\-.]+)?(?:\\+[0-9A-Za-z\\-.]+)?)\\s*$");

    /** semverCompare: constraint check with ||, comma/space AND, ~, ^, x-ranges and hyphen ranges. */
    public static boolean compare(String constraint, String version) {
        Semver v = parse(version);
        for (String or : constraint.split("\\|\\|")) {
            String group = or.trim();
            Matcher hy = Pattern.compile("^\\s*(\\S+)\\s+-\\s+(\\S+)\\s*$").matcher(group);
            if (hy.matches()) {
                group = ">= " + hy.group(1) + ", <= " + hy.group(2);
            }
            boolean all = true;
            for (String c : group.split("\\s*,\\s*|\\s+(?=[=!<>~^v0-9])")) {
                if (c.isBlank()) {
                    continue;
                }
                if (!check(c.trim(), v)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean check(String c, Semver v) {
        Matcher m = CONSTRAINT.matcher(c);
        if (!m.matches()) {
            throw new FuncError("improper constraint: " + c);
        }
        String op = m.group(1) == null ? "" : m.group(1);
        String ver = m.group(2);
        String[] parts = ver.split("[-+]", 2)[0].split("\\.");
        int wild = parts.length;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equalsIgnoreCase("x") || parts[i].equals("*")) {
                wild = i;
                break;
            }
        }
        long[] n = new long[3];
        for (int i = 0; i < Math.min(wild, 3); i++) {
            n[i] = Long.parseLong(parts[i]);
        }
        String pre = ver.contains("-") ? ver.substring(ver.indexOf('-') + 1).split("\\+")[0] : "";
        Semver cv = new Semver(n[0], n[1], n[2], pre, "", ver);
        if (!v.pre.isEmpty() && pre.isEmpty()) {
            return false; // prereleases only match constraints that name one
        }
        int cmp = v.compareTo(cv);
        switch (op) {
            case "":
            case "=":
                if (wild < 3) {
                    return inRange(v, n, wild);
                }
                return cmp == 0;
            case "!=":
                return wild < 3 ? !inRange(v, n, wild) : cmp != 0;
            case ">":
                if (wild < 3) {
                    return v.compareTo(bump(n, wild)) >= 0;
                }
                return cmp > 0;
            case ">=":
            case "=>":
                return cmp >= 0;
            case "<":
                return cmp < 0;
            case "<=":
            case "=<":
                if (wild < 3) {
                    return v.compareTo(bump(n, wild)) < 0;
                }
                return cmp <= 0;
            case "~":
            case "~>":
                return cmp >= 0 && v.major == n[0] && (wild == 1 || v.minor == n[1]);
            case "^":
                if (cmp < 0) {
                    return false;
                }
                if (n[0] > 0 || wild <= 1) {
                    return v.major == n[0];
                }
                if (n[1] > 0 || wild <= 2) {
                    return v.major == 0 && v.minor == n[1];
                }
                return v.major == 0 && v.minor == 0 && v.patch == n[2];
            default:
                return false;
        }
    }

    private static boolean inRange(Semver v, long[] n, int wild) {
        if (wild == 0) {
            return true;
        }
        if (v.major != n[0]) {
            return false;
        }
        return wild == 1 || v.minor == n[1];
    }

    private static Semver bump(long[] n, int wild) {
        if (wild == 0) {
            return new Semver(Long.MAX_VALUE, 0, 0, "", "", "");
        }
        if (wild == 1) {
            return new Semver(n[0] + 1, 0, 0, "", "", "");
        }
        return new Semver(n[0], n[1] + 1, 0, "", "", "");
    }
}
