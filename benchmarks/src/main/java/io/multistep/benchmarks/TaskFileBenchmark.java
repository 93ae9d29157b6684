package io.multistep.benchmarks;

import io.multistep.spec.LoadResult;
import io.multistep.spec.StepGraph;
import io.multistep.spec.TaskFiles;
import io.multistep.spec.render.RenderContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse + validate + normalise + graph of a generated task file (target: under 50 ms/op for
 * 1,000 steps). Run: {@code java -jar benchmarks/target/benchmarks.jar TaskFileBenchmark -wi 3 -i 5 -f 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TaskFileBenchmark {

    /** Number of steps in the generated file. */
    @Param({"1000"})
    public int steps;

    private String text;
    private TaskFiles.Loader loader;
    private String template;
    private TaskFiles.Loader templatingLoader;

    /** Generates the task file once per trial. */
    @Setup
    public void setUp() {
        text = generate(steps);
        loader = TaskFiles.loader().templating(false).build();
        check(loader.load(text, "bench.yaml"));
        template = generateTemplate(steps);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("registry", "registry.azurecr.io");
        values.put("timeout", "300");
        values.put("mode", "ci");
        templatingLoader = TaskFiles.loader()
                .renderContext(RenderContext.builder().values(values).registry("registry.azurecr.io").build())
                .build();
        check(templatingLoader.load(template, "bench.yaml"));
    }

    private void check(LoadResult r) {
        if (r.task() == null || r.task().steps().size() != steps) {
            throw new IllegalStateException("generated task does not load: " + r.problems());
        }
    }

    /**
     * A v1.1.0 template: an alias block, values, run variables, and the steps produced by
     * {@code range} loops (ten literal groups, each looping over a list of 100 names).
     */
    public static String generateTemplate(int n) {
        StringBuilder b = new StringBuilder();
        b.append("version: v1.1.0\nstepTimeout: {{.Values.timeout}}\n");
        b.append("alias:\n  values:\n    golang: mcr.microsoft.com/oss/go/microsoft/golang:1.22\n");
        b.append("env: [MODE={{.Values.mode}}]\nsteps:\n");
        int groups = 10;
        int per = n / groups;
        for (int g = 0; g < groups; g++) {
            b.append("{{- range $i, $n := list");
            for (int i = 0; i < per; i++) {
                b.append(" \"g").append(g).append('s').append(i).append('"');
            }
            b.append(" }}\n");
            b.append("  - id: {{ $n }}\n");
            b.append("    cmd: $golang go test ./pkg/{{ $n }} -run {{ $n | upper }}\n");
            b.append("    env: [STEP={{ $i }}, REG={{ $.Run.Registry }}]\n");
            b.append("    timeout: {{ $.Values.timeout }}\n");
            b.append("    when: [\"-\"]\n");
            b.append("{{- end }}\n");
        }
        return b.toString();
    }

    /**
     * A realistic mix: cmd, build and push steps with ids, dependencies, env, timeouts, retries,
     * ports and volume mounts; task-level env, secrets and volumes.
     */
    public static String generate(int n) {
        StringBuilder b = new StringBuilder(n * 200);
        b.append("version: v1.0.0\nstepTimeout: 900\nworkingDirectory: /workspace/src\n");
        b.append("env:\n  - REGION=westeurope\n  - \"A=1,B=2\"\n");
        b.append("secrets:\n  - id: token\n    keyvault: https://myvault.vault.azure.net/secrets/token\n");
        b.append("volumes:\n  - name: creds\n    secret:\n      token.txt: dGhpcyBpcyBhIHRlc3Q=\n");
        b.append("# generated\nsteps:\n");
        for (int i = 0; i < n; i++) {
            b.append("  # step ").append(i).append('\n');
            switch (i % 3) {
                case 0 -> b.append("  - id: build-").append(i).append('\n')
                        .append("    build: -t registry.azurecr.io/app").append(i).append(":v1 --build-arg N=").append(i)
                        .append(" -f Dockerfile .\n")
                        .append("    cache: disabled\n");
                case 1 -> b.append("  - id: test-").append(i).append('\n')
                        .append("    cmd: registry.azurecr.io/app").append(i - 1).append(":v1 go test ./... -run Test").append(i).append('\n')
                        .append("    env: [STEP=").append(i).append(", MODE=ci]\n")
                        .append("    timeout: 300\n    retries: 2\n    retryDelay: 3\n    retryOnErrors: [\"connection reset\"]\n")
                        .append("    ports: [\"80").append(i % 10).append(":80\"]\n")
                        .append("    volumeMounts:\n      - name: creds\n        mountPath: /run/creds\n")
                        .append("    when: [build-").append(i - 1).append("]\n");
                default -> b.append("  - id: push-").append(i).append('\n')
                        .append("    push:\n      - registry.azurecr.io/app").append(i - 2).append(":v1\n      - registry.azurecr.io/app")
                        .append(i - 2).append('\n')
                        .append("    when: [test-").append(i - 1).append(", build-").append(i - 2).append("]\n")
                        .append("    ignoreErrors: false\n");
            }
        }
        return b.toString();
    }

    /** Full pipeline: comments, version, aliases, Go-template rendering, parse, validate, graph. */
    @Benchmark
    public StepGraph renderParseAndValidate() {
        LoadResult r = templatingLoader.load(template, "bench.yaml");
        return StepGraph.of(r.task());
    }

    /** Parse, validate, apply defaults and build the graph (no templating). */
    @Benchmark
    public StepGraph parseAndValidate() {
        LoadResult r = loader.load(text, "bench.yaml");
        return StepGraph.of(r.task());
    }
}
