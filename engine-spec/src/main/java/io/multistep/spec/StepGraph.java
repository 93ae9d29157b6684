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
 * The dependency graph of a loaded task (task-format.md §8): a step starts once all steps in
 * {@link #dependenciesOf} have ended. Built from the dependencies {@link TaskFiles} resolved, so it
 * is acyclic by construction (every edge points forward in file order). Immutable.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class StepGraph {

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
     * Builds the graph of a task.
     *
     * @throws IllegalArgumentException when a dependency names no step of the task (a task from
     *     {@link TaskFiles} never does)
     */
    public static StepGraph of(Task task) {
        Map<String, Step> steps = new LinkedHashMap<>();
        for (Step s : task.steps()) {
            if (steps.putIfAbsent(s.id(), s) != null) {
                throw new IllegalArgumentException("duplicate step id " + s.id());
            }
        }
        Map<String, List<String>> deps = new LinkedHashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        List<String> roots = new ArrayList<>();
        for (Step s : task.steps()) {
            for (String d : s.dependencies()) {
                if (!steps.containsKey(d)) {
                    throw new IllegalArgumentException(d + " does not exist as a vertex [from: " + d + ", to: " + s.id() + "]");
                }
                children.computeIfAbsent(d, k -> new ArrayList<>()).add(s.id());
            }
            deps.put(s.id(), List.copyOf(s.dependencies()));
            if (s.dependencies().isEmpty()) {
                roots.add(s.id());
            }
        }
        Map<String, List<String>> dependents = new LinkedHashMap<>();
        for (String id : steps.keySet()) {
            dependents.put(id, List.copyOf(children.getOrDefault(id, List.of())));
        }
        return new StepGraph(Collections.unmodifiableMap(steps), Collections.unmodifiableMap(deps),
                Collections.unmodifiableMap(dependents), List.copyOf(roots));
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
