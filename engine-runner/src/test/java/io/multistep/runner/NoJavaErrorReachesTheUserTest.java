package io.multistep.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated inputs (seeded, so every failure can be replayed) driven through {@code render},
 * {@code validate} and {@code exec --dry-run} in-process: random templates (printf verbs, flags and
 * arguments; Sprig functions with random arguments), random mutations of valid task files and
 * random bytes. Each must end in an output or a located error with exit 0, 1 or 2, and never show
 * a Java exception, a stack trace, a Java class name or the JDK's own wording.
 */
class NoJavaErrorReachesTheUserTest {

    /** Text that only a Java exception (its name, its trace or the JDK's message) can print. */
    private static final Pattern JAVA = Pattern.compile(
            "Exception|java\\.|javax\\.|\\bat [a-z]+\\.[a-z]+\\.|\\.java:\\d+|internal error"
                    + "|Cannot invoke \"|because \"|cannot be cast to|out of bounds for length|begin -?\\d+, end -?\\d+"
                    + "|For input string|StackOverflow|OutOfMemory|NullPointer|\\$\\$Lambda|@[0-9a-f]{6,}\\b");

    private static final int PER_KIND = 100;

    @TempDir
    Path dir;

    @Test
    void randomTemplatesEndInAnOutputOrALocatedError() throws Exception {
        sweep(1_000, Generators::template);
    }

    @Test
    void randomMutationsOfTaskFilesEndInAnOutputOrALocatedError() throws Exception {
        sweep(2_000, Generators::mutatedTask);
    }

    @Test
    void randomBytesEndInAnOutputOrALocatedError() throws Exception {
        sweep(3_000, r -> Generators.bytes(r));
    }

    private interface Generator {
        Object make(Random r);
    }

    private void sweep(long firstSeed, Generator generator) throws Exception {
        List<String> failures = new ArrayList<>();
        for (long seed = firstSeed; seed < firstSeed + PER_KIND; seed++) {
            Object input = generator.make(new Random(seed));
            Path file = dir.resolve("gen.yaml");
            if (input instanceof byte[] bytes) {
                Files.write(file, bytes);
            } else {
                Files.writeString(file, (String) input, StandardCharsets.UTF_8);
            }
            for (String[] command : List.of(new String[] {"render"}, new String[] {"validate"}, new String[] {"exec", "--dry-run"})) {
                List<String> args = new ArrayList<>(List.of(command));
                args.addAll(List.of("-f", file.toString(), "--id", "r1", "-r", "reg.io", "--set", "v=-7",
                        "--secret", "tok=s3cr3t-value", "--date", "2024-03-05T07:08:09Z", dir.toString()));
                Cli.Result r = Cli.run(args.toArray(String[]::new));
                String problem = problem(r);
                if (problem != null) {
                    failures.add(cut("seed " + seed + ", " + String.join(" ", command) + ": " + problem + "\n--- input\n"
                            + (input instanceof String s ? s : "(bytes)") + "\n" + r));
                    break;
                }
            }
        }
        assertThat(failures).as(() -> failures.size() + " inputs failed:\n\n" + String.join("\n\n", failures.subList(0,
                Math.min(8, failures.size())))).isEmpty();
    }

    private static String cut(String text) {
        return text.length() <= 3_000 ? text : text.substring(0, 3_000) + "...";
    }

    /** What is wrong with a command's outcome, or {@code null}. */
    private static String problem(Cli.Result r) {
        String all = r.out() + r.err();
        if (r.exit() != 0 && r.exit() != 1 && r.exit() != 2) {
            return "exit " + r.exit();
        }
        var java = JAVA.matcher(all);
        if (java.find()) {
            return "Java text '" + java.group() + "'";
        }
        if (all.contains("s3cr3t-value")) {
            return "the secret's value";
        }
        if (r.exit() != 0 && !r.err().contains("gen.yaml") && !r.out().contains("gen.yaml")) {
            return "an error that names no file";
        }
        return null;
    }
}
