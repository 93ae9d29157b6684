package io.multistep.engine;

import static io.multistep.engine.testing.TestTasks.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.engine.spi.SecretResolutionException;
import io.multistep.engine.spi.SecretResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolversTest {

    @Test
    void fromMap() throws Exception {
        SecretResolver r = SecretResolvers.fromMap(Map.of("a", "va"));
        assertThat(r.supports(secret("a"))).isTrue();
        assertThat(r.supports(secret("b"))).isFalse();
        assertThat(r.resolve(secret("a"))).isEqualTo("va");
    }

    @Test
    void fromEnvironmentTriesTheExactThenTheNormalisedName() throws Exception {
        Map<String, String> env = Map.of("S_my-id", "exact", "S_OTHER_ID", "normalised");
        SecretResolver r = SecretResolvers.fromEnvironment("S_", env::get);
        assertThat(r.resolve(secret("my-id"))).isEqualTo("exact");
        assertThat(r.resolve(secret("other-id"))).isEqualTo("normalised");
        assertThat(r.supports(secret("missing"))).isFalse();
        assertThatThrownBy(() -> r.resolve(secret("missing"))).isInstanceOf(SecretResolutionException.class);
    }

    @Test
    void fromDirectoryReadsTheFileNamedByTheIdWithoutTheTrailingNewline(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("token"), "value\n");
        SecretResolver r = SecretResolvers.fromDirectory(dir);
        assertThat(r.supports(secret("token"))).isTrue();
        assertThat(r.resolve(secret("token"))).isEqualTo("value");
        assertThat(r.supports(secret("absent"))).isFalse();
        assertThat(r.supports(secret(".."))).isFalse();
    }
}
