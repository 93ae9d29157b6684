package io.multistep.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** A bug in a command reaches the user as one line without a Java name, a stack trace or a secret, and exit 2. */
class InternalErrorTest {

    /** A command that fails as a bug would. */
    @Command(name = "broken")
    static final class Broken implements Callable<Integer> {
        @Parameters(index = "0")
        String how;

        @Override
        public Integer call() throws Exception {
            switch (how) {
                case "runtime" -> throw new IllegalStateException("java.lang.Thing s3cr3t-value");
                case "checked" -> throw new java.io.IOException("s3cr3t-value");
                case "npe" -> {
                    Object nothing = null;
                    return nothing.hashCode();
                }
                case "error" -> throw new OutOfMemoryError("Requested array size exceeds VM limit");
                default -> throw new StackOverflowError();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"runtime", "checked", "npe", "error", "stack"})
    void anUnexpectedExceptionIsOneLineAndExit2(String how) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        int exit;
        try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setErr(e);
            CommandLine cli = new CommandLine(new Broken());
            cli.setErr(new PrintWriter(e, true));
            cli.setOut(new PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
            exit = Main.run(cli, how);
        } finally {
            System.setErr(oldErr);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(Main.INTERNAL_ERROR + "\n");
    }
}
