/**
 * The template engine's lexer, parser, nodes, interpreter, builtins and function sets (Sprig).
 * For Multistep's own modules (engine-spec renders task files with it), not a stable API.
 */
package io.multistep.gotemplate.internal;
