package io.multistep.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a context's {@code .dockerignore} file is read from disk. */
class IgnoreFileReadingTest {

    @TempDir
    Path dir;

    @Test
    void bytesThatAreNotUtf8AreNoErrorAsForTheCli() throws Exception {
        // Before, Java's decoder failed with "Input length = 1" and the build step showed that text.
        Files.write(dir.resolve(".dockerignore"), new byte[] {'a', (byte) 0xff, '\n', '*', '.', 'l', 'o', 'g', '\n'});
        DockerIgnore rules = ContextTar.readIgnore(dir);
        assertThat(rules.excludes("x.log")).isTrue();
        assertThat(rules.excludes("a")).isFalse();
    }

    @Test
    void aContextWithoutTheFileHasNoRules() throws Exception {
        assertThat(ContextTar.readIgnore(dir).isEmpty()).isTrue();
    }
}
