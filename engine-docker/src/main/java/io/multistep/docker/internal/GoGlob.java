package io.multistep.docker.internal;

/**
 * Go's {@code path/filepath.Match} (Unix), used as moby's patternmatcher uses it: only for its
 * error, {@code Match(pattern, ".")}. Ported rather than approximated because Go checks a
 * pattern only as far as matching {@code "."} reads it: {@code [-]} is an error, {@code a*[-]}
 * is not (the first chunk {@code a} already fails, and nothing after it is looked at).
 */
final class GoGlob {
    private GoGlob() {
    }

    /** {@code filepath.ErrBadPattern}. */
    static final class BadPattern extends Exception {
        private static final long serialVersionUID = 1L;

        BadPattern() {
            super("syntax error in pattern", null, false, false);
        }
    }

    private record Chunk(boolean star, String chunk, String rest) {
    }

    private record ChunkMatch(String rest, boolean ok) {
    }

    /** Go's {@code Match(pattern, name)}. */
    static boolean match(String pattern, String name) throws BadPattern {
        outer:
        while (!pattern.isEmpty()) {
            Chunk c = scanChunk(pattern);
            pattern = c.rest;
            if (c.star && c.chunk.isEmpty()) {
                return name.indexOf('/') < 0;
            }
            ChunkMatch m = matchChunk(c.chunk, name);
            if (m.ok && (m.rest.isEmpty() || !pattern.isEmpty())) {
                name = m.rest;
                continue;
            }
            if (c.star) {
                for (int i = 0; i < name.length() && name.charAt(i) != '/'; i++) {
                    ChunkMatch t = matchChunk(c.chunk, name.substring(i + 1));
                    if (t.ok) {
                        if (pattern.isEmpty() && !t.rest.isEmpty()) {
                            continue;
                        }
                        name = t.rest;
                        continue outer;
                    }
                }
            }
            return false;
        }
        return name.isEmpty();
    }

    private static Chunk scanChunk(String pattern) {
        boolean star = false;
        while (!pattern.isEmpty() && pattern.charAt(0) == '*') {
            pattern = pattern.substring(1);
            star = true;
        }
        boolean inRange = false;
        int i;
        scan:
        for (i = 0; i < pattern.length(); i++) {
            switch (pattern.charAt(i)) {
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        i++;
                    }
                }
                case '[' -> inRange = true;
                case ']' -> inRange = false;
                case '*' -> {
                    if (!inRange) {
                        break scan;
                    }
                }
                default -> {
                }
            }
        }
        return new Chunk(star, pattern.substring(0, i), pattern.substring(i));
    }

    /** Go's {@code matchChunk}: after a failure it still reads the chunk to check its syntax. */
    private static ChunkMatch matchChunk(String chunk, String s) throws BadPattern {
        boolean failed = false;
        int ci = 0;
        int si = 0;
        while (ci < chunk.length()) {
            if (!failed && si >= s.length()) {
                failed = true;
            }
            char c = chunk.charAt(ci);
            if (c == '[') {
                int r = -1;
                if (!failed) {
                    r = s.codePointAt(si);
                    si += Character.charCount(r);
                }
                ci++;
                boolean negated = false;
                if (ci < chunk.length() && chunk.charAt(ci) == '^') {
                    negated = true;
                    ci++;
                }
                boolean match = false;
                int nrange = 0;
                while (true) {
                    if (ci < chunk.length() && chunk.charAt(ci) == ']' && nrange > 0) {
                        ci++;
                        break;
                    }
                    int[] lo = getEsc(chunk, ci);
                    ci = lo[1];
                    int hi = lo[0];
                    if (chunk.charAt(ci) == '-') {
                        int[] h = getEsc(chunk, ci + 1);
                        ci = h[1];
                        hi = h[0];
                    }
                    if (lo[0] <= r && r <= hi) {
                        match = true;
                    }
                    nrange++;
                }
                if (match == negated) {
                    failed = true;
                }
            } else if (c == '?') {
                if (!failed) {
                    if (s.charAt(si) == '/') {
                        failed = true;
                    }
                    si += Character.charCount(s.codePointAt(si));
                }
                ci++;
            } else {
                if (c == '\\') {
                    ci++;
                    if (ci >= chunk.length()) {
                        throw new BadPattern();
                    }
                }
                if (!failed) {
                    if (chunk.charAt(ci) != s.charAt(si)) {
                        failed = true;
                    }
                    si++;
                }
                ci++;
            }
        }
        return failed ? new ChunkMatch("", false) : new ChunkMatch(s.substring(si), true);
    }

    /** Go's {@code getEsc}: {rune, next index}; a class may not start with '-' or ']' nor end the chunk. */
    private static int[] getEsc(String chunk, int i) throws BadPattern {
        if (i >= chunk.length() || chunk.charAt(i) == '-' || chunk.charAt(i) == ']') {
            throw new BadPattern();
        }
        if (chunk.charAt(i) == '\\') {
            i++;
            if (i >= chunk.length()) {
                throw new BadPattern();
            }
        }
        int r = chunk.codePointAt(i);
        i += Character.charCount(r);
        if (i >= chunk.length()) {
            throw new BadPattern();
        }
        return new int[] {r, i};
    }
}
