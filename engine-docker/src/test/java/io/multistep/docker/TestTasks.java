package io.multistep.docker;

import io.multistep.engine.spi.RunSetup;
import io.multistep.engine.spi.StepAttempt;
import io.multistep.engine.spi.StepOutput;
import io.multistep.spec.BuildStep;
import io.multistep.spec.CmdStep;
import io.multistep.spec.ContainerSettings;
import io.multistep.spec.Network;
import io.multistep.spec.PushStep;
import io.multistep.spec.SourceLocation;
import io.multistep.spec.Step;
import io.multistep.spec.StepSchedule;
import io.multistep.spec.Task;
import io.multistep.spec.Volume;
import io.multistep.spec.VolumeMount;
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

    /** A step's options for a test: its schedule, container settings and cmd options under the task file's names. */
    static final class Opts {
        final StepSchedule.Builder schedule = StepSchedule.builder().timeout(60);
        final ContainerSettings.Builder container = ContainerSettings.builder().network(Network.DEFAULT_NETWORK_NAME);
        String entryPoint = "";

        Opts timeout(int v) {
            schedule.timeout(v);
            return this;
        }

        Opts entryPoint(String v) {
            entryPoint = v;
            return this;
        }

        Opts env(List<String> v) {
            container.env(v);
            return this;
        }

        Opts workingDirectory(String v) {
            container.workingDirectory(v);
            return this;
        }

        Opts user(String v) {
            container.user(v);
            return this;
        }

        Opts cpus(String v) {
            container.cpus(v);
            return this;
        }

        Opts ports(List<String> v) {
            container.ports(v);
            return this;
        }

        Opts expose(List<String> v) {
            container.expose(v);
            return this;
        }

        Opts privileged(boolean v) {
            container.privileged(v);
            return this;
        }

        Opts keep(boolean v) {
            container.keep(v);
            return this;
        }

        Opts detach(boolean v) {
            container.detach(v);
            return this;
        }

        Opts volumeMounts(List<VolumeMount> v) {
            container.volumeMounts(v);
            return this;
        }
    }

    static Opts opts(String id) {
        Opts o = new Opts();
        o.schedule.id(id);
        return o;
    }

    static CmdStep cmd(String id, String cmd) {
        return cmd(id, cmd, o -> o);
    }

    static CmdStep cmd(String id, String cmd, UnaryOperator<Opts> options) {
        Opts o = options.apply(opts(id));
        return CmdStep.builder().cmd(cmd).entryPoint(o.entryPoint).schedule(o.schedule.build())
                .container(o.container.build()).build();
    }

    static BuildStep build(String id, String build, List<String> tags) {
        return build(id, build, tags, o -> o);
    }

    static BuildStep build(String id, String build, List<String> tags, UnaryOperator<Opts> options) {
        Opts o = options.apply(opts(id));
        return BuildStep.builder().arguments(build).tags(tags).schedule(o.schedule.build())
                .container(o.container.build()).build();
    }

    static PushStep push(String id, String... images) {
        return new PushStep(List.of(images), opts(id).schedule.build());
    }

    static RunSetup setup(String runId, Path context, List<Volume> volumes, Step... steps) {
        Task task = new Task("test.yaml", "v1.1.0", 600, "", List.of(), List.of(), List.of(DEFAULT_NETWORK), volumes,
                List.of(steps), Optional.empty());
        return new RunSetup(runId, task, Optional.ofNullable(context), Optional.empty(), List.of(), Map.of());
    }

    static StepAttempt attempt(Step step) {
        return new StepAttempt(step, 0, 0, Instant.now().plusSeconds(step.schedule().timeout()));
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
