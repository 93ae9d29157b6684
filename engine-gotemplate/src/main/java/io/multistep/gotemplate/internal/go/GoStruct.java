package io.multistep.gotemplate.internal.go;

import java.util.List;

/**
 * A template value that stands for a Go struct value (kind {@code struct}): fmt prints it as
 * {@code {field1 field2 ...}}, encoding/json writes its exported fields.
 */
public interface GoStruct {

    /** The Go type name ({@code typeOf}), e.g. {@code semver.Version}. */
    String goType();

    /** The field names, in declaration order (lower-case ones are unexported). */
    List<String> fieldNames();

    /** The field values, in declaration order. */
    List<Object> fieldValues();
}
