/**
 * Rendering a task file before it is parsed, as the reference does: the Go text/template engine
 * with Sprig functions, the values (.Run, .Values, .Secrets), aliases and the limits that bound a
 * render.
 */
package io.multistep.spec.template;
