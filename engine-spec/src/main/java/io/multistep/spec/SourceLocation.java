package io.multistep.spec;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A position in an authored task file (or in another named text, such as a values file).
 *
 * <p>Lines and columns are 1-based, as editors show them. {@link #UNKNOWN} stands for a position
 * that cannot be determined (for example a problem about the file as a whole).
 *
 * @param file the source name: the path as given, {@code decoded} for base64 input, or another name
 * @param line 1-based line number, or 0 when unknown
 * @param column 1-based column number, or 0 when unknown
 */
@API(status = API.Status.STABLE, since = "0.1")
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    /** A location that says nothing beyond "somewhere". */
    public static final SourceLocation UNKNOWN = new SourceLocation("", 0, 0);

    /** Checks the arguments. */
    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
        }
    }

    /** Returns {@code true} when at least the line is known. */
    public boolean isKnown() {
        return line > 0;
    }

    /** Formats as {@code FILE:LINE:COLUMN}, the form compilers and editors understand. */
    @Override
    public String toString() {
        if (!isKnown()) {
            return file;
        }
        return file + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(SourceLocation other) {
        int c = file.compareTo(other.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, other.line);
        return c != 0 ? c : Integer.compare(column, other.column);
    }
}
