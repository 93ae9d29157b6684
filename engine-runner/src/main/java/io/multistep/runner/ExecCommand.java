package io.multistep.runner;

import io.multistep.docker.DockerRuntime;
import io.multistep.engine.Engine;
import io.multistep.engine.RunEvent;
import io.multistep.engine.RunHandle;
import io.multistep.engine.RunListener;
import io.multistep.engine.RunOptions;
import io.multistep.engine.RunResult;
import io.multistep.engine.RunStatus;
import io.multistep.engine.SecretMasker;
import io.multistep.engine.SecretResolvers;
import io.multistep.engine.TaskLoadException;
import io.multistep.engine.TaskSource;
import io.multistep.engine.spi.SecretResolver;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/** {@code multistep exec}: runs a task file, like the reference's {@code acb exec}. */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Runs a task file on the Docker engine (like 'acb exec').")
final class ExecCommand implements Callable<Integer> {

    @Mixin
    TaskFlags task;

    @Option(names = "--credential", paramLabel = "JSON",
            description = "A registry credential as the reference's JSON (repeatable); opaque credentials only.")
    List<String> credentials = new ArrayList<>();

    @Option(names = "--dry-run", description = "Prints the rendered task, the step graph and what each step would do; runs nothing.")
    boolean dryRun;

    @Option(names = "--debug", description = "Logs the engine's and the runtime's debug messages.")
    boolean debug;

    @Option(names = "--max-parallel", paramLabel = "N", description = "At most N steps at once (default: unlimited).")
    int maxParallel;

    @Option(names = "--total-timeout", paramLabel = "SECONDS", description = "A limit for the whole run.")
    Integer totalTimeout;

    @Option(names = "--report", paramLabel = "FILE", description = "Writes a JSON run report.")
    Path report;

    @Option(names = "--junit", paramLabel = "FILE", description = "Writes a JUnit XML report, one test case per step.")
    Path junit;

    @Option(names = "--output", paramLabel = "text|json", description = "text (default) or json: one event per line on stdout.")
    String output = "text";

    @Option(names = "--no-color", description = "No colours, even on a terminal.")
    boolean noColor;

    @Option(names = "--quiet", description = "Does not print the steps' output (the summary still).")
    boolean quiet;

    @Option(names = "--isolated-networks",
            description = "Gives every step's container a network namespace of its own, as the reference does"
                    + " (default: plain steps share one per task network, which starts them faster).")
    boolean isolatedNetworks;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Logging.configure(debug);
        if (!output.equals("text") && !output.equals("json")) {
            err.println("error: --output must be text or json, found '" + output + "'");
            return Main.INVALID;
        }
        TaskInputs inputs;
        try {
            inputs = task.inputs();
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            return Main.INVALID;
        }
        RunOptions.Builder options = inputs.runOptions();
        try {
            for (String c : credentials) {
                options.credential(Credentials.parse(c));
            }
        } catch (IllegalArgumentException e) {
            err.println("error creating registry credentials from given list: " + e.getMessage());
            return Main.INVALID;
        }
        try {
            options.context(task.contextDir());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Main.INVALID;
        }
        if (totalTimeout != null) {
            options.totalTimeout(Duration.ofSeconds(totalTimeout));
        }
        SecretFlags.Given secrets;
        try {
            secrets = task.secrets.given();
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            return Main.INVALID;
        }
        if (dryRun) {
            return DryRun.print(inputs, secrets, out, err);
        }
        List<SecretResolver> secretResolvers = secrets.resolvers();

        boolean json = output.equals("json");
        boolean colour = !noColor && !json && System.console() != null && System.getenv("NO_COLOR") == null;
        try (DockerRuntime runtime = DockerRuntime.builder().shareNetworkNamespaces(!isolatedNetworks).build();
                TextOutput text = json ? null : new TextOutput(out, err, colour, quiet, Duration.ofSeconds(30))) {
            RunListener listener = json ? new JsonEventOutput(out) : text;
            AtomicReference<SecretMasker> masker = new AtomicReference<>(SecretMasker.none());
            RunListener maskerOfRun = new RunListener() {
                @Override
                public void runStarted(RunEvent.RunStarted e) {
                    masker.set(e.masker());
                }
            };
            Engine.Builder builder = Engine.builder().runtime(runtime).listener(maskerOfRun).listener(listener);
            secretResolvers.forEach(builder::secretResolver);
            Engine engine = builder
                    .imageAliases(inputs.imageAliases())
                    .maxParallelSteps(maxParallel)
                    .build();
            // Handle the signals before the run starts: a signal between the start and the handlers
            // would take the JVM's default path (exit 130 at once) and leave the run's resources behind.
            AtomicBoolean interrupted = new AtomicBoolean();
            AtomicReference<RunHandle> running = new AtomicReference<>();
            Signal.handle(new Signal("INT"), s -> cancel(running, interrupted, err));
            Signal.handle(new Signal("TERM"), s -> cancel(running, interrupted, err));
            if (interrupted.get()) {
                return Main.CANCELLED; // nothing started yet
            }
            RunHandle handle = engine.start(inputs.source(), options.build());
            running.set(handle);
            if (interrupted.get()) {
                handle.cancel(); // the signal came while the run was starting
            }
            RunResult result;
            try {
                result = handle.result().get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof TaskLoadException tle) {
                    tle.problems().forEach(err::println);
                    if (tle.problems().isEmpty()) {
                        err.println(tle.getMessage());
                    }
                    return Main.INVALID;
                }
                err.println("error: " + cause.getMessage());
                return Main.FAILED;
            } catch (InterruptedException e) {
                handle.cancel();
                Thread.currentThread().interrupt();
                return Main.CANCELLED;
            }
            writeReports(result, masker.get(), err);
            if (result.status() == RunStatus.CANCELLED || interrupted.get()) {
                return Main.CANCELLED;
            }
            if (!result.succeeded()) {
                err.println(result.failureMessage().orElse("run failed"));
                return Main.FAILED;
            }
            return Main.OK;
        }
    }

    private static void cancel(AtomicReference<RunHandle> running, AtomicBoolean interrupted, PrintStream err) {
        if (interrupted.compareAndSet(false, true)) {
            RunHandle handle = running.get();
            err.println("Cancelling run" + (handle == null ? "" : " " + handle.runId())
                    + ": stopping steps and removing their resources...");
            if (handle != null) {
                handle.cancel();
            }
        }
    }

    private void writeReports(RunResult result, SecretMasker masker, PrintStream err) {
        try {
            if (report != null) {
                Reports.writeRunReport(result, masker, report);
            }
            if (junit != null) {
                Reports.writeJunit(result, task.name.isEmpty() ? "multistep" : task.name, masker, junit);
            }
        } catch (IOException e) {
            err.println("error: cannot write a report: " + e.getMessage());
        }
    }

    static String[] splitPair(String pair, String flag, String form) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(flag + " expects " + form + ", found '" + pair + "'");
        }
        return new String[] {pair.substring(0, eq), pair.substring(eq + 1)};
    }
}
