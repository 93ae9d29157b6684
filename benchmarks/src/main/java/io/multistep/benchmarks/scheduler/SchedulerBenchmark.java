package io.multistep.benchmarks.scheduler;

import io.multistep.engine.Engine;
import io.multistep.engine.RunOptions;
import io.multistep.engine.RunResult;
import io.multistep.engine.TaskSource;
import io.multistep.engine.spi.ContainerRuntime;
import io.multistep.engine.spi.RunSetup;
import io.multistep.engine.spi.RuntimeSession;
import io.multistep.engine.spi.StepAttempt;
import io.multistep.engine.spi.StepOutcome;
import io.multistep.engine.spi.StepOutput;
import io.multistep.spec.CmdStep;
import io.multistep.spec.Step;
import io.multistep.spec.StepSchedule;
import io.multistep.spec.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scheduler alone (run: {@code java -cp <engine-core test classpath> org.openjdk.jmh.Main SchedulerBenchmark}): whole runs of 1,000-step graphs on a runtime whose attempts return at once,
 * so what is measured is graph bookkeeping, thread hand-off, events and result building.
 * Divide the score by {@link #edges()} (printed at setup) for the time per edge.
 *
 * <ul>
 *   <li>{@code chain}: 1,000 steps each waiting for the previous one (999 edges, no parallelism);</li>
 *   <li>{@code fanout}: one root and 999 steps waiting for it (999 edges, 999 steps at once);</li>
 *   <li>{@code diamond}: a 25 × 40 lattice, each step waiting for its left and upper neighbours
 *       (1,935 edges).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SchedulerBenchmark {

    /** The graph shape. */
    @Param({"chain", "fanout", "diamond"})
    public String shape;

    /** The number of steps. */
    @Param({"1000"})
    public int steps;

    private Engine engine;
    private Task task;
    private int edges;

    /** Builds the task and the engine. */
    @Setup(Level.Trial)
    public void setUp() {
        engine = Engine.builder().runtime(new InstantRuntime()).build();
        task = build(shape, steps);
        edges = task.steps().stream().mapToInt(s -> s.dependencies().size()).sum();
        System.out.println("# " + shape + ": " + steps + " steps, " + edges + " edges");
    }

    /** The number of dependency edges of the graph. @return the count */
    public int edges() {
        return edges;
    }

    /** One whole run. @return the result, so it is not optimised away */
    @Benchmark
    public RunResult run() {
        RunResult result = engine.run(TaskSource.of(task), RunOptions.defaults());
        if (!result.succeeded()) {
            throw new IllegalStateException(result.failureMessage().orElse("failed"));
        }
        return result;
    }

    static Task build(String shape, int n) {
        List<Step> list = new ArrayList<>(n);
        switch (shape) {
            case "chain":
                for (int i = 0; i < n; i++) {
                    list.add(step("s" + i, i == 0 ? List.of() : List.of("s" + (i - 1))));
                }
                break;
            case "fanout":
                list.add(step("root", List.of()));
                for (int i = 1; i < n; i++) {
                    list.add(step("s" + i, List.of("root")));
                }
                break;
            case "diamond":
                int rows = 25;
                int cols = n / rows;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        List<String> deps = new ArrayList<>(2);
                        if (r > 0) {
                            deps.add("s" + (r - 1) + "_" + c);
                        }
                        if (c > 0) {
                            deps.add("s" + r + "_" + (c - 1));
                        }
                        list.add(step("s" + r + "_" + c, deps));
                    }
                }
                break;
            default:
                throw new IllegalArgumentException(shape);
        }
        return new Task("bench.yaml", "v1.1.0", 600, "", List.of(), List.of(), List.of(), List.of(), list,
                Optional.empty());
    }

    private static Step step(String id, List<String> deps) {
        return CmdStep.builder().cmd("alpine true").schedule(StepSchedule.builder().id(id)
                .when(deps.isEmpty() ? List.of("-") : deps).dependencies(deps).build()).build();
    }

    /** A runtime whose every attempt succeeds at once. */
    static final class InstantRuntime implements ContainerRuntime {
        @Override
        public RuntimeSession open(RunSetup setup) {
            return new RuntimeSession() {
                @Override
                public StepOutcome execute(StepAttempt attempt, StepOutput output) {
                    return StepOutcome.exited(0);
                }

                @Override
                public void stop(String stepId) {}

                @Override
                public void close() {}
            };
        }
    }
}
