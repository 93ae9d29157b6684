package io.multistep.spec;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Resolves the values of a task's secret definitions between the two render passes
 * (templating.md §4). Supplied by the caller: the spec module knows no vaults.
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1")
public interface SecretValues {

    /** Resolves nothing: every {@code {{.Secrets.x}}} renders as if the map were empty. */
    SecretValues NONE = definitions -> Map.of();

    /**
     * Returns the value of each definition, by secret id.
     *
     * @param definitions the validated secret definitions of the first render pass
     * @return secret id to value
     * @throws Exception when a value cannot be resolved; it becomes a problem of the load
     */
    Map<String, String> resolve(List<Secret> definitions) throws Exception;
}
