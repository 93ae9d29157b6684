package io.multistep.spec.internal;

import io.multistep.gotemplate.TemplateException;
import io.multistep.gotemplate.TemplateLocation;
import io.multistep.spec.SourceLocation;
import org.apiguardian.api.API;

/**
 * The boundary between the template module's locations and the task file's: a rendering failure
 * is raised and read with {@link SourceLocation}s here.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TemplateErrors {

    private TemplateErrors() {
    }

    /** A failure of {@code stage} at {@code at} with the reference's text {@code goMessage}. */
    public static TemplateException at(TemplateException.Stage stage, SourceLocation at, String goMessage) {
        return new TemplateException(stage, new TemplateLocation(at.file(), at.line(), at.column()), goMessage);
    }

    /** Where a rendering failure is, as a task-file location. */
    public static SourceLocation location(TemplateException e) {
        return of(e.location());
    }

    /** A template location as a task-file location. */
    public static SourceLocation of(TemplateLocation l) {
        return new SourceLocation(l.file(), l.line(), l.column());
    }
}
