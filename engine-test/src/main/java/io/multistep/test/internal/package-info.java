/** Internals of the test kit; not an API: use {@link io.multistep.test}. */
package io.multistep.test.internal;
