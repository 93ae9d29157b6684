package io.multistep.spec.render;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * Result of the pre-YAML pipeline.
 *
 * @param text the rendered text, ready for YAML parsing
 * @param sourceMap maps positions in {@code text} to the authored file
 * @param aliasesEnabled whether the detected version enabled alias processing; if so the
 *     parser must call {@link Aliases#expandCommandAlias} on every {@code cmd}
 * @param aliases the alias map in effect (empty when disabled)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RenderedTask(String text, SourceMap sourceMap, boolean aliasesEnabled, Map<String, String> aliases) {

    /** Copies the alias map. */
    public RenderedTask {
        aliases = Map.copyOf(aliases);
    }
}
