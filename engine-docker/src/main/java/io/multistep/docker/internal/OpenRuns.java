package io.multistep.docker.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions open in this JVM: a shutdown hook closes them (a run interrupted by Ctrl-C or
 * SIGTERM must not leave containers behind), and prune leaves their runs alone.
 */
final class OpenRuns {
    private static final Set<DockerSession> OPEN_SESSIONS = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private OpenRuns() {}

    static void register(DockerSession session) {
        if (!hookInstalled) {
            synchronized (OPEN_SESSIONS) {
                if (!hookInstalled) {
                    // The hook closes a session as its owner would: the same teardown.
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        for (DockerSession s : OPEN_SESSIONS.toArray(new DockerSession[0])) {
                            s.close();
                        }
                    }, "multistep-docker-cleanup"));
                    hookInstalled = true;
                }
            }
        }
        OPEN_SESSIONS.add(session);
    }

    static void unregister(DockerSession session) {
        OPEN_SESSIONS.remove(session);
    }

    /** Run ids of sessions open in this JVM (prune leaves them alone). */
    static Set<String> runIds() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (DockerSession s : OPEN_SESSIONS) {
            ids.add(s.runId());
        }
        return ids;
    }
}
