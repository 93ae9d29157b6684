package io.multistep.engine;

import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * A run started with {@link Engine#start(TaskSource, RunOptions)}.
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public interface RunHandle {

    /** The run id. @return the id */
    String runId();

    /**
     * The run's result. It completes normally for every run that was loaded (failed, cancelled and
     * timed-out runs included) and exceptionally with a {@link TaskLoadException} when the task
     * cannot be loaded. Cancelling this future does not stop the run: use {@link #cancel()}.
     *
     * @return the future result
     */
    CompletableFuture<RunResult> result();

    /**
     * Cancels the run: running steps are interrupted and stopped, steps not yet started are
     * skipped, the runtime session is closed, and the result has status
     * {@link RunStatus#CANCELLED} (unless the run already ended). Returns at once; idempotent.
     */
    void cancel();
}
