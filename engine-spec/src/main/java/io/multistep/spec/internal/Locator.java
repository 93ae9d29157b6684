package io.multistep.spec.internal;

import io.multistep.spec.SourceLocation;
import org.apiguardian.api.API;

/** Maps a 1-based position in the rendered text to the authored text. */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface Locator {

    /**
     * Where a rendered position came from.
     *
     * @param location the authored position
     * @param renderedLine the rendered line text when it differs from the authored line, else {@code null}
     */
    record Located(SourceLocation location, String renderedLine) {}

    /** Locates a 1-based rendered line and column. */
    Located locate(int line, int column);

    /** The identity map: the rendered text is the authored text. */
    static Locator identity(String source) {
        return (line, column) -> new Located(new SourceLocation(source, line, column), null);
    }
}
