package io.multistep.docker.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.docker.DockerRuntime;
import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.engine.Engine;
import io.multistep.engine.RunOptions;
import io.multistep.engine.RunResult;
import io.multistep.engine.TaskSource;
import io.multistep.engine.testing.RecordingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs small task files through {@link Engine} + {@link DockerRuntime} for the conformance ITs: a
 * class registers it ({@code @RegisterExtension static final ConformanceRuns runs = new
 * ConformanceRuns();}) and gets one runtime for its tests, closed after them.
 */
final class ConformanceRuns implements BeforeAllCallback, AfterAllCallback {
    static final String IMG = DockerTestEnvironment.BASE_IMAGE;

    private DockerTestEnvironment env;
    private DockerRuntime runtime;

    @Override
    public void beforeAll(ExtensionContext context) {
        env = DockerTestEnvironment.get();
        runtime = DockerRuntime.builder().publishAddress("127.0.0.1").build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (runtime != null) {
            runtime.close();
        }
    }

    DockerTestEnvironment env() {
        return env;
    }

    /** Runs {@code task} and checks that the run left nothing labelled behind. */
    RunResult run(String task, Path context) {
        return run(task, context, env.newRunId(), new RecordingListener(), b -> { });
    }

    RunResult run(String task, Path context, String runId, RecordingListener listener,
            Consumer<RunOptions.Builder> options) {
        RunResult result = runKeeping(task, context, runId, listener, options);
        assertThat(leftovers(runId)).as("nothing of run %s is left", runId).isEmpty();
        return result;
    }

    /** Runs {@code task} without the leftover check (for {@code keep: true}). */
    RunResult runKeeping(String task, Path context, String runId, RecordingListener listener,
            Consumer<RunOptions.Builder> options) {
        RunOptions.Builder b = RunOptions.builder().runId(runId).context(context);
        options.accept(b);
        return Engine.builder().runtime(runtime).listener(listener).build()
                .run(TaskSource.text(task, "acb.yaml"), b.build());
    }

    /** This run's labelled containers, networks and volumes still on the engine. */
    List<String> leftovers(String runId) {
        return env.labelledResources().stream().filter(r -> r.endsWith("(" + runId + ")")).toList();
    }
}
