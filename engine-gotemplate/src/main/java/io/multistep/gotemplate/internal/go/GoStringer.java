package io.multistep.gotemplate.internal.go;


/**
 * A template value that stands for a Go pointer type with a {@code String()} method: fmt, and so
 * {@code text/template} output and Sprig's {@code toString}, print it through that method.
 */
public interface GoStringer {

    /** What the Go value's {@code String()} returns. */
    String goString();

    /** The Go type name ({@code typeOf}); its kind is {@code ptr}. */
    String goType();
}
