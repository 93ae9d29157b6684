/**
 * JMH benchmarks that run steps on a real Docker engine, to measure the engine's overhead per
 * step and per run. Not a library.
 */
package io.multistep.benchmarks.docker;
