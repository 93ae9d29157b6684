package io.multistep.spec;

/** A step that runs in a container of its own: a {@link CmdStep} or a {@link BuildStep}. */
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
