package io.multistep.spec;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One step of a task: exactly one of a {@link CmdStep}, a {@link BuildStep} or a {@link PushStep}.
 *
 * <p>All kinds share the scheduling options in {@link #schedule()}; the steps that run a container
 * ({@link ContainerStep}) also have {@link ContainerSettings}. The accessors here are shortcuts for
 * the ones every caller needs. Steps are immutable and fully normalised (defaults applied, env
 * merged, dependencies resolved) once a {@link Task} has been loaded.
 */
@API(status = API.Status.STABLE, since = "0.1")
public sealed interface Step permits ContainerStep, PushStep {

    /** When and how often the step runs, normalised. @return the schedule */
    StepSchedule schedule();

    /** Which kind of step this is. @return the kind */
    StepKind kind();

    /**
     * The working directory the step-start line names (a push names one, and uses none).
     *
     * @return the directory as normalised, empty for {@code /workspace}
     */
    String reportedWorkingDirectory();

    /**
     * The network the step-start line names (a push names one, and uses none).
     *
     * @return the network, empty for Docker's default
     */
    String reportedNetwork();

    /** The step id (explicit, or the generated {@code acb_step_<index>}). @return the id */
    default String id() {
        return schedule().id();
    }

    /** Where the step starts in the authored file. @return the location */
    default SourceLocation location() {
        return schedule().location();
    }

    /** The ids of the steps this one waits for; empty means it starts at once. @return the ids */
    default List<String> dependencies() {
        return schedule().dependencies();
    }
}
