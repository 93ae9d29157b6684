package io.multistep.gotemplate.internal.go;

/**
 * Thrown by template functions; the executor wraps it as Go does
 * ({@code error calling NAME: MESSAGE}).
 */
public final class FuncError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates a function error with Go's text. */
    public FuncError(String message) {
        super(message, null, false, false);
    }
}
