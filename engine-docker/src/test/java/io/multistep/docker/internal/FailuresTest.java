package io.multistep.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.zerodep.shaded.org.apache.hc.core5.http.ConnectionClosedException;
import io.multistep.engine.spi.RuntimeFailure;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class FailuresTest {
    private static final String HOST = "unix:///tmp/x/docker.sock";

    @Test
    void aDaemonKilledMidStepIsALostConnectionNamingStepAndEngineWithoutClassNames() {
        var e = new RuntimeException(new ConnectionClosedException("Premature end of chunk coded message body: closing chunk expected"));
        RuntimeFailure f = Failures.map(HOST, "step sleeper: waiting for container sleeper-r1", e);
        assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.CONNECTION_LOST);
        assertThat(f.getMessage()).startsWith("step sleeper: waiting for container sleeper-r1: the connection to the"
                + " Docker engine at " + HOST + " was lost (Premature end of chunk coded message body")
                .doesNotContain("Exception").doesNotContain("org.apache").doesNotContain("shaded");
    }

    @Test
    void aRefusedConnectionIsAnUnreachableEngine() {
        var e = new RuntimeException(new ConnectException("Connection refused"));
        RuntimeFailure f = Failures.map(HOST, "step a: creating container a-r1", e);
        assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.DAEMON_UNREACHABLE);
        assertThat(f.getMessage()).contains("step a").contains(HOST).doesNotContain("Exception");
    }

    @Test
    void aReadTimeoutIsTimedOut() {
        var e = new UncheckedIOException(new SocketTimeoutException("Read timed out"));
        RuntimeFailure f = Failures.map(HOST, "step a: inspecting image x", e);
        assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.TIMED_OUT);
        assertThat(f.getMessage()).contains("step a").contains(HOST).doesNotContain("Exception");
    }

    @Test
    void notFoundAndConflictKeepTheEnginesWords() {
        RuntimeFailure nf = Failures.map(HOST, "step a: starting", new NotFoundException(
                "{\"message\":\"No such container: abc\"}"));
        assertThat(nf.kind()).isEqualTo(RuntimeFailure.Kind.NOT_FOUND);
        assertThat(nf.getMessage()).isEqualTo("step a: starting: No such container: abc (Docker engine at " + HOST + ")");
        RuntimeFailure c = Failures.map(HOST, "step a: creating", new ConflictException(
                "{\"message\":\"name in use\"}"));
        assertThat(c.kind()).isEqualTo(RuntimeFailure.Kind.CONFLICT);
    }

    @Test
    void aMessageThatIsOnlyAClassNameBecomesWords() {
        assertThat(Failures.rootMessage(new RuntimeException(new SocketTimeoutException())))
                .isEqualTo("socket timeout");
        assertThat(Failures.rootMessage(new RuntimeException("java.io.IOException: disk full"))).isEqualTo("disk full");
    }
}
