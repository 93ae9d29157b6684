package io.multistep.docker.internal;

import com.github.dockerjava.api.DockerClient;
import io.multistep.engine.spi.RuntimeFailure;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one run removes what it created, on the one removal path ({@link Removal}, which prune uses
 * too) and with one account of what could not be removed: the session's teardown, the JVM shutdown
 * hook (which closes open sessions) and the removal of each finished container all go through it.
 */
final class RunCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(DockerSession.class);

    private final DockerClient docker;
    private final String host;
    private final String runId;
    private final AtomicBoolean engineGoneReported = new AtomicBoolean();

    RunCleanup(DockerClient docker, String host, String runId) {
        this.docker = docker;
        this.host = host;
        this.runId = runId;
    }

    /** Removes a container; one gone or being removed (a step's stop and its teardown race on a timeout) is no news. */
    void removeContainer(String id) {
        Removal r = Removal.container(docker, id);
        if (r instanceof Removal.Failed f) {
            cannotRemove("container " + id, f.error());
        } else if (r instanceof Removal.InUse u) {
            LOG.debug("run {}: container {} stays: {}", runId, id, u.why());
        }
    }

    /** Stops a container that is kept, without removing it. */
    void kill(String id) {
        try {
            docker.killContainerCmd(id).exec();
        } catch (RuntimeException e) {
            LOG.debug("kill {}: {}", id, e.getMessage());
        }
    }

    /** Removes a network of the run; one in use stays (quietly when kept containers use it). */
    void removeNetwork(String n, boolean anyKept) {
        Removal r = Removal.network(docker, n);
        if (r instanceof Removal.Failed f) {
            cannotRemove("network " + n, f.error());
        } else if (r instanceof Removal.InUse && !anyKept) {
            LOG.warn("run {}: cannot remove network {}: {}", runId, n, why(r));
        } else if (r instanceof Removal.InUse) {
            LOG.debug("run {}: network {} stays with the kept containers: {}", runId, n, why(r));
        }
    }

    /** Removes a volume of the run; one in use stays (quietly when kept containers use it). */
    void removeVolume(String v, boolean anyKept) {
        Removal r = Removal.volume(docker, v);
        if (r instanceof Removal.Failed f) {
            cannotRemove("volume " + v, f.error());
        } else if (r instanceof Removal.InUse && !anyKept) {
            LOG.warn("run {}: cannot remove volume {}: {}", runId, v, why(r));
        } else if (r instanceof Removal.InUse) {
            // A kept container uses it: it stays with the container, and prune removes both.
            LOG.debug("run {}: volume {} stays with the kept containers: {}", runId, v, why(r));
        }
    }

    private static String why(Removal r) {
        return r instanceof Removal.InUse u ? u.why() : "";
    }

    /**
     * Logs a failed removal. An engine that is gone (down, restarting) is said once per run, not once
     * per resource: everything of the run is then left for prune.
     */
    void cannotRemove(String what, RuntimeException error) {
        RuntimeFailure f = Failures.map(host, "removing " + what, error);
        if (!Failures.isEngineGone(f.kind())) {
            LOG.warn("run {}: {}", runId, f.getMessage()); // "removing <what>: <why>"
        } else if (engineGoneReported.compareAndSet(false, true)) {
            LOG.warn("run {}: {}; what is left of the run stays until `multistep prune` runs with the engine back",
                    runId, f.getMessage());
        } else {
            LOG.debug("run {}: cannot remove {}: {}", runId, what, f.getMessage());
        }
    }
}
