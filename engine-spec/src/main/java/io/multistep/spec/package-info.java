/**
 * The task file model and its loading: a Task of typed Steps (cmd, build, push) with their
 * options, parsed and validated from a v1.1.0 task file; problems point at file:line:column.
 */
package io.multistep.spec;
