/**
 * JMH benchmarks of the scheduler on a scripted runtime: how fast the engine walks step graphs of
 * different shapes, without a container engine. Not a library.
 */
package io.multistep.benchmarks.scheduler;
