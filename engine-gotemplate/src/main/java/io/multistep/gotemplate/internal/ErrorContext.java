package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.GoValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Go's {@code Tree.ErrorContext} location: {@code name:line:col}, the column a byte offset in the line. */
final class ErrorContext {

    private ErrorContext() {
    }

    /** Char offsets at which the lines of {@code text} start. */
    static int[] lineStarts(String text) {
        List<Integer> ls = new ArrayList<>();
        ls.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                ls.add(i + 1);
            }
        }
        return ls.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The location of char offset {@code pos} as Go prints it. */
    static String location(String parseName, String text, int[] lineStarts, int pos) {
        int p = Math.min(Math.max(pos, 0), text.length());
        int li = Arrays.binarySearch(lineStarts, p);
        if (li < 0) {
            li = -li - 2;
        }
        int col = GoValues.utf8Length(text.substring(lineStarts[li], p));
        return parseName + ":" + (li + 1) + ":" + col;
    }
}
