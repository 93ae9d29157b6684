package io.multistep.test;

import io.multistep.engine.RunResult;
import io.multistep.engine.RunStatus;
import io.multistep.engine.StepResult;
import io.multistep.engine.StepStatus;
import io.multistep.engine.spi.ImageRecord;
import io.multistep.test.internal.Describe;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link RunResult}; get one with {@link MultistepAssertions#assertThat(RunResult)}.
 * Failure messages show the status, failure cause and last output lines of the steps concerned.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RunResultAssert extends AbstractAssert<RunResultAssert, RunResult> {

    RunResultAssert(RunResult actual) {
        super(actual, RunResultAssert.class);
    }

    /** Checks the run succeeded. @return this */
    public RunResultAssert succeeded() {
        isNotNull();
        if (actual.status() != RunStatus.SUCCEEDED) {
            fail("Expected the run to succeed, but it did not:%n" + Describe.run(actual));
        }
        return this;
    }

    /** Checks the run did not succeed (it failed, timed out or was cancelled). @return this */
    public RunResultAssert failed() {
        isNotNull();
        if (actual.status() == RunStatus.SUCCEEDED) {
            fail("Expected the run not to succeed, but it did:%n" + Describe.run(actual));
        }
        return this;
    }

    /** Checks how the run ended. @param expected the status @return this */
    public RunResultAssert hasStatus(RunStatus expected) {
        isNotNull();
        if (actual.status() != expected) {
            fail("Expected the run to end " + expected + ", but it ended:%n" + Describe.run(actual));
        }
        return this;
    }

    /** Checks the run's failure message contains a text. @param text the text @return this */
    public RunResultAssert hasFailureMessageContaining(String text) {
        isNotNull();
        Optional<String> message = actual.failureMessage();
        if (message.isEmpty() || !message.get().contains(text)) {
            fail("Expected the run's failure message to contain \"" + text + "\", but it is "
                    + message.map(m -> "\"" + m + "\"").orElse("empty") + ":%n" + Describe.run(actual));
        }
        return this;
    }

    /** Checks the task's step ids, in file order. @param ids the ids @return this */
    public RunResultAssert hasStepIds(String... ids) {
        isNotNull();
        List<String> actualIds = actual.steps().stream().map(StepResult::id).toList();
        if (!actualIds.equals(List.of(ids))) {
            fail("Expected the steps " + List.of(ids) + " but the run has " + actualIds);
        }
        return this;
    }

    /**
     * Switches to assertions on one step.
     *
     * @param id the step id
     * @return the step's assertions ({@link StepResultAssert#run()} comes back here)
     */
    public StepResultAssert step(String id) {
        return new StepResultAssert(requireStep(id), this);
    }

    /** Checks a step was skipped (a dependency failed, or the run ended first). @param id the step id @return this */
    public RunResultAssert wasSkipped(String id) {
        StepResult step = requireStep(id);
        if (step.status() != StepStatus.SKIPPED) {
            fail("Expected step " + id + " to be skipped, but it ran:%n" + Describe.step(step));
        }
        return this;
    }

    /**
     * Checks steps ran one after the other in this order: each ended before (or when) the next started.
     *
     * @param ids the step ids
     * @return this
     */
    public RunResultAssert stepsRanInOrder(String... ids) {
        isNotNull();
        StepResult previous = null;
        for (String id : ids) {
            StepResult step = requireStarted(id);
            if (previous != null) {
                Instant end = previous.endedAt().orElseThrow();
                Instant start = step.startedAt().orElseThrow();
                if (end.isAfter(start)) {
                    fail("Expected the steps to run in the order " + List.of(ids) + ", but " + id + " started at "
                            + start + " before " + previous.id() + " ended at " + end + ":%n" + Describe.timeline(actual));
                }
            }
            previous = step;
        }
        return this;
    }

    /**
     * Checks two steps ran at the same time for a while: each started before the other ended.
     *
     * @param first a step id
     * @param second another step id
     * @return this
     */
    public RunResultAssert stepsOverlapped(String first, String second) {
        isNotNull();
        StepResult a = requireStarted(first);
        StepResult b = requireStarted(second);
        boolean overlap = a.startedAt().orElseThrow().isBefore(b.endedAt().orElseThrow())
                && b.startedAt().orElseThrow().isBefore(a.endedAt().orElseThrow());
        if (!overlap) {
            fail("Expected steps " + first + " and " + second + " to overlap in time, but they did not:%n"
                    + Describe.timeline(actual));
        }
        return this;
    }

    /**
     * Checks the run pushed an image whose reference starts with a prefix.
     *
     * @param referencePrefix for example {@code 127.0.0.1:5000/app} or {@code 127.0.0.1:5000/app:v1}
     * @return this
     */
    public RunResultAssert pushed(String referencePrefix) {
        isNotNull();
        List<ImageRecord> images = actual.images();
        boolean found = images.stream().anyMatch(i -> i.pushed() && i.reference().startsWith(referencePrefix));
        if (!found) {
            String pushed = images.stream().filter(ImageRecord::pushed).map(ImageRecord::reference)
                    .collect(Collectors.joining(", "));
            fail("Expected the run to push an image starting with \"" + referencePrefix + "\", but it pushed "
                    + (pushed.isEmpty() ? "none" : "[" + pushed + "]") + ":%n" + Describe.run(actual));
        }
        return this;
    }

    private StepResult requireStep(String id) {
        isNotNull();
        for (StepResult s : actual.steps()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        fail("Expected a step with ID " + id + ", but the run's steps are "
                + actual.steps().stream().map(StepResult::id).toList());
        throw new AssertionError("unreachable");
    }

    private StepResult requireStarted(String id) {
        StepResult step = requireStep(id);
        if (step.startedAt().isEmpty() || step.endedAt().isEmpty()) {
            fail("Expected step " + id + " to have run, but it did not start:%n" + Describe.step(step));
        }
        return step;
    }

    /** Fails with a text that may contain output lines: {@code %n} is the only format in {@code template}. */
    private void fail(String template) {
        String[] parts = template.split("%n", -1);
        failWithMessage("%s", String.join(System.lineSeparator(), parts));
    }
}
