package io.multistep.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Locale;

/**
 * The outcome of removing one container, network or volume. The one removal path of a session's
 * teardown (also run by the JVM shutdown hook) and of prune: what is already gone or being removed
 * by someone else is no failure, and what is still in use is left, not an error.
 */
public sealed interface Removal {
    /** It was removed. */
    record Removed() implements Removal {}

    /** It was gone already, or someone else is removing it. */
    record Gone() implements Removal {}

    /** The engine keeps it because something still uses it (a volume of a kept container). */
    record InUse(String why) implements Removal {}

    /** The engine refused or could not be asked; {@code error} says why. */
    record Failed(RuntimeException error) implements Removal {}

    /** Removes a container with force, and its anonymous volumes. */
    static Removal container(DockerClient docker, String id) {
        return attempt(() -> docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec());
    }

    /** Removes a network. */
    static Removal network(DockerClient docker, String name) {
        return attempt(() -> docker.removeNetworkCmd(name).exec());
    }

    /** Removes a volume. */
    static Removal volume(DockerClient docker, String name) {
        return attempt(() -> docker.removeVolumeCmd(name).exec());
    }

    private static Removal attempt(Runnable call) {
        Removal r = once(call);
        if (r instanceof Failed f && (Thread.currentThread().isInterrupted() || interruptedCall(f.error()))) {
            // A step cut by its deadline is interrupted while its container is removed: the clean-up
            // must still happen, so once more without the interrupt (which is restored).
            boolean interrupted = Thread.interrupted();
            try {
                r = once(call);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return r;
    }

    private static Removal once(Runnable call) {
        try {
            call.run();
            return new Removed();
        } catch (NotFoundException e) {
            return new Gone();
        } catch (ConflictException e) {
            String m = Failures.daemonMessage(Failures.rootMessage(e));
            if (m.toLowerCase(Locale.ROOT).contains("already in progress")) {
                return new Gone();
            }
            return new InUse(m);
        } catch (DockerException e) {
            String m = Failures.daemonMessage(Failures.rootMessage(e));
            if (e.getHttpStatus() == 403 || m.toLowerCase(Locale.ROOT).contains("active endpoints")
                    || m.toLowerCase(Locale.ROOT).contains("in use")) {
                return new InUse(m);
            }
            return new Failed(e);
        } catch (RuntimeException e) {
            return new Failed(e);
        }
    }

    private static boolean interruptedCall(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if ((c instanceof InterruptedIOException && !(c instanceof java.net.SocketTimeoutException))
                    || c instanceof InterruptedException
                    || c instanceof ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }
}
