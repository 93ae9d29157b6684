package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import io.multistep.gotemplate.internal.go.GoValues;
import static io.multistep.gotemplate.internal.GoFunc.P.ANY;
import static io.multistep.gotemplate.internal.GoFunc.P.INT;
import static io.multistep.gotemplate.internal.SprigConversions.toInt64;
import static io.multistep.gotemplate.internal.SprigDefaults.empty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Sprig's list functions ({@code list.go}). */
final class SprigLists extends SprigGroup {

    SprigLists(Map<String, GoFunc> m, Sprig.Context ctx) {
        super(m, ctx);
    }

    private static List<Object> asList(Object v, String op) {
        if (v instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> lo = (List<Object>) l;
            return lo;
        }
        throw new FuncError("Cannot " + op + " on type " + GoValues.typeName(v));
    }

    @Override
    void register() {
        v("list", a -> new ArrayList<>(java.util.Arrays.asList(a)), ANY);
        v("tuple", a -> new ArrayList<>(java.util.Arrays.asList(a)), ANY);
        for (String name : new String[] {"push", "append", "mustPush", "mustAppend"}) {
            f(name, a -> {
                return GoList.of(asList(a[0], "push")).append(a[1]);
            }, ANY, ANY);
        }
        for (String name : new String[] {"prepend", "mustPrepend"}) {
            f(name, a -> {
                return GoList.of(asList(a[0], "prepend")).prepend(a[1]);
            }, ANY, ANY);
        }
        listFn("first", l -> l.isEmpty() ? null : l.get(0));
        listFn("last", l -> l.isEmpty() ? null : l.get(l.size() - 1));
        listFn("rest", l -> l.isEmpty() ? new ArrayList<>() : GoList.of(l).range(1, l.size()));
        listFn("initial", l -> l.isEmpty() ? new ArrayList<>() : GoList.of(l).range(0, l.size() - 1));
        listFn("reverse", l -> {
            List<Object> r = new ArrayList<>(l);
            Collections.reverse(r);
            return r;
        });
        listFn("uniq", l -> {
            List<Object> r = new ArrayList<>();
            for (Object o : l) {
                if (!inList(r, o)) {
                    r.add(o);
                }
            }
            return r;
        });
        listFn("compact", l -> {
            List<Object> r = new ArrayList<>();
            for (Object o : l) {
                if (!empty(o)) {
                    r.add(o);
                }
            }
            return r;
        });
        for (String name : new String[] {"without", "mustWithout"}) {
            v(name, a -> {
                List<Object> l = asList(a[0], "find without");
                List<Object> omit = new ArrayList<>();
                for (int k = 1; k < a.length; k++) {
                    omit.add(a[k]);
                }
                List<Object> r = new ArrayList<>();
                for (Object o : l) {
                    if (!inList(omit, o)) {
                        r.add(o);
                    }
                }
                return r;
            }, ANY, ANY);
        }
        for (String name : new String[] {"has", "mustHas"}) {
            f(name, a -> {
                if (a[1] == null) {
                    return false;
                }
                return inList(asList(a[1], "find has"), a[0]);
            }, ANY, ANY);
        }
        for (String name : new String[] {"slice", "mustSlice"}) {
            v(name, a -> {
                if (a[0] == null) {
                    // Sprig calls reflect.TypeOf(nil).Kind(): a nil dereference, recovered by text/template.
                    throw new FuncError("runtime error: invalid memory address or nil pointer dereference");
                }
                if (!(a[0] instanceof List<?> l)) {
                    throw new FuncError("list should be type of slice or array but " + GoValues.kindName(a[0]));
                }
                if (l.isEmpty()) {
                    return null;
                }
                int start = a.length > 1 ? (int) toInt64(a[1]) : 0;
                int end = a.length > 2 ? (int) toInt64(a[2]) : l.size();
                if (start < 0 || end > l.size() || start > end) {
                    throw new FuncError("reflect.Value.Slice: slice index out of bounds");
                }
                return GoList.of(l).range(start, end);
            }, ANY, ANY);
        }
        v("concat", a -> {
            for (Object o : a) {
                if (!(o instanceof List<?>)) {
                    throw new FuncError("Cannot concat type " + GoValues.kindName(o) + " as list");
                }
            }
            // Grows the first list's array when it can, so concat in a loop is linear.
            GoList r = GoList.of(a.length == 0 ? List.of() : (List<?>) a[0]);
            for (int k = 1; k < a.length; k++) {
                r = r.appendAll((List<?>) a[k]);
            }
            return r;
        }, ANY);
        f("until", a -> untilStep(0, i(a[0]), i(a[0]) < 0 ? -1 : 1), INT);
        f("untilStep", a -> untilStep(i(a[0]), i(a[1]), i(a[2])), INT, INT, INT);
        v("seq", a -> seq(a), INT);
        for (String name : new String[] {"chunk", "mustChunk"}) {
            f(name, a -> {
                List<Object> l = asList(a[1], "chunk");
                int size = i(a[0]);
                if (size <= 0) {
                    throw new FuncError("runtime error: integer divide by zero");
                }
                List<Object> r = new ArrayList<>();
                for (int k = 0; k < l.size(); k += size) {
                    r.add(new ArrayList<>(l.subList(k, Math.min(l.size(), k + size))));
                }
                return r;
            }, INT, ANY);
        }
    }

