package io.multistep.gotemplate.internal.go;

import org.apiguardian.api.API;


/**
 * A template value that stands for a Go pointer type with a {@code String()} method: fmt, and so
 * {@code text/template} output and Sprig's {@code toString}, print it through that method.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface GoStringer {

    /** What the Go value's {@code String()} returns. */
    String goString();

    /** The Go type name ({@code typeOf}); its kind is {@code ptr}. */
    String goType();
}
