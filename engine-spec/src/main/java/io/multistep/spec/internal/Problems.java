package io.multistep.spec.internal;

import io.multistep.spec.Problem;
import io.multistep.spec.Severity;
import io.multistep.spec.SourceLocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects the problems of one load, locating YAML nodes in the authored text. Identical problems
 * (same location and message) are kept once: a bad task-level env item would otherwise be reported
 * once per step.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Problems {

    /** The pseudo-file of problems caused by command-line values. */
    public static final SourceLocation COMMAND_LINE = new SourceLocation("<command line>", 0, 0);

    private final String source;
    private final Locator locator;
    private final boolean strict;
    private final String yamlText;
    private int[] lineStarts;
    private final List<Problem> list = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private boolean errors;

    /**
     * @param source the source name, for problems without a position
     * @param locator maps rendered positions to authored ones
     * @param strict whether warnings are reported as errors
     */
    public Problems(String source, Locator locator, boolean strict) {
        this(source, locator, strict, null);
    }

    /**
     * @param source the source name, for problems without a position
     * @param locator maps rendered positions to authored ones
     * @param strict whether warnings are reported as errors
     * @param yamlText the text the YAML parser reads: SnakeYAML marks are located by their offset
     *     in it, since SnakeYAML (like yaml.v2) also breaks lines at {@code \r}, NEL, LS and PS
     *     while our lines end at {@code \n} only; {@code null} takes a mark's line and column as
     *     they are
     */
    public Problems(String source, Locator locator, boolean strict, String yamlText) {
        this.source = source;
        this.locator = locator;
        this.strict = strict;
        this.yamlText = yamlText;
    }

    /** The source name. */
    public String source() {
        return source;
    }

    /** An error at a node's start. */
    public void error(Node node, String message) {
        add(Severity.ERROR, node == null ? null : node.getStartMark(), message);
    }

    /** A warning (an error in strict mode) at a node's start. */
    public void warning(Node node, String message) {
        add(strict ? Severity.ERROR : Severity.WARNING, node == null ? null : node.getStartMark(), message);
    }

    /** An error at a SnakeYAML mark (0-based). */
    public void error(Mark mark, String message) {
        add(Severity.ERROR, mark, message);
    }

    /** An error at a 1-based rendered position. */
    public void errorAt(int line, int column, String message) {
        Locator.Located l = locator.locate(line, column);
        add(new Problem(Severity.ERROR, l.location(), message, l.renderedLine()));
    }

    /** An error at an already known authored location. */
    public void error(SourceLocation location, String message) {
        add(new Problem(Severity.ERROR, location, message, null));
    }

    private void add(Severity severity, Mark mark, String message) {
        if (mark == null) {
            add(new Problem(severity, new SourceLocation(source, 0, 0), message, null));
            return;
        }
        int[] lc = lineColumn(mark);
        Locator.Located l = locator.locate(lc[0], lc[1]);
        add(new Problem(severity, l.location(), message, l.renderedLine()));
    }

    /** A mark's 1-based line and char column in {@link #yamlText}, whose lines end at {@code \n}. */
    private int[] lineColumn(Mark mark) {
        if (yamlText == null) {
            return new int[] {mark.getLine() + 1, mark.getColumn() + 1};
        }
        if (lineStarts == null) {
            lineStarts = lineStarts(yamlText);
        }
        int offset;
        try {
            offset = yamlText.offsetByCodePoints(0, Math.max(0, mark.getIndex())); // the index counts code points
        } catch (IndexOutOfBoundsException e) {
            offset = yamlText.length();
        }
        int li = Arrays.binarySearch(lineStarts, offset);
        if (li < 0) {
            li = -li - 2;
        }
        return new int[] {li + 1, offset - lineStarts[li] + 1};
    }

    private static int[] lineStarts(String s) {
        int n = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        int[] r = new int[n];
        for (int i = 0, k = 1; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                r[k++] = i + 1;
            }
        }
        return r;
    }

    /** Adds a problem unless an identical one is already there. */
    public void add(Problem p) {
        if (seen.add(p.severity() + "|" + p.location() + "|" + p.message())) {
            list.add(p);
            errors |= p.isError();
        }
    }

    /** Whether an error has been recorded. */
    public boolean hasErrors() {
        return errors;
    }

    /** The problems so far, in the order recorded. */
    public List<Problem> list() {
        return List.copyOf(list);
    }
}
