package io.multistep.spec;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One step of a task: exactly one of a {@link CmdStep}, a {@link BuildStep} or a {@link PushStep}.
 *
 * <p>All kinds share the common options in {@link #options()}; the accessors here are shortcuts
 * for the ones every caller needs. Steps are immutable and fully normalised (defaults applied,
 * env merged, dependencies resolved) once a {@link Task} has been loaded.
 */
@API(status = API.Status.STABLE, since = "0.1")
public sealed interface Step permits CmdStep, BuildStep, PushStep {

    /** The options every step kind has, normalised. */
    StepOptions options();

    /** Which kind of step this is. */
    StepKind kind();

    /** The step id (explicit, or the generated {@code acb_step_<index>}). */
    default String id() {
        return options().id();
    }

    /** Where the step starts in the authored file. */
    default SourceLocation location() {
        return options().location();
    }

    /** The ids of the steps this one waits for; empty means it starts at once. */
    default List<String> dependencies() {
        return options().dependencies();
    }
}
