package io.multistep.docker.internal;

import io.multistep.docker.RunLabels;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The process that owns a run, as recorded in the labels of the run's resources: prune removes a
 * run only when its owner is gone.
 *
 * @param host the host name
 * @param pidNamespace the owner's pid namespace ({@code pid:[4026531836]}), empty when unknown
 * @param pid the process id
 * @param startedMillis the process start time in epoch milliseconds, 0 when unknown
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Owner(String host, String pidNamespace, long pid, long startedMillis) {
    /** Start times are derived from clock ticks since boot: allow for rounding. */
    private static final long START_TOLERANCE_MILLIS = 1000;

    private static final Owner CURRENT = of(ProcessHandle.current());

    /** Whether the owner of a run still runs, as far as this process can tell. */
    public enum Liveness {
        /** The owner process runs (or cannot be proven gone on this host). */
        ALIVE,
        /** The owner was on this host and its process is gone (or the pid now names another process). */
        GONE,
        /** The owner is on another host (or unrecorded): only age can tell. */
        UNKNOWN
    }

    /** This process. */
    public static Owner current() {
        return CURRENT;
    }

    static Owner of(ProcessHandle p) {
        long started = p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return new Owner(hostName(), currentPidNamespace(), p.pid(), started);
    }

    /** The owner labels to put on a resource. */
    public Map<String, String> labels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put(RunLabels.OWNER_HOST, host);
        if (!pidNamespace.isEmpty()) {
            l.put(RunLabels.OWNER_PID_NAMESPACE, pidNamespace);
        }
        l.put(RunLabels.OWNER_PID, Long.toString(pid));
        l.put(RunLabels.OWNER_STARTED, Long.toString(startedMillis));
        return l;
    }

    /** The owner a resource's labels record, if they record one. */
    public static Optional<Owner> fromLabels(Map<String, String> labels) {
        if (labels == null || !labels.containsKey(RunLabels.OWNER_HOST) || !labels.containsKey(RunLabels.OWNER_PID)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner(labels.get(RunLabels.OWNER_HOST),
                    labels.getOrDefault(RunLabels.OWNER_PID_NAMESPACE, ""),
                    Long.parseLong(labels.get(RunLabels.OWNER_PID)),
                    Long.parseLong(labels.getOrDefault(RunLabels.OWNER_STARTED, "0"))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether this (recorded) owner still runs, judged from the current process. */
    public Liveness liveness() {
        Owner here = current();
        if (!host.equals(here.host) || !pidNamespace.equals(here.pidNamespace)) {
            return Liveness.UNKNOWN;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive() || isZombie(pid)) {
            return Liveness.GONE;
        }
        if (startedMillis != 0) {
            Optional<Instant> started = p.get().info().startInstant();
            if (started.isPresent() && Math.abs(started.get().toEpochMilli() - startedMillis) > START_TOLERANCE_MILLIS) {
                return Liveness.GONE; // the pid was reused
            }
        }
        return Liveness.ALIVE;
    }

    /** For reports: {@code pid 123 on host}. */
    public String describe() {
        return "pid " + pid + " on " + host;
    }

    /** A killed process whose parent has not reaped it yet is as gone as one that was. */
    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String hostName() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String currentPidNamespace() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
