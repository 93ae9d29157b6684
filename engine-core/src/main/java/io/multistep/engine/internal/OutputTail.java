package io.multistep.engine.internal;

import java.util.ArrayDeque;
import java.util.List;

/** The last N lines of a step's output (already masked); thread-safe. */
final class OutputTail {

    private final int capacity;
    private final ArrayDeque<String> lines;

    OutputTail(int capacity) {
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(capacity);
    }

    synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized List<String> snapshot() {
        return List.copyOf(lines);
    }
}
