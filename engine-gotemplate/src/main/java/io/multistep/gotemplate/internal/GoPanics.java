package io.multistep.gotemplate.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Java failure inside a template function into the text of the Go runtime panic it stands
 * for, so that no Java class name or Java wording reaches an error message.
 */
final class GoPanics {

    private static final Pattern INDEX = Pattern.compile("Index (-?\\d+) out of bounds for length (\\d+)");

    private GoPanics() {
    }

    /** Go's {@code runtime error: ...} text (without the prefix) for {@code e}. */
    static String describe(RuntimeException e) {
        if (e instanceof ArithmeticException) {
            return "integer divide by zero";
        }
        if (e instanceof IndexOutOfBoundsException) {
            Matcher m = INDEX.matcher(String.valueOf(e.getMessage()));
            return m.find() ? "index out of range [" + m.group(1) + "] with length " + m.group(2)
                    : "index out of range";
        }
        if (e instanceof NullPointerException) {
            return "invalid memory address or nil pointer dereference";
        }
        if (e instanceof ClassCastException) {
            return "interface conversion: interface {} is of an unexpected type";
        }
        if (e instanceof NegativeArraySizeException) {
            return "makeslice: len out of range";
        }
        return "invalid argument";
    }
}
