package io.multistep.docker.internal;

/** Durations for the runtime's debug log. */
final class Nanos {
    private Nanos() {}

    /** Milliseconds between two {@link System#nanoTime()} readings, {@code -} when one was not taken. */
    static String ms(long from, long to) {
        return from == 0 || to == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f", (to - from) / 1e6);
    }
}
