package io.multistep.runner;

import io.multistep.spec.LoadResult;
import io.multistep.spec.Problem;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code multistep validate}: reports every problem of a task file as
 * {@code FILE:LINE:COLUMN: error|warning: message}, at the authored position. It takes every
 * input of {@code exec} that changes the task; secret values given are used and masked.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a task file and reports every problem with its file, line and column.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    TaskFlags task;

    @Option(names = "--strict", description = "Treats warnings (unknown keys, ...) as errors.")
    boolean strict;

    @Option(names = "--print-model", description = "Prints the normalised task as JSON on stdout.")
    boolean printModel;

    @Override
    public Integer call() {
        TaskInputs inputs;
        SecretFlags.Given secrets;
        try {
            inputs = task.inputs();
            task.contextDir();
            secrets = task.secrets.given();
        } catch (IllegalArgumentException | IOException e) {
            System.err.println(e.getMessage());
            return Main.INVALID;
        }
        try (MaskedOutput masked = new MaskedOutput(secrets.masker(), System.out, System.err)) {
            return validate(inputs, secrets, masked.out(), masked.err());
        }
    }

    private int validate(TaskInputs inputs, SecretFlags.Given secrets, PrintStream out, PrintStream err) {
        LoadResult result = inputs.loader(strict, secrets.lookup(true)).load(inputs.text(), inputs.sourceName());
        // Problems go to stdout when they are the answer; with --print-model stdout is the JSON.
        PrintStream problems = printModel ? err : out;
        for (Problem p : result.problems()) {
            problems.println(p);
            if (p.renderedLine() != null) {
                problems.println("    rendered: " + p.renderedLine());
            }
        }
        if (result.hasErrors() || result.task() == null) {
            return Main.INVALID;
        }
        if (printModel) {
            try {
                out.println(Reports.prettyJson().writeValueAsString(ModelJson.of(result.task())));
            } catch (IOException e) {
                err.println(e.getMessage());
                return Main.FAILED;
            }
        } else if (result.problems().isEmpty()) {
            err.println(inputs.sourceName() + ": valid, " + result.task().steps().size() + " step(s)");
        }
        return Main.OK;
    }
}
