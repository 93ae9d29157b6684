package io.multistep.test.internal;

import io.multistep.engine.RunResult;
import io.multistep.engine.StepFailure;
import io.multistep.engine.StepResult;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** Texts for assertion failure messages: a step's status, failure cause and last output lines. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Describe {
    /** How many output lines a failure message shows. */
    public static final int OUTPUT_LINES = 15;

    private Describe() {}

    /**
     * One step in a few lines.
     *
     * @param step the step
     * @return e.g. {@code step test: FAILED (exit code 1), cause: exit status 1 [EXIT_CODE]} and the output
     */
    public static String step(StepResult step) {
        StringBuilder sb = new StringBuilder();
        sb.append("step ").append(step.id()).append(": ").append(step.status());
        step.exitCode().ifPresent(code -> sb.append(" (exit code ").append(code).append(')'));
        if (step.attempts() > 1) {
            sb.append(", ").append(step.attempts()).append(" attempts");
        }
        step.failure().ifPresent(f -> sb.append(", cause: ").append(cause(f)));
        sb.append('\n').append(output(step));
        return sb.toString();
    }

    private static String cause(StepFailure f) {
        return f.message() + " [" + f.reason() + f.runtimeKind().map(k -> " " + k).orElse("") + "]";
    }

    /**
     * The last output lines of a step, indented.
     *
     * @param step the step
     * @return the lines, or a note that there were none
     */
    public static String output(StepResult step) {
        List<String> tail = step.outputTail();
        if (tail.isEmpty()) {
            return "    (no output)";
        }
        List<String> last = tail.subList(Math.max(0, tail.size() - OUTPUT_LINES), tail.size());
        String header = last.size() < tail.size() ? "    last " + last.size() + " output lines:\n" : "    output:\n";
        return header + last.stream().map(l -> "    | " + l).collect(Collectors.joining("\n"));
    }

    /**
     * A run: status, failure message and every step that did not succeed (or every step when all did).
     *
     * @param run the run
     * @return the text
     */
    public static String run(RunResult run) {
        StringBuilder sb = new StringBuilder();
        sb.append("run ").append(run.runId()).append(": ").append(run.status());
        run.failureMessage().ifPresent(m -> sb.append(", ").append(m));
        sb.append('\n');
        List<StepResult> notOk = run.steps().stream().filter(s -> !s.isSuccessful()).toList();
        for (StepResult s : notOk.isEmpty() ? run.steps() : notOk) {
            sb.append("  ").append(step(s).replace("\n", "\n  ")).append('\n');
        }
        return sb.toString();
    }

    /**
     * One line per step: id, status, start and end.
     *
     * @param run the run
     * @return the lines
     */
    public static String timeline(RunResult run) {
        return run.steps().stream()
                .map(s -> "  " + s.id() + ": " + s.status() + s.startedAt().map(t -> ", started " + t).orElse("")
                        + s.endedAt().map(t -> ", ended " + t).orElse(""))
                .collect(Collectors.joining("\n"));
    }
}