    private void listFn(String name, Function<List<Object>, Object> fn) {
        String must = "must" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        f(name, a -> {
            if (a[0] == null) {
                throw new FuncError("Cannot find " + name + " on type <nil>");
            }
            return fn.apply(asList(a[0], "find " + name));
        }, ANY);
        f(must, a -> fn.apply(asList(a[0], "find " + name)), ANY);
    }

    private static boolean inList(List<Object> l, Object o) {
        for (Object x : l) {
            if (deepEqual(x, o)) {
                return true;
            }
        }
        return false;
    }

    static boolean deepEqual(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getClass() != b.getClass() && !(a instanceof Number && b instanceof Number
                && GoValues.kind(a) == GoValues.kind(b))) {
            if (!(a instanceof List && b instanceof List) && !(a instanceof Map && b instanceof Map)) {
                return false;
            }
        }
        if (a instanceof Number && b instanceof Number && GoValues.kind(a) == GoValues.Kind.INT) {
            return ((Number) a).longValue() == ((Number) b).longValue();
        }
        return Objects.equals(a, b);
    }

    private List<Object> untilStep(int start, int stop, int step) {
        List<Object> v = new ArrayList<>();
        if (stop < start) {
            if (step >= 0) {
                return v;
            }
            checkSize(((long) start - stop) / -step);
            for (long k = start; k > stop; k += step) {
                v.add(k);
            }
            return v;
        }
        if (step <= 0) {
            return v;
        }
        checkSize(((long) stop - start) / step);
        for (long k = start; k < stop; k += step) {
            v.add(k);
        }
        return v;
    }

    private String seq(Object[] a) {
        int inc = 1;
        List<Object> r;
        switch (a.length) {
            case 0:
                return "";
            case 1: {
                int end = i(a[0]);
                if (end < 1) {
                    inc = -1;
                }
                r = untilStep(1, end + inc, inc);
                break;
            }
            case 2: {
                int start = i(a[0]);
                int end = i(a[1]);
                if (end < start) {
                    inc = -1;
                }
                r = untilStep(start, end + inc, inc);
                break;
            }
            case 3: {
                int start = i(a[0]);
                int step = i(a[1]);
                int end = i(a[2]);
                if (end < start) {
                    inc = -1;
                    if (step > 0) {
                        return "";
                    }
                }
                r = untilStep(start, end + inc, step);
                break;
            }
            default:
                return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Object o : r) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(o);
        }
        return sb.toString();
    }
}
