package io.multistep.spec;

import static io.multistep.spec.Fixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@code when} and the dependency graph (task-format.md §8). */
class StepGraphTest {

    @Test
    void verifiedExampleEdges() {
        Task t = ok("steps:\n  - build: .\n  - cmd: a\n  - push: [x]\n  - cmd: az\n    when: [\"-\"]\n");
        StepGraph g = StepGraph.of(t);
        assertThat(g.roots()).containsExactly("acb_step_0", "acb_step_3");
        assertThat(g.dependenciesOf("acb_step_1")).containsExactly("acb_step_0");
        assertThat(g.dependenciesOf("acb_step_2")).containsExactly("acb_step_1");
        assertThat(g.dependenciesOf("acb_step_3")).isEmpty();
        assertThat(g.dependentsOf("acb_step_0")).containsExactly("acb_step_1");
    }

    @Test
    void absentWhenFollowsThePreviousStepWhateverItsOwnWhen() {
        Task t = ok("steps:\n  - {id: a, cmd: x}\n  - {id: b, cmd: x, when: [\"-\"]}\n  - {id: c, cmd: x}\n");
        assertThat(t.step("c").orElseThrow().dependencies()).containsExactly("b");
    }

    @Test
    void emptyWhenListMeansAfterThePreviousStep() {
        Task t = ok("steps:\n  - {id: a, cmd: x}\n  - {id: b, cmd: x, when: []}\n");
        assertThat(t.step("b").orElseThrow().dependencies()).containsExactly("a");
    }

    @Test
    void fanOutAndFanIn() {
        Task t = ok("steps:\n  - {id: a, cmd: x}\n  - {id: b, cmd: x, when: [a]}\n  - {id: c, cmd: x, when: [a]}\n  - {id: d, cmd: x, when: [c, b]}\n");
        StepGraph g = StepGraph.of(t);
        assertThat(g.dependentsOf("a")).containsExactly("b", "c");
        assertThat(g.dependenciesOf("d")).containsExactly("c", "b");
        assertThat(g.topologicalOrder()).containsExactly("a", "b", "c", "d");
        assertThat(g.ancestorsOf("d")).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void whenIsKeptAsWritten() {
        Task t = ok("steps:\n  - {id: a, cmd: x, when: [\"-\"]}\n");
        assertThat(t.steps().get(0).schedule().when()).containsExactly("-");
        assertThat(t.steps().get(0).dependencies()).isEmpty();
    }

    @Test
    void graphIsImmutableAndRejectsUnknownIds() {
        StepGraph g = StepGraph.of(ok("steps:\n  - cmd: x\n"));
        assertThatThrownBy(() -> g.roots().add("y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> g.dependenciesOf("nope")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void emptyTaskHasAnEmptyGraph() {
        StepGraph g = StepGraph.of(ok(""));
        assertThat(g.roots()).isEmpty();
        assertThat(g.topologicalOrder()).isEmpty();
    }

    private static Step step(String id, String... deps) {
        return CmdStep.builder().cmd("alpine")
                .schedule(StepSchedule.builder().id(id).dependencies(java.util.List.of(deps)).build()).build();
    }

    private static Task handBuilt(Step... steps) {
        return new Task("t", "v1.1.0", 600, "", java.util.List.of(), java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(steps), java.util.Optional.empty());
    }

    @Test
    void aHandBuiltCycleIsAProblemNamingTheStuckSteps() {
        assertThatThrownBy(() -> handBuilt(step("a", "b"), step("b", "a"), step("c")).graph())
                .isInstanceOf(StepGraph.InvalidGraphException.class)
                .hasMessage("the step dependencies form a cycle among: a, b")
                .extracting(e -> ((StepGraph.InvalidGraphException) e).problem())
                .isEqualTo(new StepGraph.Problem.Cycle(java.util.List.of("a", "b")));
    }

    @Test
    void duplicateIdsAndUnknownDependenciesAreProblemsWithTheReferenceWording() {
        assertThatThrownBy(() -> StepGraph.of(handBuilt(step("a"), step("a"))))
                .hasMessage("a already exists as a vertex");
        assertThatThrownBy(() -> StepGraph.of(handBuilt(step("a", "zz"))))
                .hasMessage("zz does not exist as a vertex [from: zz, to: a]");
        assertThat(new StepGraph.Problem.ListedTwice("a", "b").message())
                .isEqualTo("dependency a is listed twice in when of step b (the reference would never start this step)");
    }

    @Test
    void aDependencyListedTwiceByHandCountsOnce() {
        StepGraph g = handBuilt(step("a"), step("b", "a", "a")).graph();
        assertThat(g.dependenciesOf("b")).containsExactly("a");
        assertThat(g.dependentsOf("a")).containsExactly("b");
    }
}
