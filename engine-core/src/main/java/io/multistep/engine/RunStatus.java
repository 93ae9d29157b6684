package io.multistep.engine;

import org.apiguardian.api.API;

/** How a run ended. */
@API(status = API.Status.MAINTAINED, since = "0.1")
public enum RunStatus {
    /** Every step succeeded (failures of {@code ignoreErrors} steps included). */
    SUCCEEDED,
    /** A step failed, or the run could not be set up. */
    FAILED,
    /** The run was cancelled ({@link RunHandle#cancel()} or an interrupt of the running thread). */
    CANCELLED,
    /** A step's timeout or the run's total timeout expired. */
    TIMED_OUT
}
