/**
 * Testing with task files: the JUnit 5 extension ({@link io.multistep.test.MultistepTest}) and
 * AssertJ assertions on run results ({@link io.multistep.test.MultistepAssertions}).
 * See {@code docs/testing.md}.
 */
package io.multistep.test;
