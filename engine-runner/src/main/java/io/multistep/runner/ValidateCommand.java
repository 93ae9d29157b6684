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
 * {@code FILE:LINE:COLUMN: error|warning: message}, at the authored position.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a task file and reports every problem with its file, line and column.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    RenderFlags render;

    @Mixin
    ModelFlags model;

    @Option(names = "--strict", description = "Treats warnings (unknown keys, ...) as errors.")
    boolean strict;

    @Option(names = "--print-model", description = "Prints the normalised task as JSON on stdout.")
    boolean printModel;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        TaskInputs inputs;
        try {
            inputs = TaskInputs.from(render, model, "");
        } catch (IllegalArgumentException | IOException e) {
            System.err.println(e.getMessage());
            return Main.INVALID;
        }
        LoadResult result = inputs.loader(strict).load(inputs.text(), inputs.sourceName());
        // Problems go to stdout when they are the answer; with --print-model stdout is the JSON.
        PrintStream problems = printModel ? System.err : out;
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
                System.err.println(e.getMessage());
                return Main.FAILED;
            }
        } else if (result.problems().isEmpty()) {
            System.err.println(inputs.sourceName() + ": valid, " + result.task().steps().size() + " step(s)");
        }
        return Main.OK;
    }
}
