package io.multistep.examples.embedding;

import io.multistep.docker.DockerRuntime;
import io.multistep.engine.Engine;
import io.multistep.engine.RunEvent;
import io.multistep.engine.RunListener;
import io.multistep.engine.RunOptions;
import io.multistep.engine.RunResult;
import io.multistep.engine.StepResult;
import io.multistep.engine.TaskSource;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Embeds the engine in a Java program: runs {@code examples/embedding/acb.yaml} on the local Docker
 * engine and prints one progress line when each step starts and one when it ends.
 *
 * <pre>
 * java -cp ... io.multistep.examples.embedding.EmbeddingExample [folder with acb.yaml]
 * </pre>
 *
 * Exits 0 when the run succeeded, 1 otherwise.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {}

    /**
     * Runs the example.
     *
     * @param args an optional folder holding {@code acb.yaml} (default {@code examples/embedding})
     */
    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "examples/embedding");
        System.exit(run(folder, Optional.empty(), System.out));
    }

    /**
     * Runs {@code acb.yaml} of a folder, with the folder as the run's context, printing progress.
     *
     * @param folder the folder
     * @param runId a fixed run id, or empty for a generated one
     * @param out where progress goes
     * @return the exit code: 0 when the run succeeded
     */
    public static int run(Path folder, Optional<String> runId, PrintStream out) {
        if (!Files.isRegularFile(folder.resolve("acb.yaml"))) {
            out.println("no acb.yaml in " + folder.toAbsolutePath());
            return 2;
        }
        // tag::engine[]
        // One runtime and one engine serve any number of runs; close the runtime when done.
        try (DockerRuntime docker = DockerRuntime.builder().build()) {
            Engine engine = Engine.builder()
                    .runtime(docker)
                    .build();
            // end::engine[]

            // tag::listener[]
            // Events of one run arrive one at a time, in order: no locking needed here.
            RunListener progress = new RunListener() {
                @Override
                public void stepStarted(RunEvent.StepStarted event) {
                    out.println("[progress] " + event.stepId() + " started");
                }

                @Override
                public void stepFinished(RunEvent.StepFinished event) {
                    StepResult step = event.result();
                    out.printf(Locale.ROOT, "[progress] %s %s in %.1f s%s%n", step.id(),
                            step.status().name().toLowerCase(Locale.ROOT), step.duration().toMillis() / 1000.0,
                            step.exitCode().isPresent() ? " (exit " + step.exitCode().getAsInt() + ")" : "");
                }
            };
            // end::listener[]

            // tag::run[]
            RunOptions.Builder options = RunOptions.builder()
                    .context(folder)          // seen by every step as /workspace
                    .listener(progress);      // this run's listener
            runId.ifPresent(options::runId);

            RunResult result = engine.run(TaskSource.file(folder.resolve("acb.yaml")), options.build());

            out.println("[progress] run " + result.runId() + " " + result.status().name().toLowerCase(Locale.ROOT)
                    + result.failureMessage().map(m -> ": " + m).orElse(""));
            for (StepResult step : result.steps()) {
                step.outputTail().forEach(line -> out.println("  " + step.id() + " | " + line));
            }
            return result.succeeded() ? 0 : 1;
            // end::run[]
        }
    }
}
