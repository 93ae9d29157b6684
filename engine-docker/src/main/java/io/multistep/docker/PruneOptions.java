package io.multistep.docker;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What {@link DockerRuntime#prune(PruneOptions)} removes.
 *
 * <p>Every resource of a run records its owner (host, pid namespace, process id and start time).
 * Without {@code runId}, prune removes a run's resources only when the owner is gone: on this host,
 * when its process no longer runs (or the pid now names another process); on another host (where
 * this process cannot tell), once the resource is older than {@code foreignOwnerAge}. Containers a
 * {@code keep: true} step kept stay unless {@code includeKept} or {@code runId} is given.
 *
 * @param runId only this run's resources, all of them (kept ones included, even while it runs)
 * @param includeKept whether containers of {@code keep: true} steps of abandoned runs go too
 * @param foreignOwnerAge how old resources of owners this process cannot check must be to go
 * @param labels only resources that carry all these labels (for example the extra labels of
 *     {@code RunSetup#labels} a test or a CI job puts on its runs); empty for all
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public record PruneOptions(Optional<String> runId, boolean includeKept, Duration foreignOwnerAge,
        Map<String, String> labels) {
    /** The default {@code foreignOwnerAge}: a run on another host is not taken for dead lightly. */
    public static final Duration DEFAULT_FOREIGN_OWNER_AGE = Duration.ofHours(6);

    /** Checks the arguments. */
    public PruneOptions {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(foreignOwnerAge, "foreignOwnerAge");
        if (foreignOwnerAge.isNegative()) {
            throw new IllegalArgumentException("foreignOwnerAge must not be negative: " + foreignOwnerAge);
        }
        labels = Map.copyOf(labels);
    }

    /** The resources of abandoned runs, kept containers excepted; foreign owners after the default age. */
    public static PruneOptions abandoned() {
        return new PruneOptions(Optional.empty(), false, DEFAULT_FOREIGN_OWNER_AGE, Map.of());
    }

    /** Every resource of one run. */
    public static PruneOptions run(String runId) {
        return new PruneOptions(Optional.of(runId), true, DEFAULT_FOREIGN_OWNER_AGE, Map.of());
    }

    /** The same, also removing (or not) the kept containers of abandoned runs. */
    public PruneOptions withKept(boolean value) {
        return new PruneOptions(runId, value, foreignOwnerAge, labels);
    }

    /** The same, with another age after which owners on other hosts count as gone. */
    public PruneOptions withForeignOwnerAge(Duration value) {
        return new PruneOptions(runId, includeKept, value, labels);
    }

    /** The same, only for resources that also carry this label. */
    public PruneOptions withLabel(String key, String value) {
        Map<String, String> l = new java.util.LinkedHashMap<>(labels);
        l.put(key, value);
        return new PruneOptions(runId, includeKept, foreignOwnerAge, l);
    }
}
