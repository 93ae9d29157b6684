package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import io.multistep.gotemplate.internal.go.GoValues;
import static io.multistep.gotemplate.internal.GoFunc.P.ANY;
import static io.multistep.gotemplate.internal.GoFunc.P.BOOL;
import static io.multistep.gotemplate.internal.GoFunc.P.STRING;
import static io.multistep.gotemplate.internal.SprigLists.deepEqual;

import java.util.List;
import java.util.Map;

/** Sprig's defaults, JSON and reflection functions ({@code defaults.go}, {@code reflect.go}). */
final class SprigDefaults extends SprigGroup {

    SprigDefaults(Map<String, GoFunc> m, Sprig.Context ctx) {
        super(m, ctx);
    }

    /** Sprig's {@code empty}. */
    static boolean empty(Object g) {
        if (g == null) {
            return true;
        }
        if (g instanceof String str) {
            return str.isEmpty();
        }
        if (g instanceof List<?> l) {
            return l.isEmpty();
        }
        if (g instanceof Map<?, ?> mm) {
            return mm.isEmpty();
        }
        if (g instanceof Boolean b) {
            return !b;
        }
        if (g instanceof Long || g instanceof Integer) {
            return ((Number) g).longValue() == 0;
        }
        if (g instanceof Double d) {
            return d == 0;
        }
        return false;
    }

    @Override
    void register() {
        v("default", a -> a.length < 2 || empty(a[1]) ? a[0] : a[1], ANY, ANY);
        f("empty", a -> empty(a[0]), ANY);
        v("coalesce", a -> {
            for (Object o : a) {
                if (!empty(o)) {
                    return o;
                }
            }
            return null;
        }, ANY);
        v("all", a -> {
            for (Object o : a) {
                if (empty(o)) {
                    return false;
                }
            }
            return true;
        }, ANY);
        v("any", a -> {
            for (Object o : a) {
                if (!empty(o)) {
                    return true;
                }
            }
            return false;
        }, ANY);
        f("toJson", a -> {
            try {
                return Json.write(a[0], true);
            } catch (FuncError e) {
                return "";
            }
        }, ANY);
        f("mustToJson", a -> Json.write(a[0], true), ANY);
        f("toRawJson", a -> {
            try {
                return Json.write(a[0], false);
            } catch (FuncError e) {
                return "";
            }
        }, ANY);
        f("mustToRawJson", a -> Json.write(a[0], false), ANY);
        f("toPrettyJson", a -> {
            try {
                return Json.writeIndent(a[0], "  ");
            } catch (FuncError e) {
                return "";
            }
        }, ANY);
        f("mustToPrettyJson", a -> Json.writeIndent(a[0], "  "), ANY);
        f("fromJson", a -> {
            try {
                return Json.read(s(a[0]));
            } catch (FuncError e) {
                return null;
            }
        }, STRING);
        f("mustFromJson", a -> Json.read(s(a[0])), STRING);
        f("ternary", a -> (Boolean) a[2] ? a[0] : a[1], ANY, ANY, BOOL);
        f("typeOf", a -> a[0] == null ? "<nil>" : GoValues.typeName(a[0]), ANY);
        f("typeIs", a -> s(a[0]).equals(a[1] == null ? "<nil>" : GoValues.typeName(a[1])), STRING, ANY);
        f("typeIsLike", a -> {
            if (a[1] == null) {
                // reflect.TypeOf(nil).String() panics in Sprig v2.22
                throw new FuncError("runtime error: invalid memory address or nil pointer dereference");
            }
            String t = GoValues.typeName(a[1]);
            return s(a[0]).equals(t) || ("*" + s(a[0])).equals(t);
        }, STRING, ANY);
        f("kindOf", a -> GoValues.kindName(a[0]), ANY);
        f("kindIs", a -> s(a[0]).equals(GoValues.kindName(a[1])), STRING, ANY);
        f("deepEqual", a -> deepEqual(a[0], a[1]), ANY, ANY);
        f("fail", a -> {
            throw new FuncError(s(a[0]));
        }, STRING);
    }
}
