package io.multistep.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.engine.spi.ImageDependency;
import io.multistep.engine.spi.ImageDependency.ImageName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyScannerTest {

    private static final String MULTI_STAGE = """
            ARG GO=1.22
            FROM --platform=linux/amd64 golang:${GO} AS build
            RUN go build
            FROM build AS test
            FROM myreg.azurecr.io/base/runtime:v2
            COPY --from=build /app /app
            """;

    @Test
    void finalStageBaseIsTheRuntimeDependencyAndEarlierStagesAreBuildtime() {
        List<ImageDependency> deps = DependencyScanner.scan(MULTI_STAGE, List.of("myreg.azurecr.io/app:v1"), Map.of(), "",
                ref -> "");

        assertThat(deps).hasSize(1);
        ImageDependency d = deps.get(0);
        assertThat(d.image()).isEqualTo(new ImageName("myreg.azurecr.io", "app", "v1", "", "myreg.azurecr.io/app:v1"));
        assertThat(d.runtimeDependency())
                .isEqualTo(new ImageName("myreg.azurecr.io", "base/runtime", "v2", "", "myreg.azurecr.io/base/runtime:v2"));
        assertThat(d.buildtimeDependencies())
                .containsExactly(new ImageName("registry.hub.docker.com", "library/golang", "1.22", "", "golang:1.22"));
    }

    @Test
    void buildArgsOverrideArgDefaultsAndTargetPicksTheStage() {
        List<ImageDependency> deps = DependencyScanner.scan(MULTI_STAGE, List.of("app"), Map.of("GO", "1.23"), "test",
                ref -> ref.startsWith("golang") ? "sha256:abc" : "");

        ImageDependency d = deps.get(0);
        // The target stage "test" is FROM build, whose base is golang.
        assertThat(d.runtimeDependency().reference()).isEqualTo("golang:1.23");
        assertThat(d.runtimeDependency().digest()).isEqualTo("sha256:abc");
        assertThat(d.buildtimeDependencies()).isEmpty();
        assertThat(d.image().registry()).isEqualTo("registry.hub.docker.com");
        assertThat(d.image().repository()).isEqualTo("library/app");
        assertThat(d.image().tag()).isEqualTo("latest");
    }

    @Test
    void scratchIsNoDependencyAndNoTagsMeanNoEntries() {
        assertThat(DependencyScanner.scan("FROM scratch\nCOPY x /x\n", List.of("a:1"), Map.of(), "", r -> "").get(0)
                .runtimeDependency()).isNull();
        assertThat(DependencyScanner.scan("FROM alpine\n", List.of(), Map.of(), "", r -> "")).isEmpty();
    }
}
