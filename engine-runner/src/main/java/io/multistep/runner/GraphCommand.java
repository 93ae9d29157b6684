package io.multistep.runner;

import io.multistep.spec.LoadResult;
import io.multistep.spec.Problem;
import io.multistep.spec.Step;
import io.multistep.spec.StepGraph;
import io.multistep.spec.Task;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code multistep graph}: the step graph as an indented tree, or as Mermaid or Graphviz dot. It
 * takes every input of {@code exec} that changes the task; secret values given are masked.
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Prints the step graph as a tree (default), Mermaid or Graphviz dot.")
final class GraphCommand implements Callable<Integer> {

    @Mixin
    TaskFlags task;

    @Option(names = "--format", paramLabel = "text|mermaid|dot", description = "The output format (default: text).")
    String format = "text";

    @Override
    public Integer call() {
        if (!List.of("text", "mermaid", "dot").contains(format)) {
            System.err.println("error: --format must be text, mermaid or dot, found '" + format + "'");
            return Main.INVALID;
        }
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
            LoadResult result = inputs.loader(false, secrets.lookup(true)).load(inputs.text(), inputs.sourceName());
            if (result.hasErrors() || result.task() == null) {
                result.problems().stream().map(Problem::toString).forEach(masked.err()::println);
                return Main.INVALID;
            }
            masked.out().print(render(result.task(), format));
            return Main.OK;
        }
    }

    /** Renders the graph of a task in a format. */
    static String render(Task task, String format) {
        StepGraph graph = StepGraph.of(task);
        StringBuilder out = new StringBuilder();
        switch (format) {
            case "mermaid" -> {
                out.append("graph TD\n");
                for (Step s : task.steps()) {
                    out.append("  ").append(node(s.id())).append("[\"").append(s.id()).append(" (")
                            .append(s.kind().key()).append(")\"]\n");
                }
                for (Step s : task.steps()) {
                    for (String dep : graph.dependenciesOf(s.id())) {
                        out.append("  ").append(node(dep)).append(" --> ").append(node(s.id())).append('\n');
                    }
                }
            }
            case "dot" -> {
                out.append("digraph steps {\n  rankdir=TB;\n");
                for (Step s : task.steps()) {
                    out.append("  \"").append(s.id()).append("\" [label=\"").append(s.id()).append("\\n")
                            .append(s.kind().key()).append("\"];\n");
                }
                for (Step s : task.steps()) {
                    for (String dep : graph.dependenciesOf(s.id())) {
                        out.append("  \"").append(dep).append("\" -> \"").append(s.id()).append("\";\n");
                    }
                }
                out.append("}\n");
            }
            default -> {
                Set<String> printed = new HashSet<>();
                for (String root : graph.roots()) {
                    tree(graph, root, printed, out);
                }
            }
        }
        return out.toString();
    }

    /** The deepest level the text tree indents; deeper steps name their depth instead. */
    static final int MAX_INDENT = 64;

    /** One step to print at a depth (an explicit stack: a chain of steps is as deep as it is long). */
    private record Visit(String id, int depth) {}

    private static void tree(StepGraph graph, String root, Set<String> printed, StringBuilder out) {
        Deque<Visit> todo = new ArrayDeque<>();
        todo.push(new Visit(root, 0));
        while (!todo.isEmpty()) {
            Visit v = todo.pop();
            Step step = graph.step(v.id());
            List<String> deps = graph.dependenciesOf(v.id());
            // Indenting every level would make a long chain's tree quadratic in size.
            out.append("  ".repeat(Math.min(v.depth(), MAX_INDENT)));
            if (v.depth() > MAX_INDENT) {
                out.append("[depth ").append(v.depth()).append("] ");
            }
            out.append(v.id()).append(" (").append(step.kind().key()).append(')');
            if (deps.size() > 1) {
                out.append(" after ").append(String.join(", ", deps));
            }
            if (!printed.add(v.id())) {
                out.append(" ^\n"); // already shown with its dependents above
                continue;
            }
            out.append('\n');
            List<String> children = graph.dependentsOf(v.id());
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(new Visit(children.get(i), v.depth() + 1));
            }
        }
    }

    private static String node(String id) {
        return "s_" + id.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
