package io.multistep.testsupport;

import org.junit.jupiter.api.Test;

/** Tests that leak on purpose, run only by {@link SecretLeakCheckTest} in a launcher of its own. */
class LeakySamples {

    @Test
    void printsNothingSecret() {
        System.out.println("all masked: ***");
    }

    @Test
    void printsASecret() {
        System.out.println("logging in with " + TestSecrets.value("printed") + " now");
    }

    @Test
    void logsASecretOnStderrWithoutANewline() {
        System.err.print("token=" + TestSecrets.value("stderr"));
    }

    @Test
    void failsQuotingASecret() {
        throw new IllegalStateException("could not use " + TestSecrets.value("quoted"),
                new RuntimeException("cause " + TestSecrets.value("cause")));
    }

    @Test
    void capturedAChildProcessLeak() {
        TestSecrets.scan("stderr of multistep exec", "error: bad password\n  " + TestSecrets.value("child") + "\n");
    }
}
