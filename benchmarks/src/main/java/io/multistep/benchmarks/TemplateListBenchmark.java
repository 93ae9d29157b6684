package io.multistep.benchmarks;

import io.multistep.spec.LoadResult;
import io.multistep.spec.TaskFiles;
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
 * A template that grows a list one element at a time in a {@code range} loop, with {@code append},
 * {@code prepend} or {@code concat}: loading it should take time linear in the number of calls.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar TemplateListBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class TemplateListBenchmark {

    /** How many times the loop calls the function. */
    @Param({"10000", "100000"})
    public int calls;

    /** The list function the loop calls. */
    @Param({"append", "prepend", "concat"})
    public String function;

    private String template;
    private TaskFiles.Loader loader;

    /** Generates the template once per trial. */
    @Setup
    public void setUp() {
        template = generate(function, calls);
        loader = TaskFiles.loader().build();
        check(loader.load(template, "lists.yaml"));
    }

    /** A task whose only step echoes the length of a list grown {@code n} times by {@code function}. */
    public static String generate(String function, int n) {
        String grow = switch (function) {
            case "append" -> "append $l .";
            case "prepend" -> "prepend $l .";
            case "concat" -> "concat $l (list .)";
            default -> throw new IllegalArgumentException(function);
        };
        return "version: v1.1.0\n{{ $l := list }}{{ range until " + n + " }}{{ $l = " + grow + " }}{{ end }}\n"
                + "steps:\n  - cmd: bash echo {{ len $l }} {{ index $l 0 }}\n";
    }

    private void check(LoadResult r) {
        if (r.hasErrors() || !r.renderedText().contains("echo " + calls + " ")) {
            throw new IllegalStateException("template does not render: " + r.problems());
        }
    }

    /** Renders, parses and validates the template. */
    @Benchmark
    public LoadResult load() {
        return loader.load(template, "lists.yaml");
    }
}
