package io.multistep.testsupport.go;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Go side of the differential tests: builds {@code conformance/oracle} (Go's own
 * {@code text/template}, {@code gopkg.in/yaml.v2} and moby's {@code patternmatcher}, from the
 * Debian packages under {@code /usr/share/gocode}) into {@code target/go-oracle}, then answers
 * cases through it. When Go or one of the packages is missing, the calling test is skipped
 * (a JUnit assumption) with the reason and the way to install them.
 */
public final class GoOracle {
    /** Where the Debian {@code golang-*-dev} packages put their sources (a GOPATH). */
    public static final Path GOPATH = Paths.get(System.getenv().getOrDefault("MULTISTEP_GOPATH", "/usr/share/gocode"));

    private static final String INSTALL_HINT = "run scripts/go-env.sh to install golang-go, "
            + "golang-gopkg-yaml.v2-dev and golang-github-moby-patternmatcher-dev";
    private static Path binary;

    private GoOracle() {
    }

    /**
     * Answers {@code cases} (one JSON object each, with {@code id} and {@code kind}) in order.
     *
     * @return one result object per case, in the order of the cases
     */
    public static List<Map<String, Object>> answer(List<Map<String, Object>> cases) {
        Path exe = binary();
        try {
            Process p = new ProcessBuilder(exe.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8))) {
                    for (Map<String, Object> c : cases) {
                        w.write(MiniJson.write(c));
                        w.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            List<Map<String, Object>> results = new ArrayList<>(cases.size());
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) MiniJson.read(line);
                    results.add(m);
                }
            }
            writer.join();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("the Go oracle failed (exit " + (p.isAlive() ? "?" : p.exitValue())
                        + "); its error output is above");
            }
            if (results.size() != cases.size()) {
                throw new IllegalStateException("the Go oracle answered " + results.size() + " of " + cases.size() + " cases");
            }
            for (int i = 0; i < cases.size(); i++) {
                if (!cases.get(i).get("id").equals(results.get(i).get("id"))) {
                    throw new IllegalStateException("the Go oracle answered out of order at case " + cases.get(i).get("id"));
                }
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The oracle executable, built once per JVM; skips the test when Go or a package is missing. */
    public static synchronized Path binary() {
        if (binary != null) {
            return binary;
        }
        Optional<Path> go = findGo();
        assumeTrue(go.isPresent(), "Go is not installed, so the differential test against Go's libraries is skipped: "
                + INSTALL_HINT);
        for (String pkg : List.of("gopkg.in/yaml.v2", "github.com/moby/patternmatcher")) {
            assumeTrue(Files.isDirectory(GOPATH.resolve("src").resolve(pkg)), "the Go package " + pkg
                    + " is not installed under " + GOPATH + ", so the differential test is skipped: " + INSTALL_HINT);
        }
        Path root = Paths.get(System.getProperty("multistep.root", "..")).toAbsolutePath().normalize();
        Path src = root.resolve("conformance/oracle");
        Path out = Paths.get("target", "go-oracle").toAbsolutePath();
        Path exe = out.resolve("oracle");
        try {
            Files.createDirectories(out);
            ProcessBuilder pb = new ProcessBuilder(go.get().toString(), "build", "-o", exe.toString(), ".")
                    .directory(src.toFile()).redirectErrorStream(true);
            pb.environment().put("GO111MODULE", "off");
            pb.environment().put("GOPATH", GOPATH.toString());
            pb.environment().put("GOCACHE", out.resolve("cache").toString());
            Process p = pb.start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("go build of " + src + " failed:\n" + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        binary = exe;
        return exe;
    }

    private static Optional<Path> findGo() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Paths.get(dir, "go"));
            }
        }
        candidates.add(Paths.get("/usr/lib/go/bin/go"));
        candidates.add(Paths.get("/usr/local/go/bin/go"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
