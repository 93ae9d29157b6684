package io.multistep.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The leak check fails exactly the tests that leak, naming the test and channel, with the value masked. */
class SecretLeakCheckTest {

    private static Map<String, String> failures() {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Events tests;
        // The samples' output goes to a buffer, not to this test's own (checked) streams.
        try (PrintStream p = new PrintStream(sink, true, StandardCharsets.UTF_8)) {
            System.setOut(p);
            System.setErr(p);
            tests = EngineTestKit.engine("junit-jupiter")
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                    .selectors(selectClass(LeakySamples.class))
                    .execute().testEvents();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertThat(tests.succeeded().count() + tests.failed().count()).isEqualTo(5);
        Map<String, String> failed = new HashMap<>();
        for (Event e : tests.failed().list()) {
            String name = e.getTestDescriptor().getDisplayName().replace("()", "");
            Throwable t = e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                    .getThrowable().orElseThrow();
            failed.put(name, t.getMessage());
        }
        return failed;
    }

    @Test
    void failsEachLeakingTestAndOnlyThose() {
        Map<String, String> failed = failures();
        assertThat(failed).containsOnlyKeys("printsASecret", "logsASecretOnStderrWithoutANewline",
                "failsQuotingASecret", "capturedAChildProcessLeak");
        assertThat(failed.get("printsASecret"))
                .isEqualTo("test secret leaked by LeakySamples#printsASecret on stdout: logging in with S3*** now");
        assertThat(failed.get("logsASecretOnStderrWithoutANewline"))
                .isEqualTo("test secret leaked by LeakySamples#logsASecretOnStderrWithoutANewline on stderr: token=S3***");
        assertThat(failed.get("failsQuotingASecret"))
                .isEqualTo("failsQuotingASecret() failed with an exception whose message holds a test secret (masked here): "
                        + "java.lang.IllegalStateException: could not use S3***");
        assertThat(failed.get("capturedAChildProcessLeak"))
                .isEqualTo("test secret leaked by LeakySamples#capturedAChildProcessLeak on stderr of multistep exec: S3***");
        assertThat(String.join("\n", failed.values())).doesNotContain(TestSecrets.MARKER);
    }

    @Test
    void masksWholeValuesIncludingTheirBase64LikeNeighbours() {
        assertThat(TestSecrets.mask("a=S3cr3t-x.y/z+1= b x-S3cr3t c")).isEqualTo("a=S3*** b S3*** c");
        assertThat(TestSecrets.value("db")).isEqualTo("S3cr3t-db").contains(TestSecrets.MARKER);
    }
}
