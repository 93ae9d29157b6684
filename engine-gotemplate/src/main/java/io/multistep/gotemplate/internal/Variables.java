package io.multistep.gotemplate.internal;

import java.util.Arrays;

/**
 * The variable stack of one template invocation (Go's {@code state.vars}): {@code $} and the
 * variables declared in pipelines, innermost last, cut back to a mark when a scope ends.
 */
final class Variables {

    private String[] names;
    private Object[] values;
    private int top;

    Variables(int capacity) {
        names = new String[capacity];
        values = new Object[capacity];
    }

    /** The current height, to {@link #pop} back to when the scope ends. */
    int mark() {
        return top;
    }

    /** Declares {@code name} in the innermost scope. */
    void push(String name, Object value) {
        if (top == names.length) {
            names = Arrays.copyOf(names, top * 2);
            values = Arrays.copyOf(values, top * 2);
        }
        names[top] = name;
        values[top] = value;
        top++;
    }

    /** Drops every variable declared since {@code mark}. */
    void pop(int mark) {
        for (int i = mark; i < top; i++) {
            values[i] = null;
        }
        top = mark;
    }

    /** Assigns the innermost {@code name}; false when no such variable is declared. */
    boolean set(String name, Object value) {
        for (int i = top - 1; i >= 0; i--) {
            if (names[i].equals(name)) {
                values[i] = value;
                return true;
            }
        }
        return false;
    }

    /** Assigns the variable {@code fromTop} places below the top (1 is the last declared). */
    void setFromTop(int fromTop, Object value) {
        values[top - fromTop] = value;
    }

    /** Where the innermost {@code name} is, or -1 when it is not declared. */
    int find(String name) {
        for (int i = top - 1; i >= 0; i--) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The value at a place {@link #find} returned. */
    Object get(int at) {
        return values[at];
    }
}
