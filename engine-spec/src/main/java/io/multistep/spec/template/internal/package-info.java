/**
 * The port of Go's text/template and the Sprig functions, not part of the API: lexer, parser,
 * executor, Go formatting and value semantics. Types here may change in any release.
 */
package io.multistep.spec.template.internal;
