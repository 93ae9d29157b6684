package io.multistep.gotemplate.internal.go;

import org.apiguardian.api.API;

/**
 * Thrown by template functions; the executor wraps it as Go does
 * ({@code error calling NAME: MESSAGE}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FuncError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates a function error with Go's text. */
    public FuncError(String message) {
        super(message, null, false, false);
    }
}
