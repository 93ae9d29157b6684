package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import io.multistep.gotemplate.internal.GoFunc.Body;
import io.multistep.gotemplate.internal.GoFunc.P;
import java.security.SecureRandom;
import java.util.Map;

/** One group of Sprig's functions (one of Sprig's Go files), registered into the map {@link Sprig} builds. */
abstract class SprigGroup {

    /** The randomness of the rand* and shuffle functions. */
    static final SecureRandom RANDOM = new SecureRandom();

    /** The function map being built. */
    final Map<String, GoFunc> m;
    /** What the environment-dependent functions may see. */
    final Sprig.Context ctx;

    SprigGroup(Map<String, GoFunc> m, Sprig.Context ctx) {
        this.m = m;
        this.ctx = ctx;
    }

    /** Puts this group's functions into the map. */
    abstract void register();

    /** A function with fixed parameters. */
    final void f(String name, Body b, P... params) {
        m.put(name, GoFunc.of(name, b, params));
    }

    /** A variadic function (the last parameter repeats). */
    final void v(String name, Body b, P... params) {
        m.put(name, GoFunc.var(name, b, params));
    }

    /** Fails when a result would be larger than the list limit. */
    final void checkSize(long n) {
        if (n > ctx.maxListSize()) {
            throw new FuncError("result size " + n + " exceeds the limit of " + ctx.maxListSize());
        }
    }

    static String s(Object o) {
        return (String) o;
    }

    static int i(Object o) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, ((Number) o).longValue()));
    }
}
