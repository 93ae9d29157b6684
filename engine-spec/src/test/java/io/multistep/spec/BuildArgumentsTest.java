package io.multistep.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multistep.spec.internal.ShellWords;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shell words and {@code docker build} arguments, parsed once in engine-spec for every reader. */
class BuildArgumentsTest {
    @Test
    void shellWordsHonourQuotesAndNeverExpand() {
        assertThat(ShellWords.split("img sh -c 'echo $HOME; ls' \"a \\\"b\\\" $X\" c\\ d e\\$f ''"))
                .containsExactly("img", "sh", "-c", "echo $HOME; ls", "a \"b\" $X", "c d", "e$f", "");
        assertThatThrownBy(() -> ShellWords.split("img 'open")).hasMessageContaining("unterminated single quote");
    }

    @Test
    void buildArguments() {
        BuildArguments c = BuildArguments.parse("-t a:1 --tag=b:2 -f 'my file' --build-arg X=1 --build-arg=Y=2 "
                + "--build-arg Z --build-arg MISSING --target t --label k=v --no-cache --pull src");
        assertThat(c.tags()).containsExactly("a:1", "b:2");
        assertThat(c.file()).isEqualTo("my file");
        assertThat(c.resolvedBuildArgs(List.of("Z=old", "Z=fromenv")))
                .containsExactly(Map.entry("X", "1"), Map.entry("Y", "2"), Map.entry("Z", "fromenv"));
        assertThat(c.target()).isEqualTo("t");
        assertThat(c.labels()).containsEntry("k", "v");
        assertThat(c.noCache()).isTrue();
        assertThat(c.pull()).isTrue();
        assertThat(c.context()).isEqualTo("src");
        assertThat(c.flagProblem()).isEmpty();
        assertThat(BuildArguments.parse("--file src/Dockerfile . -t foo:bar").context()).isEqualTo(".");
        assertThat(BuildArguments.parse("-t x https://github.com/Azure/acr-builder.git").contextKind())
                .isEqualTo(BuildArguments.ContextKind.GIT);
        assertThat(BuildArguments.parse("https://example.com/ctx.tar.gz").contextKind())
                .isEqualTo(BuildArguments.ContextKind.URL);
        assertThat(BuildArguments.parse("--bogus .").flagProblem()).hasValue("unknown docker build flag --bogus");
    }

    @Test
    void theRemainingFlagsKeepTheirOrderAndAnUnfinishedValueFlagIsAProblem() {
        BuildArguments c = BuildArguments.parse("--squash --shm-size 1g . -t");
        assertThat(c.otherFlags()).extracting(BuildArguments.Flag::name).containsExactly("--squash", "--shm-size", "-t");
        assertThat(c.otherFlags().get(1).value()).hasValue("1g");
        assertThat(c.tags()).isEmpty();
        assertThat(c.flagProblem()).hasValue("flag needs an argument: -t");
        assertThat(c.words()).containsExactly("--squash", "--shm-size", "1g", ".", "-t");
    }
}
