package io.multistep.gotemplate.internal;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Maps char offsets of a produced text back to char offsets of its input, as a list of
 * segments. A literal segment maps char-for-char; a constant segment maps every char to one
 * input offset (an action's output, an alias value).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class OffsetMap {

    private int[] outStart = new int[16];
    private int[] srcStart = new int[16];
    private boolean[] literal = new boolean[16];
    private int size;
    private int outLength;

    /** Records that {@code len} produced chars come from input at {@code src}. */
    public void add(int len, int src, boolean isLiteral) {
        if (len <= 0) {
            return;
        }
        if (size > 0) {
            int last = size - 1;
            if (literal[last] == isLiteral) {
                if (isLiteral && srcStart[last] + (outLength - outStart[last]) == src) {
                    outLength += len;
                    return;
                }
                if (!isLiteral && srcStart[last] == src) {
                    outLength += len;
                    return;
                }
            }
        }
        if (size == outStart.length) {
            outStart = Arrays.copyOf(outStart, size * 2);
            srcStart = Arrays.copyOf(srcStart, size * 2);
            literal = Arrays.copyOf(literal, size * 2);
        }
        outStart[size] = outLength;
        srcStart[size] = src;
        literal[size] = isLiteral;
        size++;
        outLength += len;
    }

    /** Total mapped output length. */
    public int length() {
        return outLength;
    }

    /** Input offset of output offset {@code out} (clamped to the mapped range). */
    public int map(int out) {
        if (size == 0) {
            return Math.max(0, out);
        }
        if (out >= outLength) {
            int last = size - 1;
            return literal[last] ? srcStart[last] + (outLength - outStart[last]) + (out - outLength) : srcStart[last];
        }
        int i = Arrays.binarySearch(outStart, 0, size, out);
        if (i < 0) {
            i = -i - 2;
        }
        if (i < 0) {
            i = 0;
        }
        return literal[i] ? srcStart[i] + (out - outStart[i]) : srcStart[i];
    }
}
