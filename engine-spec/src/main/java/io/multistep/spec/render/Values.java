package io.multistep.spec.render;

import io.multistep.gotemplate.TemplateException;
import io.multistep.spec.internal.TemplateErrors;
import io.multistep.spec.InvalidTextException;
import io.multistep.spec.SourceLocation;
import io.multistep.spec.SourceText;
import io.multistep.gotemplate.internal.go.YamlSupport;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code .Values}: the values file and {@code --set} overrides (templating.md §3.3).
 *
 * <p>Deliberate deviation: the reference fails on a values file that contains a nested
 * mapping (R-5, an artefact of its JSON encoding of {@code .ValuesJSON}); we accept nested
 * maps and encode them.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Values {

    private Values() {
    }

    /**
     * Loads a values file (YAML 1.1).
     *
     * @throws TemplateException C-3 when unreadable, R-4 when not valid YAML
     */
    public static Map<String, Object> load(Path path) throws TemplateException {
        String text;
        try {
            text = SourceText.read(path);
        } catch (InvalidTextException e) {
            throw TemplateErrors.at(TemplateException.Stage.VALUES, e.location(), e.problem());
        } catch (NoSuchFileException e) {
            throw TemplateErrors.at(TemplateException.Stage.VALUES, SourceLocation.UNKNOWN,
                    "failed to load values file at path " + path + ": open " + path + ": no such file or directory");
        } catch (IOException e) {
            throw TemplateErrors.at(TemplateException.Stage.VALUES, SourceLocation.UNKNOWN,
                    "failed to load values file at path " + path + ": " + e.getMessage());
        }
        return parse(text, path.toString());
    }

    /**
     * Parses values YAML; an empty document gives an empty map.
     *
     * @throws TemplateException R-4 when the YAML is invalid or not a mapping
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String yaml, String name) throws TemplateException {
        Object o;
        try {
            o = YamlSupport.load(yaml);
        } catch (RuntimeException e) {
            int[] at = YamlSupport.position(e);
            throw TemplateErrors.at(TemplateException.Stage.VALUES,
                    at == null ? new SourceLocation(name, 0, 0) : new SourceLocation(name, at[0], at[1]),
                    "failed to override values: failed to deserialize values. Try rendering your template locally"
                            + " to verify the values file: " + YamlSupport.errorText(e));
        }
        if (o == null) {
            return new LinkedHashMap<>();
        }
        if (!(o instanceof Map)) {
            throw TemplateErrors.at(TemplateException.Stage.VALUES, new SourceLocation(name, 0, 0),
                    "failed to override values: failed to deserialize values. Try rendering your template locally"
                            + " to verify the values file: yaml: unmarshal errors:\n  line 1: cannot unmarshal "
                            + "into Values");
        }
        return (Map<String, Object>) o;
    }

    /**
     * Applies {@code --set key=value} items: split at the first {@code =}, values are strings,
     * later items win, and per top-level key {@code --set} beats the file.
     *
     * @throws TemplateException C-5 (no {@code =}) or C-6 (empty key)
     */
    public static Map<String, Object> applySets(Map<String, Object> fileValues, List<String> sets)
            throws TemplateException {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw TemplateErrors.at(TemplateException.Stage.VALUES, SourceLocation.UNKNOWN,
                        "failed to parse --set data; invalid format, no = assignment found");
            }
            if (eq == 0) {
                throw TemplateErrors.at(TemplateException.Stage.VALUES, SourceLocation.UNKNOWN,
                        "failed to parse --set data; expected a key=val format");
            }
            merged.put(s.substring(0, eq), s.substring(eq + 1));
        }
        if (fileValues != null) {
            for (Map.Entry<String, Object> e : fileValues.entrySet()) {
                merged.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        return merged;
    }
}
