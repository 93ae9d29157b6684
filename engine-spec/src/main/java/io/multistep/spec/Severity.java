package io.multistep.spec;

import org.apiguardian.api.API;

/** How serious a {@link Problem} is. */
@API(status = API.Status.STABLE, since = "0.1")
public enum Severity {
    /** The task cannot run; the reference would reject it too (or it would hang). */
    ERROR,
    /** Suspicious but accepted by the reference (an unknown key, a duplicate key, ...). */
    WARNING;

    /** The lower-case word used in {@code FILE:LINE:COLUMN: error: message}. */
    public String word() {
        return this == ERROR ? "error" : "warning";
    }
}
