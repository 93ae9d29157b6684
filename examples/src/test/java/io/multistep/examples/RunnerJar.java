package io.multistep.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.testsupport.TestSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the runner jar ({@code engine-runner/target/multistep.jar}, built earlier in the reactor) as a
 * separate process, the way the README and CI use it.
 */
final class RunnerJar {

    /** What a finished process printed and returned. */
    record Outcome(int exitCode, String stdout, String stderr) {}

    private RunnerJar() {}

    static Path root() {
        return Path.of(System.getProperty("multistep.root", "..")).toAbsolutePath().normalize();
    }

    static Path jar() {
        Path jar = root().resolve("engine-runner/target/multistep.jar");
        assertThat(jar).as("the runner jar must be built before the examples run (mvn verify builds it)").exists();
        return jar;
    }

    /** Runs the jar with the arguments in a folder, at most {@code timeoutSeconds}. */
    static Outcome run(Path workingDir, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("multistep-out", ".txt");
        Path err = Files.createTempFile("multistep-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("multistep " + String.join(" ", args) + " ran longer than " + timeoutSeconds
                        + "s; stderr:\n" + Files.readString(err));
            }
            Outcome o = new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            TestSecrets.scan("stdout of multistep " + (args.length > 0 ? args[0] : ""), o.stdout());
            TestSecrets.scan("stderr of multistep " + (args.length > 0 ? args[0] : ""), o.stderr());
            return o;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
