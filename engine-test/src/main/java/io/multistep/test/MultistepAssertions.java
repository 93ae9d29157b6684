package io.multistep.test;

import io.multistep.engine.RunResult;
import io.multistep.engine.StepResult;
import org.apiguardian.api.API;

/**
 * AssertJ entry points for run results. Import them next to AssertJ's own:
 *
 * <pre>{@code
 * import static io.multistep.test.MultistepAssertions.assertThat;
 * import static org.assertj.core.api.Assertions.assertThat;   // both may be imported: they overload
 *
 * assertThat(result).succeeded()
 *         .stepsRanInOrder("build", "push")
 *         .step("test").hasExitCode(0).outputContains("PASS");
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MultistepAssertions {

    private MultistepAssertions() {}

    /**
     * Assertions on a run.
     *
     * @param actual the run's result
     * @return the assertions
     */
    public static RunResultAssert assertThat(RunResult actual) {
        return new RunResultAssert(actual);
    }

    /**
     * Assertions on one step.
     *
     * @param actual the step's result
     * @return the assertions
     */
    public static StepResultAssert assertThat(StepResult actual) {
        return new StepResultAssert(actual, null);
    }
}
