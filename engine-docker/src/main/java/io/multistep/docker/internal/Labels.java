package io.multistep.docker.internal;

import io.multistep.engine.spi.RunSetup;

/**
 * The names of the labels the runtime puts on every container, network and volume it creates, in
 * one place: prune, the session's teardown and the tests read the same names.
 */
public final class Labels {
    private Labels() {}

    /** The run id ({@value RunSetup#RUN_ID_LABEL}). */
    public static final String RUN_ID = RunSetup.RUN_ID_LABEL;
    /** The creation time in epoch seconds (volumes have no creation time in the API). */
    public static final String CREATED = "io.multistep.created";
    /** The step a container belongs to. */
    public static final String STEP = "io.multistep.step-id";
    /** {@code true} on a container of a {@code keep: true} step: only an explicit prune removes it. */
    public static final String KEPT = "io.multistep.kept";
    /** The host name of the process that owns the run. */
    public static final String OWNER_HOST = "io.multistep.owner.host";
    /** The pid namespace of the owner ({@code /proc/self/ns/pid}), so a pid is only looked up where it means something. */
    public static final String OWNER_PID_NAMESPACE = "io.multistep.owner.pid-namespace";
    /** The process id of the owner. */
    public static final String OWNER_PID = "io.multistep.owner.pid";
    /** The owner's start time in epoch milliseconds, so a reused pid is not taken for the owner. */
    public static final String OWNER_STARTED = "io.multistep.owner.started";
}
