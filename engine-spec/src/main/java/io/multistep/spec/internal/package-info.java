/**
 * How task files are read, not part of the API: YAML reading with source positions, the raw task,
 * assembly and validation into the model, shell and build word splitting. Types here may change
 * in any release.
 */
package io.multistep.spec.internal;
