package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import io.multistep.gotemplate.internal.go.GoStringer;
import io.multistep.gotemplate.internal.go.GoValues;
import static io.multistep.gotemplate.internal.GoFunc.P.ANY;
import static io.multistep.gotemplate.internal.GoFunc.P.MAP;
import static io.multistep.gotemplate.internal.GoFunc.P.STRING;
import static io.multistep.gotemplate.internal.SprigDefaults.empty;
import static io.multistep.gotemplate.internal.SprigStrings.strval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sprig's dict functions ({@code dict.go}). */
final class SprigDicts extends SprigGroup {

    SprigDicts(Map<String, GoFunc> m, Sprig.Context ctx) {
        super(m, ctx);
    }

    @SuppressWarnings("unchecked")
    static String field(Map<String, Object> d, String key) {
        Object v = d.get(key);
        return v == null ? "" : strval(v);
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Override
    void register() {
        v("dict", a -> {
            Map<String, Object> d = new LinkedHashMap<>();
            for (int k = 0; k < a.length; k += 2) {
                String key = strval(a[k]);
                d.put(key, k + 1 < a.length ? a[k + 1] : "");
            }
            return d;
        }, ANY);
        f("get", a -> {
            Map<String, Object> d = map(a[0]);
            return d != null && d.containsKey(s(a[1])) ? d.get(s(a[1])) : "";
        }, MAP, STRING);
        f("set", a -> {
            if (a[0] == null) {
                throw new FuncError("assignment to entry in nil map");
            }
            map(a[0]).put(s(a[1]), a[2]);
            return a[0];
        }, MAP, STRING, ANY);
        f("unset", a -> {
            if (a[0] == null) {
                return new LinkedHashMap<String, Object>(); // delete on a nil map is a no-op
            }
            map(a[0]).remove(s(a[1]));
            return a[0];
        }, MAP, STRING);
        f("hasKey", a -> a[0] != null && map(a[0]).containsKey(s(a[1])), MAP, STRING);
        v("pluck", a -> {
            List<Object> r = new ArrayList<>();
            for (int k = 1; k < a.length; k++) {
                Map<String, Object> d = map(a[k]);
                if (d != null && d.containsKey(s(a[0]))) {
                    r.add(d.get(s(a[0])));
                }
            }
            return r;
        }, STRING, MAP);
        v("keys", a -> {
            List<String> r = new ArrayList<>();
            for (Object d : a) {
                if (d != null) {
                    r.addAll(map(d).keySet());
                }
            }
            // Go's map order is random; sorted is one of the possible orders and is stable.
            r.sort(GoValues::compareStrings);
            return new ArrayList<Object>(r);
        }, MAP);
        f("values", a -> {
            List<Object> r = new ArrayList<>();
            if (a[0] != null) {
                for (Map.Entry<?, ?> e : GoValues.sortedEntries(map(a[0]))) {
                    r.add(e.getValue());
                }
            }
            return r;
        }, MAP);
        v("pick", a -> {
            Map<String, Object> d = map(a[0]);
            Map<String, Object> r = new LinkedHashMap<>();
            for (int k = 1; k < a.length; k++) {
                if (d != null && d.containsKey(s(a[k]))) {
                    r.put(s(a[k]), d.get(s(a[k])));
                }
            }
            return r;
        }, MAP, STRING);
        v("omit", a -> {
            Map<String, Object> r = new LinkedHashMap<>(a[0] == null ? Map.of() : map(a[0]));
            for (int k = 1; k < a.length; k++) {
                r.remove(s(a[k]));
            }
            return r;
        }, MAP, STRING);
        for (String name : new String[] {"merge", "mustMerge", "mergeOverwrite", "mustMergeOverwrite"}) {
            boolean overwrite = name.endsWith("Overwrite");
            v(name, a -> {
                // mergo makes a map for a nil destination
                Map<String, Object> dst = a[0] == null ? new LinkedHashMap<>() : map(a[0]);
                for (int k = 1; k < a.length; k++) {
                    if (a[k] != null) {
                        deepMerge(dst, map(a[k]), overwrite);
                    }
                }
                return dst;
            }, MAP, MAP);
        }
        f("deepCopy", a -> {
            if (a[0] == null) {
                throw new FuncError("reflect: call of reflect.Value.Type on zero Value");
            }
            return deepCopy(a[0]);
        }, ANY);
        f("mustDeepCopy", a -> {
            if (a[0] == null) {
                throw new FuncError("copy: Must not be nil");
            }
            return deepCopy(a[0]);
        }, ANY);
        v("dig", a -> {
            if (a.length < 3) {
                throw new FuncError("dig needs at least three arguments");
            }
            Object last = a[a.length - 1];
            if (!(last instanceof Map) || last instanceof GoStringer) {
                // dict := ps[len(ps)-1].(map[string]interface{}) panics
                throw new FuncError("interface conversion: interface {} is "
                        + (last == null ? "nil" : GoValues.typeName(last)) + ", not map[string]interface {}");
            }
            Map<String, Object> d = map(last);
            Object def = a[a.length - 2];
            Object cur = d;
            for (int k = 0; k < a.length - 2; k++) {
                if (!(cur instanceof Map<?, ?> cm) || !cm.containsKey(strval(a[k]))) {
                    return def;
                }
                cur = cm.get(strval(a[k]));
            }
            return cur;
        }, ANY);
    }

    private static void deepMerge(Map<String, Object> dst, Map<String, Object> src, boolean overwrite) {
        for (Map.Entry<String, Object> e : src.entrySet()) {
            Object dv = dst.get(e.getKey());
            Object sv = e.getValue();
            if (dv instanceof Map && sv instanceof Map) {
                deepMerge(map(dv), map(sv), overwrite);
            } else if (!dst.containsKey(e.getKey()) || empty(dv) || (overwrite && !empty(sv))) {
                dst.put(e.getKey(), sv);
            }
        }
    }

    static Object deepCopy(Object o) {
        if (o instanceof Map<?, ?> mm) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : mm.entrySet()) {
                r.put(String.valueOf(e.getKey()), deepCopy(e.getValue()));
            }
            return r;
        }
        if (o instanceof List<?> l) {
            List<Object> r = new ArrayList<>();
            for (Object x : l) {
                r.add(deepCopy(x));
            }
            return r;
        }
        return o;
    }
}
