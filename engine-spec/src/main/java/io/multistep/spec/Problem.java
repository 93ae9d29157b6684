package io.multistep.spec;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One finding about a task file, located in the authored text.
 *
 * <p>The message starts with the reference runner's own text (so tools can match it), followed
 * where useful by what was found or expected, e.g.
 * {@code step ID cannot contain spaces (found "my step")}.
 *
 * @param severity error or warning
 * @param location the authored position of the offending node ({@link SourceLocation#UNKNOWN}'s
 *     file-only form for command-line input)
 * @param message the message
 * @param renderedLine the rendered text of the offending line when it differs from the authored
 *     line (templates changed it), else {@code null}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Problem(Severity severity, SourceLocation location, String message, String renderedLine) {

    /** Checks the arguments. */
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** An error at a location, without a rendered line. */
    public static Problem error(SourceLocation location, String message) {
        return new Problem(Severity.ERROR, location, message, null);
    }

    /** A warning at a location, without a rendered line. */
    public static Problem warning(SourceLocation location, String message) {
        return new Problem(Severity.WARNING, location, message, null);
    }

    /** Whether this is an {@link Severity#ERROR}. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Formats as {@code FILE:LINE:COLUMN: error|warning: message}, the compiler convention. */
    @Override
    public String toString() {
        String where = location.toString();
        return (where.isEmpty() ? "" : where + ": ") + severity.word() + ": " + message;
    }
}
