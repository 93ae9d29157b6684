package io.multistep.docker;

import io.multistep.engine.spi.RunSetup;
import org.apiguardian.api.API;

/**
 * The labels {@link DockerRuntime} puts on every container, network and volume it creates, in one
 * place: the session's teardown, prune, {@link DockerRuntime#leftovers(String)} and tests read these
 * names. Besides these, every resource carries the run's own labels ({@link RunSetup#labels()}).
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class RunLabels {
    private RunLabels() {}

    /** The run id ({@value RunSetup#RUN_ID_LABEL}), on every resource of a run. */
    public static final String RUN_ID = RunSetup.RUN_ID_LABEL;
    /** When the run created the resource, in epoch seconds (volumes have no creation time in the API). */
    public static final String CREATED = "io.multistep.created";
    /** The id of the step a container belongs to. */
    public static final String STEP = "io.multistep.step-id";
    /** {@code true} on a container of a {@code keep: true} step: only an explicit prune removes it. */
    public static final String KEPT = "io.multistep.kept";
    /** On a network sandbox (the container holding a network namespace its steps share): the task network. */
    public static final String NETWORK_SANDBOX = "io.multistep.network-sandbox";
    /** The host name of the process that owns the run. */
    public static final String OWNER_HOST = "io.multistep.owner.host";
    /** The owner's pid namespace ({@code /proc/self/ns/pid}), so a pid is only looked up where it means something. */
    public static final String OWNER_PID_NAMESPACE = "io.multistep.owner.pid-namespace";
    /** The process id of the owner. */
    public static final String OWNER_PID = "io.multistep.owner.pid";
    /** The owner's start time in epoch milliseconds, so a reused pid is not taken for the owner. */
    public static final String OWNER_STARTED = "io.multistep.owner.started";
}
