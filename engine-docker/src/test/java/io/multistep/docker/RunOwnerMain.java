package io.multistep.docker;

import static io.multistep.docker.TestTasks.DEFAULT_NETWORK;
import static io.multistep.docker.TestTasks.attempt;
import static io.multistep.docker.TestTasks.cmd;

import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.engine.spi.RunSetup;
import io.multistep.engine.spi.RuntimeSession;
import io.multistep.spec.CmdStep;
import io.multistep.spec.Task;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A second process that owns a live run, for the prune and fault tests: on the engine of
 * {@code DOCKER_HOST} it opens run {@code args[0]} (every resource also labelled
 * {@code args[1]=args[2]}), starts a detached service, runs a kept step, then a long step, and
 * prints {@code READY <container id>} once that one runs. It then waits to be killed.
 */
public final class RunOwnerMain {
    private RunOwnerMain() {}

    /**
     * Runs the task until killed.
     *
     * @param args the run id, then the key and value of the label that scopes what the test may prune
     */
    public static void main(String[] args) throws Exception {
        String runId = args[0];
        String img = DockerTestEnvironment.BASE_IMAGE;
        CmdStep svc = cmd("svc", img + " sleep 300", o -> o.detach(true));
        CmdStep kept = cmd("kept", img + " echo kept", o -> o.keep(true));
        CmdStep longStep = cmd("long", img + " sleep 300", o -> o.timeout(600));
        Task task = new Task("owner.yaml", "v1.1.0", 600, "", List.of(), List.of(), List.of(DEFAULT_NETWORK),
                List.of(), List.of(svc, kept, longStep), Optional.empty());
        RunSetup setup = new RunSetup(runId, task, Optional.empty(), Optional.empty(), List.of(),
                Map.of(args[1], args[2]));
        // On a throwaway engine (DOCKER_HOST set) steps get no socket: the host's would be the shared engine's.
        try (DockerRuntime runtime = DockerRuntime.builder().mountDockerSocket(System.getenv("DOCKER_HOST") == null).build();
                RuntimeSession session = runtime.open(setup)) {
            session.execute(attempt(svc), new TestTasks.Lines());
            session.execute(attempt(kept), new TestTasks.Lines());
            session.execute(attempt(longStep), new TestTasks.Lines() {
                @Override
                public void containerStarted(String id) {
                    System.out.println("READY " + id);
                    System.out.flush();
                }
            });
        }
    }
}
