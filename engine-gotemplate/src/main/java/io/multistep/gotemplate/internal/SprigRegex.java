package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import static io.multistep.gotemplate.internal.GoFunc.P.INT;
import static io.multistep.gotemplate.internal.GoFunc.P.STRING;
import static io.multistep.gotemplate.internal.SprigStrings.goSplit;

import java.util.concurrent.ConcurrentHashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Sprig's regular-expression functions ({@code regex.go}), on Go's RE2 syntax as far as Java's patterns allow. */
final class SprigRegex extends SprigGroup {

    private static final Map<String, Pattern> REGEX_CACHE = new ConcurrentHashMap<>();

    SprigRegex(Map<String, GoFunc> m, Sprig.Context ctx) {
        super(m, ctx);
    }

    @Override
    void register() {
        f("regexMatch", a -> {
            try {
                return regex(s(a[0])).matcher(s(a[1])).find();
            } catch (FuncError e) {
                return false;
            }
        }, STRING, STRING);
        f("mustRegexMatch", a -> regex(s(a[0])).matcher(s(a[1])).find(), STRING, STRING);
        f("regexFindAll", a -> regexFindAll(s(a[0]), s(a[1]), i(a[2]), false), STRING, STRING, INT);
        f("mustRegexFindAll", a -> regexFindAll(s(a[0]), s(a[1]), i(a[2]), true), STRING, STRING, INT);
        f("regexFind", a -> regexFind(s(a[0]), s(a[1]), false), STRING, STRING);
        f("mustRegexFind", a -> regexFind(s(a[0]), s(a[1]), true), STRING, STRING);
        f("regexReplaceAll", a -> regexReplace(s(a[0]), s(a[1]), s(a[2]), false, false), STRING, STRING, STRING);
        f("mustRegexReplaceAll", a -> regexReplace(s(a[0]), s(a[1]), s(a[2]), false, true), STRING, STRING, STRING);
        f("regexReplaceAllLiteral", a -> regexReplace(s(a[0]), s(a[1]), s(a[2]), true, false), STRING, STRING,
                STRING);
        f("mustRegexReplaceAllLiteral", a -> regexReplace(s(a[0]), s(a[1]), s(a[2]), true, true), STRING, STRING,
                STRING);
        f("regexSplit", a -> regexSplit(s(a[0]), s(a[1]), i(a[2]), false), STRING, STRING, INT);
        f("mustRegexSplit", a -> regexSplit(s(a[0]), s(a[1]), i(a[2]), true), STRING, STRING, INT);
        f("regexQuoteMeta", a -> quoteMeta(s(a[0])), STRING);
    }

    static Pattern regex(String re) {
        Pattern p = REGEX_CACHE.get(re);
        if (p != null) {
            return p;
        }
        try {
            p = Pattern.compile(re);
        } catch (PatternSyntaxException e) {
            throw new FuncError("error parsing regexp: " + e.getDescription() + ": `" + re + "`");
        }
        if (REGEX_CACHE.size() < 1000) {
            REGEX_CACHE.put(re, p);
        }
        return p;
    }

    private static Object regexFindAll(String re, String str, int n, boolean must) {
        Pattern p;
        try {
            p = regex(re);
        } catch (FuncError e) {
            if (must) {
                throw e;
            }
            return new ArrayList<>();
        }
        List<Object> out = new ArrayList<>();
        Matcher mt = p.matcher(str);
        while ((n < 0 || out.size() < n) && mt.find()) {
            out.add(mt.group());
        }
        return out;
    }

    private static Object regexFind(String re, String str, boolean must) {
        try {
            Matcher mt = regex(re).matcher(str);
            return mt.find() ? mt.group() : "";
        } catch (FuncError e) {
            if (must) {
                throw e;
            }
            return "";
        }
    }

    private static Object regexReplace(String re, String str, String repl, boolean literal, boolean must) {
        Pattern p;
        try {
            p = regex(re);
        } catch (FuncError e) {
            if (must) {
                throw e;
            }
            return str;
        }
        Matcher mt = p.matcher(str);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (mt.find()) {
            sb.append(str, last, mt.start());
            sb.append(literal ? repl : expand(repl, mt));
            last = mt.end();
        }
        sb.append(str.substring(last));
        return sb.toString();
    }

    // Go's Regexp.Expand: $1, ${1}, $name, ${name}, $$.
    private static String expand(String tpl, Matcher mt) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < tpl.length(); k++) {
            char c = tpl.charAt(k);
            if (c != '$' || k + 1 >= tpl.length()) {
                sb.append(c);
                continue;
            }
            char nx = tpl.charAt(k + 1);
            if (nx == '$') {
                sb.append('$');
                k++;
                continue;
            }
            String name;
            int endIdx;
            if (nx == '{') {
                int close = tpl.indexOf('}', k + 2);
                if (close < 0) {
                    sb.append(c);
                    continue;
                }
                name = tpl.substring(k + 2, close);
                endIdx = close;
            } else {
                int e = k + 1;
                while (e < tpl.length() && (Character.isLetterOrDigit(tpl.charAt(e)) || tpl.charAt(e) == '_')) {
                    e++;
                }
                if (e == k + 1) {
                    sb.append(c);
                    continue;
                }
                name = tpl.substring(k + 1, e);
                endIdx = e - 1;
            }
            k = endIdx;
            String g = null;
            try {
                if (name.chars().allMatch(Character::isDigit)) {
                    int gi = Integer.parseInt(name);
                    if (gi <= mt.groupCount()) {
                        g = mt.group(gi);
                    }
                } else {
                    g = mt.group(name);
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                g = null;
            }
            if (g != null) {
                sb.append(g);
            }
        }
        return sb.toString();
    }

    private static Object regexSplit(String re, String str, int n, boolean must) {
        Pattern p;
        try {
            p = regex(re);
        } catch (FuncError e) {
            if (must) {
                throw e;
            }
            return new ArrayList<>();
        }
        List<Object> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        if (re.isEmpty() && !str.isEmpty()) {
            for (String x : goSplit(str, "", n)) {
                out.add(x);
            }
            return out;
        }
        Matcher mt = p.matcher(str);
        int beg = 0;
        int end;
        while (mt.find()) {
            if (n > 0 && out.size() == n - 1) {
                break;
            }
            end = mt.start();
            if (mt.end() == 0) {
                continue;
            }
            out.add(str.substring(beg, end));
            beg = mt.end();
        }
        out.add(str.substring(beg));
        return out;
    }

    private static String quoteMeta(String str) {
        StringBuilder sb = new StringBuilder();
        for (char c : str.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
