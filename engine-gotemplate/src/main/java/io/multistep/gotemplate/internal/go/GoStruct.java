package io.multistep.gotemplate.internal.go;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A template value that stands for a Go struct value (kind {@code struct}): fmt prints it as
 * {@code {field1 field2 ...}}, encoding/json writes its exported fields.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface GoStruct {

    /** The Go type name ({@code typeOf}), e.g. {@code semver.Version}. */
    String goType();

    /** The field names, in declaration order (lower-case ones are unexported). */
    List<String> fieldNames();

    /** The field values, in declaration order. */
    List<Object> fieldValues();
}
