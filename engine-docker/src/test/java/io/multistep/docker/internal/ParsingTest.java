package io.multistep.docker.internal;

import io.multistep.gotemplate.internal.go.GoPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shell words, working directories, build arguments and .dockerignore matching. */
class ParsingTest {
    @Test
    void shellWordsHonourQuotesAndNeverExpand() {
        assertThat(ShellWords.split("img sh -c 'echo $HOME; ls' \"a \\\"b\\\" $X\" c\\ d e\\$f ''"))
                .containsExactly("img", "sh", "-c", "echo $HOME; ls", "a \"b\" $X", "c d", "e$f", "");
        assertThatThrownBy(() -> ShellWords.split("img 'open")).hasMessageContaining("unterminated single quote");
    }

    @Test
    void workingDirectoriesLikeTheReference() {
        assertThat(WorkDirs.containerWorkDir("")).isEqualTo("/workspace");
        assertThat(WorkDirs.containerWorkDir("stepWorkDir")).isEqualTo("/workspace/stepWorkDir");
        assertThat(WorkDirs.containerWorkDir("a/../b/./")).isEqualTo("/workspace/b");
        assertThat(WorkDirs.containerWorkDir("/x/y/..")).isEqualTo("/x");
        assertThat(GoPath.clean("./foo")).isEqualTo("foo");
    }

    @Test
    void buildArguments() {
        BuildCommand c = BuildCommand.parse("-t a:1 --tag=b:2 -f 'my file' --build-arg X=1 --build-arg=Y=2 "
                + "--build-arg Z --build-arg MISSING --target t --label k=v --no-cache --pull src",
                List.of("Z=old", "Z=fromenv"));
        assertThat(c.tags()).containsExactly("a:1", "b:2");
        assertThat(c.dockerfile()).isEqualTo("my file");
        assertThat(c.buildArgs()).containsExactly(Map.entry("X", "1"), Map.entry("Y", "2"), Map.entry("Z", "fromenv"));
        assertThat(c.target()).isEqualTo("t");
        assertThat(c.labels()).containsEntry("k", "v");
        assertThat(c.noCache()).isTrue();
        assertThat(c.pull()).isTrue();
        assertThat(c.context()).isEqualTo("src");
        assertThat(BuildCommand.parse("--file src/Dockerfile . -t foo:bar", List.of()).context()).isEqualTo(".");
        assertThat(BuildCommand.parse("-t x https://github.com/Azure/acr-builder.git", List.of()).contextKind())
                .isEqualTo(BuildCommand.ContextKind.GIT);
        assertThat(BuildCommand.parse("https://example.com/ctx.tar.gz", List.of()).contextKind())
                .isEqualTo(BuildCommand.ContextKind.URL);
        assertThatThrownBy(() -> BuildCommand.parse("--bogus .", List.of())).hasMessageContaining("--bogus");
    }

    @Test
    void dockerignoreSemantics() {
        DockerIgnore i = DockerIgnore.parse("# c\n/node_modules\n./build/\n*.log\n!keep.log\n**/*.tmp\ndocs/**\n"
                + "a?c\n[xy].txt\n");
        assertThat(i.excludes("node_modules")).isTrue();
        assertThat(i.excludes("node_modules/x/y.js")).isTrue(); // parent matches
        assertThat(i.excludes("src/node_modules")).isFalse();
        assertThat(i.excludes("build/out.o")).isTrue();
        assertThat(i.excludes("err.log")).isTrue();
        assertThat(i.excludes("keep.log")).isFalse();
        assertThat(i.excludes("sub/err.log")).isFalse(); // * does not cross /
        assertThat(i.excludes("a/b/c.tmp")).isTrue();
        assertThat(i.excludes("c.tmp")).isTrue();
        assertThat(i.excludes("docs/x/y")).isTrue();
        assertThat(i.excludes("abc")).isTrue();
        assertThat(i.excludes("abbc")).isFalse();
        assertThat(i.excludes("x.txt")).isTrue();
        assertThat(i.excludes("z.txt")).isFalse();
        assertThat(i.canSkipExcludedDir("node_modules")).isTrue();

        DockerIgnore ex = DockerIgnore.parse("logs\n!logs/keep.log\n").keeping("Dockerfile", ".dockerignore");
        assertThat(ex.excludes("logs/a.log")).isTrue();
        assertThat(ex.excludes("logs/keep.log")).isFalse();
        assertThat(ex.canSkipExcludedDir("logs")).isFalse();
        assertThat(ex.canSkipExcludedDir("other")).isTrue();

        DockerIgnore all = DockerIgnore.parse("*\n").keeping("Dockerfile", ".dockerignore");
        assertThat(all.excludes("Dockerfile")).isFalse();
        assertThat(all.excludes("src")).isTrue();
    }
}
