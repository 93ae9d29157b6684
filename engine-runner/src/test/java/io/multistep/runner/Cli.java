package io.multistep.runner;

import io.multistep.testsupport.TestSecrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@link Main#run} in-process with {@code System.out} and {@code System.err} captured. */
final class Cli {

    /** What one command line did. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {}

    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            int exit = Main.run(args);
            o.flush();
            e.flush();
            Result r = new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            TestSecrets.scan("stdout of multistep " + (args.length > 0 ? TestSecrets.mask(args[0]) : ""), r.out());
            TestSecrets.scan("stderr of multistep " + (args.length > 0 ? TestSecrets.mask(args[0]) : ""), r.err());
            scanReports(java.util.List.of(args));
            return r;
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Checks the reports a command line names ({@code --report}, {@code --junit}) for test secrets. */
    static void scanReports(java.util.List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            for (String flag : new String[] {"--report", "--junit"}) {
                if (args.get(i).equals(flag) && i + 1 < args.size()) {
                    TestSecrets.scanFile(Path.of(args.get(i + 1)));
                } else if (args.get(i).startsWith(flag + "=")) {
                    TestSecrets.scanFile(Path.of(args.get(i).substring(flag.length() + 1)));
                }
            }
        }
    }

    /** Writes a file under a folder and returns its path as text. */
    static String write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
