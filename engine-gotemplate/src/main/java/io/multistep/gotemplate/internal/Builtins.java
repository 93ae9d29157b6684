package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import io.multistep.gotemplate.internal.go.GoFmt;
import io.multistep.gotemplate.internal.go.GoValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pure parts of Go's builtin template functions ({@code text/template/funcs.go}). */
final class Builtins {

    /** Names of Go's builtin functions. */
    static final Set<String> NAMES = Set.of("and", "or", "not", "len", "index", "slice", "print", "printf",
            "println", "eq", "ne", "lt", "le", "gt", "ge", "html", "js", "urlquery", "call");

    private Builtins() {
    }

    /** Number of fixed parameters of builtin {@code name} in Go's signature, or -1 if not a builtin. */
    static int fixedParams(String name) {
        switch (name) {
            case "print": case "println": case "html": case "js": case "urlquery":
                return 0;
            case "and": case "or": case "not": case "len": case "index": case "slice": case "printf":
            case "eq": case "call":
                return 1;
            case "ne": case "lt": case "le": case "gt": case "ge":
                return 2;
            default:
                return -1;
        }
    }

    /** Whether builtin {@code name} takes a variadic tail. */
    static boolean isVariadic(String name) {
        return !(name.equals("not") || name.equals("len") || fixedParams(name) == 2);
    }

    /**
     * Calls builtin {@code name} (not and/or) on evaluated arguments {@code a}; {@code untypedNil} tells
     * that len's operand is Go's invalid value rather than a nil held in an interface.
     */
    static Object call(String name, List<Object> a, boolean untypedNil) {
        switch (name) {
            case "not":
                return !GoValues.isTrue(a.get(0));
            case "len":
                if (untypedNil) {
                    // Go's len of an untyped nil calls Type on the zero Value.
                    throw new FuncError("reflect: call of reflect.Value.Type on zero Value");
                }
                return GoValues.len(a.get(0));
            case "index":
                return index(a.get(0), a.subList(1, a.size()));
            case "slice":
                return slice(a.get(0), a.subList(1, a.size()));
            case "print":
                return GoFmt.sprint(a);
            case "println":
                return GoFmt.sprintln(a);
            case "printf":
                return GoFmt.sprintf((String) a.get(0), a.subList(1, a.size()));
            case "eq":
                return GoValues.eq(a.get(0), a.subList(1, a.size()));
            case "ne":
                return !GoValues.eq(a.get(0), a.subList(1, 2));
            case "lt":
                return GoValues.lt(a.get(0), a.get(1));
            case "le":
                return GoValues.le(a.get(0), a.get(1));
            case "gt":
                return !GoValues.le(a.get(0), a.get(1));
            case "ge":
                return !GoValues.lt(a.get(0), a.get(1));
            case "html":
                return htmlEscape(evalArgsString(a));
            case "js":
                return jsEscape(evalArgsString(a));
            case "urlquery":
                return urlQueryEscape(evalArgsString(a));
            default: // call: the data model holds no functions
                if (a.get(0) == null) {
                    throw new FuncError("call of nil");
                }
                throw new FuncError("non-function of type " + GoValues.typeName(a.get(0)));
        }
    }

    /** Go's {@code evalArgs} for html/js/urlquery: one string as is, else Sprint with nil as {@code <no value>}. */
    static String evalArgsString(List<Object> a) {
        if (a.size() == 1 && a.get(0) instanceof String s) {
            return s;
        }
        List<Object> printable = new ArrayList<>(a.size());
        for (Object o : a) {
            printable.add(o == null ? "<no value>" : o);
        }
        return GoFmt.sprint(printable);
    }

    /** Go's {@code url.QueryEscape}. */
    static String urlQueryEscape(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }

    static Object index(Object item, List<Object> indexes) {
        if (item == null) {
            throw new FuncError("index of untyped nil");
        }
        for (Object idx : indexes) {
            if (item == null) {
                throw new FuncError("index of nil pointer");
            }
            if (item instanceof List<?> l) {
                int x = indexArg(idx, l.size());
                if (x == l.size()) {
                    // indexArg lets x == len through; reflect's Index then panics with this text
                    throw new FuncError("reflect: slice index out of range");
                }
                item = l.get(x);
            } else if (item instanceof String s) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                int x = indexArg(idx, b.length);
                if (x == b.length) {
                    throw new FuncError("reflect: string index out of range");
                }
                item = (long) (b[x] & 0xff);
            } else if (item instanceof Map<?, ?> m) {
                if (idx == null) {
                    throw new FuncError("value is nil; should be of type string");
                }
                if (!(idx instanceof String)) {
                    throw new FuncError("value has type " + GoValues.typeName(idx) + "; should be string");
                }
                item = m.get(idx);
            } else {
                throw new FuncError("can't index item of type " + GoValues.typeName(item));
            }
        }
        return item;
    }

    private static int indexArg(Object idx, int cap) {
        if (idx == null) {
            throw new FuncError("cannot index slice/array with nil");
        }
        if (!(idx instanceof Long || idx instanceof Integer)) {
            throw new FuncError("cannot index slice/array with type " + GoValues.typeName(idx));
        }
        long x = ((Number) idx).longValue();
        if (x < 0 || x > cap) {
            throw new FuncError("index out of range: " + x);
        }
        return (int) x;
    }

    // Go's builtin slice; the reference's function map replaces it with Sprig's, so this serves
    // templates parsed without Sprig.
    static Object slice(Object item, List<Object> indexes) {
        if (item == null) {
            throw new FuncError("slice of untyped nil");
        }
        if (indexes.size() > 3) {
            throw new FuncError("too many slice indexes: " + indexes.size());
        }
        byte[] bytes = null;
        int cap;
        if (item instanceof String s) {
            if (indexes.size() == 3) {
                throw new FuncError("cannot 3-index slice a string");
            }
            bytes = s.getBytes(StandardCharsets.UTF_8);
            cap = bytes.length;
        } else if (item instanceof List<?> l) {
            cap = l.size();
        } else {
            throw new FuncError("can't slice item of type " + GoValues.typeName(item));
        }
        int[] idx = {0, cap, cap};
        for (int i = 0; i < indexes.size(); i++) {
            idx[i] = indexArg(indexes.get(i), cap);
        }
        if (idx[0] > idx[1]) {
            throw new FuncError("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (indexes.size() == 3 && idx[1] > idx[2]) {
            throw new FuncError("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (bytes != null) {
            return new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
        }
        return new ArrayList<>(((List<?>) item).subList(idx[0], idx[1]));
    }

    static String htmlEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("&#34;"); break;
                case '\'': sb.append("&#39;"); break;
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case 0: sb.append('\uFFFD'); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }

    static String jsEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\': sb.append("\\\\"); break;
                case '\'': sb.append("\\'"); break;
                case '"': sb.append("\\\""); break;
                case '<': sb.append("\\u003C"); break;
                case '>': sb.append("\\u003E"); break;
                case '&': sb.append("\\u0026"); break;
                case '=': sb.append("\\u003D"); break;
                default:
                    if (c < ' ' || (c >= 0x80 && !GoFmt.isPrint(c))) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }
}
