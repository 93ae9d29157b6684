package io.multistep.gotemplate.internal;

/**
 * A template value of a Go type with methods (or exported struct fields), such as Sprig's
 * {@code *semver.Version}: {@code .Name args...} calls {@link #method(String)}'s function.
 */
interface GoMethods {

    /** The method (bound to this value) or field getter called {@code name}, or null when there is none. */
    GoFunc method(String name);
}
