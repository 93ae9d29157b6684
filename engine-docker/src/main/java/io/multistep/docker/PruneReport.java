package io.multistep.docker;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What a prune did.
 *
 * @param removed what was removed, one {@code kind name (run id)} entry each
 * @param spared what was left and why, one {@code kind name (run id): reason} entry each
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public record PruneReport(List<String> removed, List<String> spared) {
    /** Freezes the lists. */
    public PruneReport {
        removed = List.copyOf(removed);
        spared = List.copyOf(spared);
    }
}
