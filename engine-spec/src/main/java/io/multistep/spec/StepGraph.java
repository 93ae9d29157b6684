package io.multistep.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apiguardian.api.API;

/**
 * The dependency graph of a task (task-format.md §8): a step starts once all steps in
 * {@link #dependenciesOf} have ended. The one home of the graph rules and their messages (ids are
 * unique, dependencies name steps of the task, a dependency is listed once, no cycles): validation
 * words its graph errors with {@link Problem}, and the scheduler builds its nodes from this graph.
 * A task from {@link TaskFiles} always forms one (every edge points forward in file order); a
 * task built by hand is checked by {@link #of}. Immutable.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class StepGraph {

    /** A reason why the steps of a task do not form a graph, worded as the reference words it. */
    public sealed interface Problem {
        /** The reference's message (without the hints validation adds from the file). */
        String message();

        /** Two steps have the same id. @param id the id */
        record DuplicateId(String id) implements Problem {
            @Override
            public String message() {
                return id + " already exists as a vertex";
            }
        }

        /** A dependency names no step. @param dependency the unknown id @param stepId the step that names it */
        record UnknownDependency(String dependency, String stepId) implements Problem {
            @Override
            public String message() {
                return dependency + " does not exist as a vertex [from: " + dependency + ", to: " + stepId + "]";
            }
        }

        /**
         * A {@code when} lists a dependency twice (the reference never starts such a step; a task built
         * by hand has its duplicates dropped instead). @param dependency the id @param stepId the step
         */
        record ListedTwice(String dependency, String stepId) implements Problem {
            @Override
            public String message() {
                return "dependency " + dependency + " is listed twice in when of step " + stepId
                        + " (the reference would never start this step)";
            }
        }

        /** Some steps can never start: they wait for each other. @param ids those steps, in task order */
        record Cycle(List<String> ids) implements Problem {
            /** Freezes the list. */
            public Cycle {
                ids = List.copyOf(ids);
            }

            @Override
            public String message() {
                return "the step dependencies form a cycle among: " + String.join(", ", ids);
            }
        }
    }

    /** Thrown by {@link #of} for steps that do not form a graph; the message is the problem's. */
    public static final class InvalidGraphException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** The problem. */
        private final transient Problem problem;

        /** @param problem what is wrong */
        public InvalidGraphException(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        /** What is wrong. */
        public Problem problem() {
            return problem;
        }
    }

    private final Map<String, Step> steps;
    private final Map<String, List<String>> dependencies;
    private final Map<String, List<String>> dependents;
    private final List<String> roots;

    private StepGraph(Map<String, Step> steps, Map<String, List<String>> dependencies,
            Map<String, List<String>> dependents, List<String> roots) {
        this.steps = steps;
        this.dependencies = dependencies;
        this.dependents = dependents;
        this.roots = roots;
    }

    /**
     * Builds and checks the graph of a task: first every id, then every dependency in task order,
     * then reachability (Kahn's algorithm). A dependency listed twice counts once.
     *
     * @throws InvalidGraphException for the first problem found (a task from {@link TaskFiles} has none)
     */
    public static StepGraph of(Task task) {
        Map<String, Step> steps = new LinkedHashMap<>();
        for (Step s : task.steps()) {
            if (steps.putIfAbsent(s.id(), s) != null) {
                throw new InvalidGraphException(new Problem.DuplicateId(s.id()));
            }
        }
        Map<String, List<String>> deps = new LinkedHashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        List<String> roots = new ArrayList<>();
        for (Step s : task.steps()) {
            // Distinct: the reference hangs on a duplicated dependency (task-format.md §8); we do not.
            List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(s.dependencies()));
            for (String d : distinct) {
                if (!steps.containsKey(d)) {
                    throw new InvalidGraphException(new Problem.UnknownDependency(d, s.id()));
                }
                children.computeIfAbsent(d, k -> new ArrayList<>()).add(s.id());
            }
            deps.put(s.id(), distinct);
            if (distinct.isEmpty()) {
                roots.add(s.id());
            }
        }
        Map<String, List<String>> dependents = new LinkedHashMap<>();
        for (String id : steps.keySet()) {
            dependents.put(id, List.copyOf(children.getOrDefault(id, List.of())));
        }
        StepGraph graph = new StepGraph(Collections.unmodifiableMap(steps), Collections.unmodifiableMap(deps),
                Collections.unmodifiableMap(dependents), List.copyOf(roots));
        graph.checkReachable();
        return graph;
    }

    /** Kahn's algorithm: every step must be reached in a topological order. */
    private void checkReachable() {
        Map<String, Integer> waiting = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        dependencies.forEach((id, d) -> waiting.put(id, d.size()));
        queue.addAll(roots);
        int seen = 0;
        while (!queue.isEmpty()) {
            String id = queue.poll();
            seen++;
            for (String c : dependents.get(id)) {
                if (waiting.merge(c, -1, Integer::sum) == 0) {
                    queue.add(c);
                }
            }
        }
        if (seen != steps.size()) {
            List<String> stuck = steps.keySet().stream().filter(id -> waiting.get(id) > 0).toList();
            throw new InvalidGraphException(new Problem.Cycle(stuck));
        }
    }

    /** The steps that start at once (no dependencies), in file order. */
    public List<String> roots() {
        return roots;
    }

    /** The step ids in file order. */
    public List<String> ids() {
        return List.copyOf(steps.keySet());
    }

    /** The step with this id. @throws NoSuchElementException for an unknown id */
    public Step step(String id) {
        Step s = steps.get(id);
        if (s == null) {
            throw new NoSuchElementException("no step " + id);
        }
        return s;
    }

    /** The steps {@code id} waits for, in {@code when} order. @throws NoSuchElementException for an unknown id */
    public List<String> dependenciesOf(String id) {
        return get(dependencies, id);
    }

    /** The steps waiting for {@code id}, in file order. @throws NoSuchElementException for an unknown id */
    public List<String> dependentsOf(String id) {
        return get(dependents, id);
    }

    private static List<String> get(Map<String, List<String>> map, String id) {
        List<String> l = map.get(id);
        if (l == null) {
            throw new NoSuchElementException("no step " + id);
        }
        return l;
    }

    /**
     * A topological order (Kahn's algorithm, ties broken by file order): every step comes after all
     * its dependencies.
     */
    public List<String> topologicalOrder() {
        Map<String, Integer> inDegree = new HashMap<>();
        dependencies.forEach((id, d) -> inDegree.put(id, d.size()));
        List<String> order = new ArrayList<>(steps.size());
        Map<String, Integer> position = new HashMap<>();
        int p = 0;
        for (String id : steps.keySet()) {
            position.put(id, p++);
        }
        java.util.PriorityQueue<String> ready = new java.util.PriorityQueue<>((a, b) -> position.get(a) - position.get(b));
        ready.addAll(roots);
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String c : dependents.get(id)) {
                if (inDegree.merge(c, -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
        return List.copyOf(order);
    }

    /** The ids of all steps {@code id} transitively depends on. */
    public List<String> ancestorsOf(String id) {
        List<String> out = new ArrayList<>();
        Deque<String> todo = new ArrayDeque<>(dependenciesOf(id));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String d = todo.pop();
            if (seen.add(d)) {
                out.add(d);
                todo.addAll(dependencies.get(d));
            }
        }
        return out;
    }
}
