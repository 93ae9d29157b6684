package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import static io.multistep.gotemplate.internal.GoFunc.P.ANY;
import static io.multistep.gotemplate.internal.GoFunc.P.INT;
import static io.multistep.gotemplate.internal.SprigConversions.toFloat64;
import static io.multistep.gotemplate.internal.SprigConversions.toInt64;

import io.multistep.gotemplate.internal.GoFunc.P;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Sprig's arithmetic ({@code numeric.go}). */
final class SprigMath extends SprigGroup {

    SprigMath(Map<String, GoFunc> m, Sprig.Context ctx) {
        super(m, ctx);
    }

    @Override
    void register() {
        f("add1", a -> toInt64(a[0]) + 1, ANY);
        v("add", a -> {
            long sum = 0;
            for (Object o : a) {
                sum += toInt64(o);
            }
            return sum;
        }, ANY);
        f("sub", a -> toInt64(a[0]) - toInt64(a[1]), ANY, ANY);
        f("div", a -> toInt64(a[0]) / toInt64(a[1]), ANY, ANY);
        f("mod", a -> toInt64(a[0]) % toInt64(a[1]), ANY, ANY);
        v("mul", a -> {
            long r = toInt64(a[0]);
            for (int k = 1; k < a.length; k++) {
                r *= toInt64(a[k]);
            }
            return r;
        }, ANY, ANY);
        f("randInt", a -> {
            int lo = i(a[0]);
            int hi = i(a[1]);
            if (hi - lo <= 0) {
                throw new FuncError("invalid argument to Intn");
            }
            return (long) (RANDOM.nextInt(hi - lo) + lo);
        }, INT, INT);
        for (String name : new String[] {"max", "biggest"}) {
            v(name, a -> foldInt64(a, Math::max), ANY, ANY);
        }
        v("min", a -> foldInt64(a, Math::min), ANY, ANY);
        v("maxf", a -> foldFloat64(a, Math::max), ANY, ANY);
        v("minf", a -> foldFloat64(a, Math::min), ANY, ANY);
        f("floor", a -> Math.floor(toFloat64(a[0])), ANY);
        f("ceil", a -> Math.ceil(toFloat64(a[0])), ANY);
        v("round", a -> {
            double val = toFloat64(a[0]);
            int places = i(a[1]);
            double roundOn = a.length > 2 ? toFloat64(a[2]) : 0.5;
            double pow = Math.pow(10, places);
            double digit = pow * val;
            double div = digit - Math.floor(digit);
            double round = div >= roundOn ? Math.ceil(digit) : Math.floor(digit);
            return round / pow;
        }, ANY, INT, GoFunc.P.FLOAT64);
        f("add1f", a -> decimal(a[0], new Object[] {1L}, BigDecimal::add), ANY);
        v("addf", a -> decimal(0.0, a, BigDecimal::add), ANY);
        v("subf", a -> decimal(a[0], java.util.Arrays.copyOfRange(a, 1, a.length), BigDecimal::subtract), ANY, ANY);
        v("mulf", a -> decimal(a[0], java.util.Arrays.copyOfRange(a, 1, a.length), BigDecimal::multiply), ANY, ANY);
        v("divf", a -> decimal(a[0], java.util.Arrays.copyOfRange(a, 1, a.length),
                (x, y) -> {
                    if (y.signum() == 0) {
                        throw new FuncError("decimal division by 0");
                    }
                    return x.divide(y, 16, RoundingMode.HALF_EVEN);
                }), ANY, ANY);
    }

    private static double decimal(Object first, Object[] rest, java.util.function.BinaryOperator<BigDecimal> op) {
        BigDecimal r = new BigDecimal(Double.toString(toFloat64(first)));
        for (Object o : rest) {
            BigDecimal d = new BigDecimal(Double.toString(toFloat64(o)));
            r = op.apply(r, d);
        }
        return r.doubleValue();
    }

    /** Sprig's max/min: every argument as int64, folded. */
    static long foldInt64(Object[] a, java.util.function.LongBinaryOperator op) {
        long r = toInt64(a[0]);
        for (int k = 1; k < a.length; k++) {
            r = op.applyAsLong(r, toInt64(a[k]));
        }
        return r;
    }

    /** Sprig's maxf/minf: every argument as float64, folded. */
    static double foldFloat64(Object[] a, java.util.function.DoubleBinaryOperator op) {
        double r = toFloat64(a[0]);
        for (int k = 1; k < a.length; k++) {
            r = op.applyAsDouble(r, toFloat64(a[k]));
        }
        return r;
    }
}
