package io.multistep.engine;

import org.apiguardian.api.API;

/** How a step ended. */
@API(status = API.Status.MAINTAINED, since = "0.1")
public enum StepStatus {
    /** The step succeeded (or, when detached, its container started). */
    SUCCEEDED,
    /**
     * The step failed but has {@code ignoreErrors: true}: the failure was logged and the step
     * counted as successful for its dependents, as in the reference.
     */
    FAILURE_IGNORED,
    /** The step failed (non-zero exit, runtime failure); this failed the run. */
    FAILED,
    /** The step's own {@code timeout} expired, or the run's total timeout expired while it ran. */
    TIMED_OUT,
    /** The step was running when the run was cancelled or another step failed; it was stopped. */
    CANCELLED,
    /** The step never started: a dependency failed, or the run ended before its turn. */
    SKIPPED;

    /** Whether dependents of a step with this status may run. @return {@code true} for success and ignored failure */
    public boolean isSuccessful() {
        return this == SUCCEEDED || this == FAILURE_IGNORED;
    }

    /** The word the reference's summary uses: {@code successful}, {@code failed} or {@code skipped}. @return the word */
    public String referenceWord() {
        switch (this) {
            case SUCCEEDED:
            case FAILURE_IGNORED:
                return "successful";
            case SKIPPED:
                return "skipped";
            default:
                return "failed";
        }
    }
}
