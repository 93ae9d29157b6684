package io.multistep.spec;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A volume of the task's {@code volumes} list; secret volumes are the only kind.
 *
 * @param name the volume name ({@code [a-zA-Z0-9_-]+}, unique)
 * @param secret file name to base64 content; each becomes a file in the volume
 * @param location where the definition starts
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Volume(String name, Map<String, String> secret, SourceLocation location) {

    /** Freezes the map, keeping its order. */
    public Volume {
        secret = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secret));
    }
}
