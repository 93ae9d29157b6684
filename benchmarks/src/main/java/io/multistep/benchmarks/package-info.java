/**
 * JMH benchmarks of the parts without a container engine: reading, rendering and validating task
 * files, and the template engine's list functions. Not a library; run through scripts or the
 * benchmarks jar.
 */
package io.multistep.benchmarks;
