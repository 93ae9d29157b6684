package io.multistep.docker.internal;

import io.multistep.docker.RunLabels;
import com.github.dockerjava.api.DockerClient;
import io.multistep.docker.Leftover;
import io.multistep.docker.PruneOptions;
import io.multistep.docker.PruneReport;
import io.multistep.engine.spi.RuntimeFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Removes labelled leftovers of runs whose owner is gone: containers first, then the networks and
 * volumes they used. Runs whose owner still runs, and kept containers, are left (and reported).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Pruner {
    private Pruner() {}

    /**
     * Removes what {@code options} selects, as {@link io.multistep.docker.DockerRuntime#prune(PruneOptions)}
     * describes.
     *
     * @param connection the engine
     * @param options what to remove
     * @return what was removed and what was spared
     * @throws RuntimeFailure when the engine cannot be reached or the connection is lost
     */
    public static PruneReport prune(DockerConnection connection, PruneOptions options) throws RuntimeFailure {
        DockerClient docker = connection.negotiated();
        Set<String> open = options.runId().isPresent() ? Set.of() : OpenRuns.runIds();
        long now = Instant.now().getEpochSecond();
        List<String> removed = new ArrayList<>();
        List<String> spared = new ArrayList<>();
        List<String> label = new ArrayList<>();
        label.add(options.runId().map(id -> RunLabels.RUN_ID + "=" + id).orElse(RunLabels.RUN_ID));
        options.labels().forEach((k, v) -> label.add(k + "=" + v));
        try {
            for (Leftover left : Leftovers.list(docker, label)) {
                boolean container = left.kind() == Leftover.Kind.CONTAINER;
                String what = left.kind().name().toLowerCase(Locale.ROOT) + " " + left.name() + " (" + left.runId() + ")";
                Optional<String> why = spare(left.labels(), options, open, now, container);
                if (why.isPresent()) {
                    spared.add(what + ": " + why.get());
                } else {
                    record(connection, what, removal(docker, left), removed, spared);
                }
            }
        } catch (RuntimeException e) {
            throw Failures.map(connection.host(), "pruning leftovers", e);
        }
        return new PruneReport(removed, spared);
    }

    private static void record(DockerConnection connection, String what, Removal r, List<String> removed,
            List<String> spared) throws RuntimeFailure {
        if (r instanceof Removal.Removed) {
            removed.add(what);
        } else if (r instanceof Removal.InUse u) {
            spared.add(what + ": still in use (" + u.why() + ")");
        } else if (r instanceof Removal.Failed f) {
            RuntimeFailure failure = Failures.map(connection.host(), "pruning " + what, f.error());
            if (Failures.isEngineGone(failure.kind())) {
                throw failure;
            }
            spared.add(what + ": " + failure.getMessage());
        }
        // Removal.Gone: removed meanwhile, by its run or another prune
    }

    /** Why a resource stays, or empty when it goes. */
    private static Optional<String> spare(Map<String, String> labels, PruneOptions options, Set<String> open,
            long now, boolean container) {
        if (labels.isEmpty()) {
            return Optional.of("no labels");
        }
        if (options.runId().isPresent()) {
            return Optional.empty();
        }
        String runId = labels.get(RunLabels.RUN_ID);
        if (open.contains(runId)) {
            return Optional.of("its run is open in this process");
        }
        Optional<Owner> owner = Owner.fromLabels(labels);
        // A run of this very process whose session is closed (its teardown failed, say because the
        // engine was down) is as abandoned as one of a dead process.
        Owner.Liveness liveness = owner.map(o -> o.equals(Owner.current()) ? Owner.Liveness.GONE : o.liveness())
                .orElse(Owner.Liveness.UNKNOWN);
        switch (liveness) {
            case ALIVE -> {
                return Optional.of("its runner is still running (" + owner.get().describe() + ")");
            }
            case UNKNOWN -> {
                long created;
                try {
                    created = Long.parseLong(labels.getOrDefault(RunLabels.CREATED, "0"));
                } catch (NumberFormatException e) {
                    created = 0;
                }
                Duration age = Duration.ofSeconds(Math.max(0, now - created));
                if (age.compareTo(options.foreignOwnerAge()) < 0) {
                    String whose = owner.map(o -> "its runner (" + o.describe() + ") cannot be checked from here")
                            .orElse("it records no runner");
                    return Optional.of(whose + " and it is " + age.toSeconds() + " s old, younger than --older-than "
                            + options.foreignOwnerAge().toSeconds() + " s");
                }
            }
            case GONE -> { }
        }
        if (container && "true".equals(labels.get(RunLabels.KEPT)) && !options.includeKept()) {
            return Optional.of("kept (keep: true); prune --kept or --run " + runId + " removes it");
        }
        return Optional.empty();
    }

    private static Removal removal(DockerClient docker, Leftover left) {
        return switch (left.kind()) {
            case CONTAINER -> Removal.container(docker, left.id());
            case NETWORK -> Removal.network(docker, left.id());
            case VOLUME -> Removal.volume(docker, left.name());
        };
    }
}
