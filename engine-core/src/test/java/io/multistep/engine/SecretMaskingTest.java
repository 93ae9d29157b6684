package io.multistep.engine;

import static io.multistep.engine.testing.TestTasks.cmd;
import static io.multistep.engine.testing.TestTasks.secret;
import static io.multistep.engine.testing.TestTasks.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.engine.spi.RegistryCredential;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.testing.FakeRuntime;
import io.multistep.engine.testing.RecordingListener;
import io.multistep.testsupport.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Secret values never leave the engine unmasked. */
@Timeout(30)
class SecretMaskingTest {

    private static final String TOKEN = TestSecrets.value("t0ken");
    private static final String PASSWORD = TestSecrets.value("password");
    private static final String B64 = Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));

    private final FakeRuntime fake = new FakeRuntime();
    private final RecordingListener events = new RecordingListener();

    private Engine engine() {
        return Engine.builder().runtime(fake).listener(events)
                .secretResolver(SecretResolvers.fromMap(Map.of("token", TOKEN))).build();
    }

    private RunOptions options() {
        return RunOptions.builder().runId("m1").credential(new RegistryCredential("reg.io", "me", PASSWORD)).build();
    }

    @Test
    void outputLinesEventsAndTailAreMasked() {
        fake.step("a").printsLines("token=" + TOKEN, "b64=" + B64, "login " + PASSWORD).printsErrLines(TOKEN);
        RunResult result = engine().run(TaskSource.of(task(List.of(secret("token")), cmd("a"))), options());

        assertThat(result.step("a").outputTail()).containsExactly("token=***", "b64=***", "login ***", "***");
        assertThat(events.events(RunEvent.LogLine.class)).extracting(RunEvent.LogLine::text)
                .containsExactly("token=***", "b64=***", "login ***", "***");
        assertNoSecretIn(events.events().toString());
        assertNoSecretIn(result.toString());
    }

    @Test
    void failureMessagesAreMasked() {
        fake.step("a").failsWith(RuntimeFailure.Kind.AUTH_FAILED, "login with " + PASSWORD + " / " + TOKEN + " refused");
        RunResult result = engine().run(TaskSource.of(task(List.of(secret("token")), cmd("a"))), options());

        assertThat(result.failureMessage()).contains("failed to run step ID: a: login with *** / *** refused");
        assertThat(result.step("a").failure().orElseThrow().message()).isEqualTo("login with *** / *** refused");
        assertNoSecretIn(events.events().toString());
    }

    @Test
    void setupFailureIsMasked() {
        fake.openFailsWith(RuntimeFailure.Kind.AUTH_FAILED, "bad password " + PASSWORD);
        RunResult result = engine().run(TaskSource.of(task(cmd("a"))), options());
        assertThat(result.failureMessage()).hasValue("bad password ***");
    }

    @Test
    void retryEventsAreMasked() {
        fake.step("a").exitsWith(1).failsWith(RuntimeFailure.Kind.OTHER, "oops " + TOKEN);
        engine().run(TaskSource.of(task(List.of(secret("token")), cmd("a", o -> o.retries(1).retryDelay(0)))),
                options());
        assertThat(events.events(RunEvent.StepRetried.class)).extracting(RunEvent.StepRetried::error)
                .containsExactly("oops ***");
    }

    @Test
    void loadExceptionsAreMasked() {
        Engine engine = engine();
        RunOptions options = RunOptions.builder().maskValue("topsecretstep").build();
        assertThatThrownBy(() -> engine.run(TaskSource.of(task(cmd("a", o -> o.when(List.of("topsecretstep"))))),
                options))
                .isInstanceOf(TaskLoadException.class)
                .hasMessage("*** does not exist as a vertex [from: ***, to: a]");
    }

    @Test
    void aTypeErrorQuotingTheStartOfASecretMasksThatStart() {
        String text = """
                version: v1.1.0
                secrets:
                  - id: token
                    keyvault: https://vault.vault.azure.net/secrets/token
                steps:
                  - cmd: bash echo
                    timeout: {{.Secrets.token}}
                """;
        assertThatThrownBy(() -> engine().run(new TaskSource.Text(text, "acb.yaml"), options()))
                .isInstanceOf(TaskLoadException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).contains("cannot unmarshal !!str `***...` into int");
                    assertThat(e.getMessage()).doesNotContain(TOKEN.substring(0, 3));
                    assertThat(String.join("\n", ((TaskLoadException) e).problems()))
                            .doesNotContain(TOKEN.substring(0, 3));
                });
    }

    @Test
    void theDebugLogOfAStepMasksItsWorkingDirectory() {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("io.multistep.engine.internal.StepExecution");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        ch.qos.logback.classic.Level level = log.getLevel();
        boolean additive = log.isAdditive();
        log.addAppender(appender);
        log.setLevel(ch.qos.logback.classic.Level.DEBUG);
        log.setAdditive(false); // kept off the console: the check is this test's
        try {
            engine().run(TaskSource.of(task(List.of(secret("token")), cmd("a", o -> o.workingDirectory("/w/" + TOKEN)))),
                    options());
        } finally {
            log.detachAppender(appender);
            log.setLevel(level);
            log.setAdditive(additive);
        }
        assertThat(appender.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("Working directory: '/w/***'"))
                .noneSatisfy(m -> assertThat(m).contains(TOKEN));
    }

    @Test
    void unresolvableSecretsAreNotMaskedButDoNotFailALoadedTask() {
        RunResult result = engine().run(TaskSource.of(task(List.of(secret("other")), cmd("a"))), options());
        assertThat(result.succeeded()).isTrue();
    }

    private static void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain(TOKEN).doesNotContain(B64).doesNotContain(PASSWORD);
    }
}
