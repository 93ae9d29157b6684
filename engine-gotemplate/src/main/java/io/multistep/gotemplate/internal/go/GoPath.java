package io.multistep.gotemplate.internal.go;

import org.apiguardian.api.API;

/** Go's slash-separated {@code path} package. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class GoPath {

    private GoPath() {
    }

    /** path.Clean. */
    public static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.charAt(0) == '/';
        int n = p.length();
        StringBuilder out = new StringBuilder();
        int r = 0;
        int dotdot = 0;
        if (rooted) {
            out.append('/');
            r = 1;
            dotdot = 1;
        }
        while (r < n) {
            if (p.charAt(r) == '/') {
                r++;
            } else if (p.charAt(r) == '.' && (r + 1 == n || p.charAt(r + 1) == '/')) {
                r++;
            } else if (p.charAt(r) == '.' && p.charAt(r + 1) == '.' && (r + 2 == n || p.charAt(r + 2) == '/')) {
                r += 2;
                if (out.length() > dotdot) {
                    int w = out.length() - 1;
                    while (w > dotdot && out.charAt(w) != '/') {
                        w--;
                    }
                    out.setLength(w);
                } else if (!rooted) {
                    if (out.length() > 0) {
                        out.append('/');
                    }
                    out.append("..");
                    dotdot = out.length();
                }
            } else {
                if (rooted && out.length() != 1 || !rooted && out.length() != 0) {
                    out.append('/');
                }
                for (; r < n && p.charAt(r) != '/'; r++) {
                    out.append(p.charAt(r));
                }
            }
        }
        if (out.length() == 0) {
            return ".";
        }
        return out.toString();
    }

    /** path.Base. */
    public static String base(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        while (p.length() > 0 && p.charAt(p.length() - 1) == '/') {
            p = p.substring(0, p.length() - 1);
        }
        int i = p.lastIndexOf('/');
        if (i >= 0) {
            p = p.substring(i + 1);
        }
        if (p.isEmpty()) {
            return "/";
        }
        return p;
    }

    /** path.Dir. */
    public static String dir(String p) {
        int i = p.lastIndexOf('/');
        return clean(p.substring(0, i + 1));
    }

    /** path.Ext. */
    public static String ext(String p) {
        for (int i = p.length() - 1; i >= 0 && p.charAt(i) != '/'; i--) {
            if (p.charAt(i) == '.') {
                return p.substring(i);
            }
        }
        return "";
    }
}
