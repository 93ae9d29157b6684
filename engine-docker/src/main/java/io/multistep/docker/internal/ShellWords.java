package io.multistep.docker.internal;

import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does — single quotes, double quotes,
 * backslash escapes — but performs no expansion at all.
 *
 * <p>Deliberate difference from the reference: acb hands the whole {@code docker run ... <cmd>} line
 * to {@code /bin/sh -c}, so the host shell expands {@code $VAR}, {@code $(...)}, globs and so on
 * from the runner's own environment. We never let the host expand anything: {@code $HOME} reaches
 * the container literally (a step that wants expansion runs {@code sh -c '...'} inside its image).
 */
public final class ShellWords {
    private ShellWords() {}

    /**
     * Splits {@code line} into words.
     *
     * @param line the text
     * @return the words, quotes removed
     * @throws IllegalArgumentException when a quote is not closed
     */
    public static List<String> split(String line) {
        return io.multistep.spec.internal.ShellWords.split(line); // validation splits build strings alike
    }
}
