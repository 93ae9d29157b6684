package io.multistep.spec.internal;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Splits a command line into words the way a POSIX shell does — single quotes, double quotes,
 * backslash escapes, a {@code #} comment — but performs no expansion at all. The one splitter of
 * the project: the runtime splits {@code cmd} and {@code build} with it, and validation splits
 * {@code build} with it too, so both see the same words.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
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
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated single quote at column " + (i + 1) + " in: " + line);
                }
                cur.append(line, i + 1, end);
                inWord = true;
                i = end;
            } else if (c == '"') {
                inWord = true;
                int j = i + 1;
                boolean closed = false;
                for (; j < n; j++) {
                    char d = line.charAt(j);
                    if (d == '"') {
                        closed = true;
                        break;
                    }
                    if (d == '\\' && j + 1 < n) {
                        char e = line.charAt(j + 1);
                        // Inside double quotes a backslash only escapes $ ` " \ and newline.
                        if (e == '$' || e == '`' || e == '"' || e == '\\') {
                            cur.append(e);
                            j++;
                            continue;
                        }
                        if (e == '\n') {
                            j++;
                            continue;
                        }
                    }
                    cur.append(d);
                }
                if (!closed) {
                    throw new IllegalArgumentException("unterminated double quote at column " + (i + 1) + " in: " + line);
                }
                i = j;
            } else if (c == '\\') {
                if (i + 1 < n) {
                    char e = line.charAt(i + 1);
                    i++;
                    if (e == '\n') {
                        continue; // line continuation
                    }
                    cur.append(e);
                    inWord = true;
                } else {
                    cur.append('\\');
                    inWord = true;
                }
            } else if (c == '#' && !inWord) {
                // A '#' starting a word begins a comment up to the end of the line, as in the
                // reference's /bin/sh -c (`cmd: "img echo hi # note"` prints "hi").
                int nl = line.indexOf('\n', i);
                if (nl < 0) {
                    break;
                }
                i = nl - 1;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }
}
