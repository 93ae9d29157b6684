package io.multistep.spec;

import org.apiguardian.api.API;

/** A step that runs in a container of its own: a {@link CmdStep} or a {@link BuildStep}. */
@API(status = API.Status.STABLE, since = "0.1")
public sealed interface ContainerStep extends Step permits CmdStep, BuildStep {

    /** How the step's container is set up, normalised. @return the settings */
    ContainerSettings container();

    @Override
    default String reportedWorkingDirectory() {
        return container().workingDirectory();
    }

    @Override
    default String reportedNetwork() {
        return container().network();
    }
}
