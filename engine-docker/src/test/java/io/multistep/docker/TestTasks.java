package io.multistep.docker;

import io.multistep.engine.spi.RunSetup;
import io.multistep.engine.spi.StepAttempt;
import io.multistep.engine.spi.StepOutput;
import io.multistep.spec.BuildStep;
import io.multistep.spec.CmdStep;
import io.multistep.spec.Network;
import io.multistep.spec.PushStep;
import io.multistep.spec.SourceLocation;
import io.multistep.spec.Step;
import io.multistep.spec.StepOptions;
import io.multistep.spec.Task;
import io.multistep.spec.Volume;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Builds tasks, steps and outputs for the runtime tests. */
final class TestTasks {
    private TestTasks() {}

    static final Network DEFAULT_NETWORK = new Network(Network.DEFAULT_NETWORK_NAME, "bridge", false, false, true,
            SourceLocation.UNKNOWN);

    static StepOptions.Builder opts(String id) {
        return StepOptions.builder().id(id).network(Network.DEFAULT_NETWORK_NAME).timeout(60);
    }

    static CmdStep cmd(String id, String cmd) {
        return new CmdStep(cmd, opts(id).build());
    }

    static CmdStep cmd(String id, String cmd, UnaryOperator<StepOptions.Builder> o) {
        return new CmdStep(cmd, o.apply(opts(id)).build());
    }

    static BuildStep build(String id, String build, List<String> tags) {
        return new BuildStep(build, tags, List.of(), opts(id).build());
    }

    static PushStep push(String id, String... images) {
        return new PushStep(List.of(images), opts(id).build());
    }

    static RunSetup setup(String runId, Path context, List<Volume> volumes, Step... steps) {
        Task task = new Task("test.yaml", "v1.1.0", 600, "", List.of(), List.of(), List.of(DEFAULT_NETWORK), volumes,
                List.of(steps), Optional.empty());
        return new RunSetup(runId, task, Optional.ofNullable(context), Optional.empty(), List.of(), Map.of());
    }

    static StepAttempt attempt(Step step) {
        return new StepAttempt(step, 0, 0, Instant.now().plusSeconds(step.options().timeout()));
    }

    /** Collects output lines, tagged with their stream. */
    static class Lines implements StepOutput {
        final List<String> all = Collections.synchronizedList(new ArrayList<>());
        final List<String> out = Collections.synchronizedList(new ArrayList<>());
        final List<String> err = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void line(Stream stream, String text) {
            all.add(stream + ":" + text);
            (stream == Stream.STDOUT ? out : err).add(text);
        }
    }
}
