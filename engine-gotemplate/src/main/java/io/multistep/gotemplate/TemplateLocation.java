package io.multistep.gotemplate;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A position in a template's text (or in the file it came from), as a {@link TemplateException}
 * reports it. Lines and columns are 1-based; {@link #UNKNOWN} stands for "somewhere".
 *
 * @param file the template's name (a file path as given, or another name)
 * @param line 1-based line number, or 0 when unknown
 * @param column 1-based column number, or 0 when unknown
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TemplateLocation(String file, int line, int column) {

    /** A location that says nothing beyond "somewhere". */
    public static final TemplateLocation UNKNOWN = new TemplateLocation("", 0, 0);

    /** Checks the arguments. */
    public TemplateLocation {
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
}
