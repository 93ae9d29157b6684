package io.multistep.gotemplate.internal.go;

import org.apiguardian.api.API;

/**
 * A Go {@code complex128}: the value of a complex template constant such as {@code 1+2i}. fmt
 * prints it as {@code (1+2i)}.
 *
 * @param re real part
 * @param im imaginary part
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record GoComplex(double re, double im) implements GoStringer {

    @Override
    public String goString() {
        String i = GoFmt.sprintValue(im);
        return "(" + GoFmt.sprintValue(re) + (i.startsWith("-") || i.startsWith("+") ? i : "+" + i) + "i)";
    }

    @Override
    public String goType() {
        return "complex128";
    }

    @Override
    public boolean equals(Object o) {
        // Go compares complex numbers numerically: 0 == -0.
        return o instanceof GoComplex c && c.re == re && c.im == im;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(re + 0.0) * 31 + Double.hashCode(im + 0.0);
    }
}
