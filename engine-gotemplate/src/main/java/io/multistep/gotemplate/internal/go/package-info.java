/**
 * Go compatibility helpers: Go's fmt, strconv, values, dates, {@code path}, text functions,
 * yaml.v2 scalars and decoding, and libyaml's problem words. For Multistep's own modules
 * (engine-spec and engine-docker use them), not a stable API.
 */
package io.multistep.gotemplate.internal.go;
