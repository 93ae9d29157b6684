package io.multistep.gotemplate.internal;

import org.apiguardian.api.API;

/**
 * Internal unchecked error of the template engine carrying Go's full message text and the
 * char offset (in the template text) it refers to, or -1.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class GoError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Whether the error came from parsing or executing. */
    public enum Kind { PARSE, EXEC }

    private final Kind kind;
    private final int pos;

    /** Creates an error with Go's message text. */
    public GoError(Kind kind, String goMessage, int pos) {
        super(goMessage, null, false, false);
        this.kind = kind;
        this.pos = pos;
    }

    /** Parse or exec. */
    public Kind kind() {
        return kind;
    }

    /** Char offset in the template text, or -1. */
    public int pos() {
        return pos;
    }
}
