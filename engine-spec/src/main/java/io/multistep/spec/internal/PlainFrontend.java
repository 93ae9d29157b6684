package io.multistep.spec.internal;

import io.multistep.spec.SourceLocation;
import org.apiguardian.api.API;

/**
 * A frontend without templating: only drops the comment lines (first non-blank character
 * {@code #}), as the reference does before anything else, and keeps the line map. Used when no
 * template rendering is wanted (and as a baseline for tests and benchmarks).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PlainFrontend implements Frontend {

    @Override
    public Rendered render(String authored, String sourceName) {
        String[] lines = authored.split("\n", -1);
        StringBuilder out = new StringBuilder(authored.length());
        int[] map = new int[lines.length + 1];
        int kept = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].stripLeading().startsWith("#")) {
                continue;
            }
            if (kept > 0) {
                out.append('\n');
            }
            out.append(lines[i]);
            map[kept++] = i + 1;
        }
        int count = kept;
        Locator locator = (line, column) -> {
            int authoredLine = line >= 1 && line <= count ? map[line - 1] : Math.max(1, line);
            return new Locator.Located(new SourceLocation(sourceName, authoredLine, column), null);
        };
        return new Rendered(out.toString(), locator, false, null);
    }
}
