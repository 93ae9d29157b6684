package io.multistep.spec.render;

import io.multistep.gotemplate.TemplateException;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Resolves the secrets of a task between the two render passes (templating.md §4). It is
 * called with the first-pass rendered text only when the template text contains
 * {@code secrets}; it parses that text as a task, validates it and resolves each secret.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface SecretsLookup {

    /** A lookup that resolves nothing ({@code .Secrets} stays empty). */
    SecretsLookup NONE = (text, map) -> Map.of();

    /**
     * Resolves secrets.
     *
     * @param firstPassText the text rendered with an empty {@code .Secrets}
     * @param map source map of that text (to report positions in the authored file)
     * @return secret id → value for the second pass
     * @throws TemplateException when parsing, validation or resolution fails
     */
    Map<String, String> resolve(String firstPassText, SourceMap map) throws TemplateException;
}
