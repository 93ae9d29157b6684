/**
 * Go {@code text/template} with the Sprig v2.22 functions, as the reference runner renders task
 * files: {@link io.multistep.gotemplate.GoTemplate}, its functions, limits, errors and locations.
 */
package io.multistep.gotemplate;

