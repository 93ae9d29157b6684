package io.multistep.gotemplate.internal.go;

import java.time.ZonedDateTime;
import org.apiguardian.api.API;

/**
 * A Go {@code time.Time} value in templates (what {@code now} and {@code toDate} return).
 *
 * @param time the instant with its zone
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record GoTime(ZonedDateTime time) {

    /** Go's {@code Time.String()}: {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
    @Override
    public String toString() {
        return GoDates.format(time, "2006-01-02 15:04:05.999999999 -0700 MST");
    }
}
