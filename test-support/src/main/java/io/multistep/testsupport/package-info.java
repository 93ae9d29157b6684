/**
 * What every module's tests share: the secret leak check, a JUnit extension that fails a test
 * whose output, reports or failure messages contain a test secret, the test secrets themselves,
 * and the public API check (ApiSurface).
 */
package io.multistep.testsupport;
