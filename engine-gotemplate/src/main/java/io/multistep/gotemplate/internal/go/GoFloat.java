package io.multistep.gotemplate.internal.go;

/**
 * Go's {@code strconv.FormatFloat(f, fmt, prec, 64)} for every format: the decimal ones
 * (e, E, f, g, G) through {@link GoFmt#formatFloat}, and the binary-exponent ones
 * ({@code b}: {@code 4503599627370496p-52}; {@code x}/{@code X}: {@code 0x1.8p+01}) ported here.
 */
final class GoFloat {

    private static final int MANT_BITS = 52;
    private static final int BIAS = -1023;

    private GoFloat() {
    }

    /** Formats {@code f} as {@code strconv.FormatFloat} does; prec -1 means shortest. */
    static String format(double f, char fmt, int prec) {
        if (fmt != 'b' && fmt != 'x' && fmt != 'X') {
            return GoFmt.formatFloat(f, fmt, prec);
        }
        long bits = Double.doubleToRawLongBits(f);
        boolean neg = bits < 0;
        int exp = (int) (bits >>> MANT_BITS) & 0x7ff;
        long mant = bits & ((1L << MANT_BITS) - 1);
        if (exp == 0x7ff) {
            return mant != 0 ? "NaN" : neg ? "-Inf" : "+Inf";
        }
        if (exp == 0) {
            exp++; // denormal
        } else {
            mant |= 1L << MANT_BITS;
        }
        exp += BIAS;
        return fmt == 'b' ? fmtB(neg, mant, exp) : fmtX(prec, fmt, neg, mant, exp);
    }

    private static String fmtB(boolean neg, long mant, int exp) {
        StringBuilder sb = new StringBuilder();
        if (neg) {
            sb.append('-');
        }
        sb.append(mant).append('p');
        exp -= MANT_BITS;
        if (exp >= 0) {
            sb.append('+');
        }
        return sb.append(exp).toString();
    }

    private static String fmtX(int prec, char fmt, boolean neg, long mant, int exp) {
        if (mant == 0) {
            exp = 0;
        }
        // Shift digits so the leading 1 (if any) is at bit 1<<60.
        mant <<= 60 - MANT_BITS;
        while (mant != 0 && (mant & (1L << 60)) == 0) {
            mant <<= 1;
            exp--;
        }
        if (prec >= 0 && prec < 15) {
            int shift = prec * 4;
            long extra = (mant << shift) & ((1L << 60) - 1);
            mant >>>= 60 - shift;
            if (Long.compareUnsigned(extra | (mant & 1), 1L << 59) > 0) {
                mant++;
            }
            mant <<= 60 - shift;
            if ((mant & (1L << 61)) != 0) {
                mant >>>= 1;
                exp++;
            }
        }
        String hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        StringBuilder sb = new StringBuilder();
        if (neg) {
            sb.append('-');
        }
        sb.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
        mant <<= 4;
        if (prec < 0 && mant != 0) {
            sb.append('.');
            while (mant != 0) {
                sb.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        } else if (prec > 0) {
            sb.append('.');
            for (int k = 0; k < prec; k++) {
                sb.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        }
        sb.append(fmt == 'X' ? 'P' : 'p');
        if (exp < 0) {
            sb.append('-');
            exp = -exp;
        } else {
            sb.append('+');
        }
        if (exp < 10) {
            sb.append('0');
        }
        return sb.append(exp).toString();
    }
}
