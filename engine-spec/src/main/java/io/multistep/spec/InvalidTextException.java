package io.multistep.spec;

import java.io.IOException;
import org.apiguardian.api.API;

/**
 * A file that is not the UTF-8 text YAML reads: {@code FILE:LINE:COLUMN: yaml: <problem> (expected
 * valid UTF-8 text, found <what>)}, the problem in yaml.v2's words (e.g. {@code invalid leading UTF-8
 * octet}, {@code control characters are not allowed}).
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class InvalidTextException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;
    private final String problem;

    /**
     * A bad file.
     *
     * @param location where the first bad byte is
     * @param problem yaml.v2's words for it
     * @param found what was found there, e.g. {@code byte 0xFF} or {@code U+0000}
     */
    public InvalidTextException(SourceLocation location, String problem, String found) {
        super(location + ": yaml: " + problem + " (expected valid UTF-8 text, found " + found + ")");
        this.location = location;
        this.problem = "yaml: " + problem + " (expected valid UTF-8 text, found " + found + ")";
    }

    /** Where the first bad byte is. */
    public SourceLocation location() {
        return location;
    }

    /** The message without the location. */
    public String problem() {
        return problem;
    }
}
