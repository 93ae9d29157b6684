package io.multistep.docker.internal;

import io.multistep.gotemplate.internal.go.GoPath;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Working directories and .dockerignore matching (shell words and build arguments: engine-spec's BuildArgumentsTest). */
class ParsingTest {
    @Test
    void workingDirectoriesLikeTheReference() {
        assertThat(WorkDirs.containerWorkDir("")).isEqualTo("/workspace");
        assertThat(WorkDirs.containerWorkDir("stepWorkDir")).isEqualTo("/workspace/stepWorkDir");
        assertThat(WorkDirs.containerWorkDir("a/../b/./")).isEqualTo("/workspace/b");
        assertThat(WorkDirs.containerWorkDir("/x/y/..")).isEqualTo("/x");
        assertThat(GoPath.clean("./foo")).isEqualTo("foo");
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
