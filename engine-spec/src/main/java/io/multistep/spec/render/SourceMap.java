package io.multistep.spec.render;

import io.multistep.spec.SourceLocation;
import io.multistep.gotemplate.internal.OffsetMap;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Maps every character of a rendered text back to the authored file: text copied from the
 * template maps to its own position, an action's output to the action's {@code {{}, an alias
 * value to its directive character; removed comment lines and the alias block are accounted
 * for.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SourceMap {

    private final String sourceName;
    private final String authored;
    private final String rendered;
    private final List<OffsetMap> chain;
    private int[] authoredLines;
    private int[] renderedLines;

    /**
     * @param sourceName file name for locations
     * @param authored the authored text
     * @param rendered the rendered text
     * @param chain offset maps, first = closest to the authored text, last = closest to the output
     */
    SourceMap(String sourceName, String authored, String rendered, List<OffsetMap> chain) {
        this.sourceName = sourceName;
        this.authored = authored;
        this.rendered = rendered;
        this.chain = List.copyOf(chain);
    }

    /** The rendered text this map describes. */
    public String renderedText() {
        return rendered;
    }

    /** The source name used in locations. */
    public String sourceName() {
        return sourceName;
    }

    /**
     * Where a position of the rendered text came from.
     *
     * @param line 1-based line in the rendered text
     * @param column 1-based column (chars) in the rendered text
     * @return the 1-based location in the authored file
     */
    public SourceLocation locate(int line, int column) {
        if (renderedLines == null) {
            renderedLines = lineStarts(rendered);
        }
        int li = Math.max(1, Math.min(line, renderedLines.length)) - 1;
        int offset = renderedLines[li] + Math.max(0, column - 1);
        return locateOffset(offset);
    }

    /** Where a char offset of the rendered text came from. */
    public SourceLocation locateOffset(int renderedOffset) {
        return authoredLocation(toAuthored(renderedOffset, chain.size()));
    }

    /** Maps an offset in the text produced by stage {@code upTo} (exclusive end of chain) to the authored text. */
    int toAuthored(int offset, int upTo) {
        int o = offset;
        for (int i = upTo - 1; i >= 0; i--) {
            o = chain.get(i).map(o);
        }
        return o;
    }

    /** Location of an authored offset. */
    SourceLocation authoredLocation(int offset) {
        if (authoredLines == null) {
            authoredLines = lineStarts(authored);
        }
        int o = Math.max(0, Math.min(offset, authored.length()));
        int li = java.util.Arrays.binarySearch(authoredLines, o);
        if (li < 0) {
            li = -li - 2;
        }
        return new SourceLocation(sourceName, li + 1, o - authoredLines[li] + 1);
    }

    /** A map extended by further stages. */
    SourceMap then(String newRendered, OffsetMap... more) {
        List<OffsetMap> c = new ArrayList<>(chain);
        c.addAll(List.of(more));
        return new SourceMap(sourceName, authored, newRendered, c);
    }

    private static int[] lineStarts(String s) {
        int n = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        int[] r = new int[n];
        int k = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                r[k++] = i + 1;
            }
        }
        return r;
    }
}
