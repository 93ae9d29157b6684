package io.multistep.engine.spi;

import io.multistep.spec.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a runtime needs to prepare a run.
 *
 * @param runId the run id ({@code .Run.ID}); every resource of the run is labelled with it
 * @param task the loaded task: networks, volumes and steps
 * @param context the run's source folder, seen as {@code /workspace} by every step and as the
 *     build context {@code .}; empty when the run has none (the workspace then starts empty)
 * @param sharedVolume the {@code --homevol} volume to mount at {@code /workspace} instead, if given
 * @param credentials registry credentials for pulls and pushes
 * @param labels extra labels to put on every resource of the run
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunSetup(
        String runId,
        Task task,
        Optional<Path> context,
        Optional<String> sharedVolume,
        List<RegistryCredential> credentials,
        Map<String, String> labels) {

    /** The label every container, network and volume of a run carries, with the run id as value. */
    public static final String RUN_ID_LABEL = "io.multistep.run-id";

    /** Checks the arguments and freezes the collections. */
    public RunSetup {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(sharedVolume, "sharedVolume");
        credentials = List.copyOf(credentials);
        labels = Map.copyOf(labels);
    }
}
