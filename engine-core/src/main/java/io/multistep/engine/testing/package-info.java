/**
 * Test doubles for code that embeds the engine: {@link io.multistep.engine.testing.FakeRuntime}, a
 * scripted {@link io.multistep.engine.spi.ContainerRuntime} that records every call, and
 * {@link io.multistep.engine.testing.RecordingListener}, a {@link io.multistep.engine.RunListener}
 * that keeps every event and lets a test wait for one. They ship in the main artifact so a test
 * needs no test-jar; the test kit ({@code multistep-engine-test}) builds on them.
 */
package io.multistep.engine.testing;
