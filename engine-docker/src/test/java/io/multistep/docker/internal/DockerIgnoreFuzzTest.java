package io.multistep.docker.internal;

import io.multistep.gotemplate.internal.go.GoPath;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@code .dockerignore} reading and matching. The input is an ignore file, optionally
 * followed by a NUL and the paths to match, one a line (without them: sample paths and every
 * pattern read as a path). Whatever the input, reading ends in rules or in one of the CLI's two
 * pattern errors, matching ends (no catastrophic regex backtracking), and the Dockerfile that the
 * build keeps is never excluded.
 *
 * <p>Plain {@code mvn test} replays {@code DockerIgnoreFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes (docs/fuzzing.md).
 */
class DockerIgnoreFuzzTest {

    private static final List<String> SAMPLE_PATHS = List.of("Dockerfile", ".dockerignore", "a", "a/b", "a/b/c.txt",
            "node_modules/x/y.js", "src/main.go", ".git/HEAD", "logs/keep.log", "x.tmp", "[a]", "a*b", "é/ü");

    @FuzzTest(maxDuration = "60s")
    @Timeout(10)
    void readingAndMatchingEndInAnAnswerOrAPatternError(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int nul = text.indexOf('\0');
        String ignoreFile = nul < 0 ? text : text.substring(0, nul);
        List<String> paths = new ArrayList<>();
        if (nul < 0) {
            paths.addAll(SAMPLE_PATHS);
            for (String line : ignoreFile.split("\n")) {
                paths.add(GoPath.clean(line.strip().replaceFirst("^!", "")).replaceFirst("^/", ""));
            }
        } else {
            for (String line : text.substring(nul + 1).split("\n")) {
                paths.add(GoPath.clean(line).replaceFirst("^/", ""));
            }
        }
        DockerIgnore rules;
        try {
            rules = DockerIgnore.parse(ignoreFile).keeping("Dockerfile", ".dockerignore");
            // As ImageBuilder does: Go's regexp errors are reported before any path is matched.
            rules.validate();
        } catch (IllegalArgumentException e) {
            // The CLI's words, as ImageBuilder reports them for the step; never a JDK exception.
            // A PatternError names its .dockerignore line before the CLI's words.
            String m = String.valueOf(e.getMessage()).replaceFirst("^line \\d+: ", "");
            if (!(e instanceof DockerIgnore.PatternError || e.getClass() == IllegalArgumentException.class)
                    || !(m.startsWith("illegal exclusion pattern: ") || m.startsWith("syntax error in pattern"))) {
                throw new AssertionError("reading the ignore file failed with " + e, e);
            }
            return;
        }
        for (String path : paths) {
            rules.excludes(path);
            rules.canSkipExcludedDir(path);
        }
        if (rules.excludes("Dockerfile") || rules.excludes(".dockerignore")) {
            throw new AssertionError("the kept Dockerfile or .dockerignore is excluded");
        }
    }
}
