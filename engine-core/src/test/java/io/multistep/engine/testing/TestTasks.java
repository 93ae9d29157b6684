package io.multistep.engine.testing;

import io.multistep.spec.BuildStep;
import io.multistep.spec.CmdStep;
import io.multistep.spec.ContainerSettings;
import io.multistep.spec.PushStep;
import io.multistep.spec.Secret;
import io.multistep.spec.SourceLocation;
import io.multistep.spec.Step;
import io.multistep.spec.StepSchedule;
import io.multistep.spec.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Builds {@link Task}s for tests without a task file. Dependencies follow the reference's rule,
 * computed from {@code when}: empty → the previous step, {@code ["-"]} → none, otherwise the ids.
 *
 * <pre>{@code
 * Task t = TestTasks.task(
 *         TestTasks.cmd("a"),
 *         TestTasks.cmd("b", o -> o.when(List.of("-")).retries(2)));
 * }</pre>
 */
public final class TestTasks {

    private TestTasks() {}

    /** A cmd step {@code alpine} with default options. @param id the id @return the step */
    public static Step cmd(String id) {
        return cmd(id, o -> o);
    }

    /** A cmd step with options. @param id the id @param options edits the options @return the step */
    public static Step cmd(String id, UnaryOperator<Options> options) {
        Options o = options.apply(new Options(id));
        return CmdStep.builder().cmd("alpine echo " + id).schedule(o.schedule.build()).container(o.container.build())
                .build();
    }

    /** A push step. @param id the id @param options edits the options @param images the images @return the step */
    public static Step push(String id, UnaryOperator<Options> options, String... images) {
        return new PushStep(List.of(images), options.apply(new Options(id)).schedule.build());
    }

    /** A step's options for a test: its schedule and container settings under the task file's names. */
    public static final class Options {
        private final StepSchedule.Builder schedule = StepSchedule.builder();
        private final ContainerSettings.Builder container = ContainerSettings.builder();

        private Options(String id) {
            schedule.id(id);
        }

        /** @param v the value @return these options */
        public Options when(List<String> v) {
            schedule.when(v);
            return this;
        }

        /** @param v the value @return these options */
        public Options timeout(int v) {
            schedule.timeout(v);
            return this;
        }

        /** @param v the value @return these options */
        public Options startDelay(int v) {
            schedule.startDelay(v);
            return this;
        }

        /** @param v the value @return these options */
        public Options retries(int v) {
            schedule.retries(v);
            return this;
        }

        /** @param v the value @return these options */
        public Options retryDelay(int v) {
            schedule.retryDelay(v);
            return this;
        }

        /** @param v the value @return these options */
        public Options retryOnErrors(List<String> v) {
            schedule.retryOnErrors(v);
            return this;
        }

        /** @param v the value @return these options */
        public Options repeat(int v) {
            schedule.repeat(v);
            return this;
        }

        /** @param v the value @return these options */
        public Options ignoreErrors(boolean v) {
            schedule.ignoreErrors(v);
            return this;
        }

        /** @param v the value @return these options */
        public Options exitedWith(List<Integer> v) {
            schedule.exitedWith(v);
            return this;
        }

        /** @param v the value @return these options */
        public Options exitedWithout(List<Integer> v) {
            schedule.exitedWithout(v);
            return this;
        }

        /** @param v the value @return these options */
        public Options workingDirectory(String v) {
            container.workingDirectory(v);
            return this;
        }

        /** @param v the value @return these options */
        public Options detach(boolean v) {
            container.detach(v);
            return this;
        }

        /** @param v the value @return these options */
        public Options keep(boolean v) {
            container.keep(v);
            return this;
        }

        /** @param v the value @return these options */
        public Options env(List<String> v) {
            container.env(v);
            return this;
        }
    }

    /** A task of these steps, dependencies derived from {@code when}. @param steps the steps @return the task */
    public static Task task(Step... steps) {
        return task(List.of(), steps);
    }

    /** A task with secrets. @param secrets the definitions @param steps the steps @return the task */
    public static Task task(List<Secret> secrets, Step... steps) {
        List<Step> resolved = new ArrayList<>();
        String previous = null;
        for (Step s : steps) {
            List<String> when = s.schedule().when();
            List<String> deps;
            if (when.isEmpty()) {
                deps = previous == null ? List.of() : List.of(previous);
            } else if (when.equals(List.of("-"))) {
                deps = List.of();
            } else {
                deps = when;
            }
            StepSchedule o = s.schedule().toBuilder().dependencies(deps).build();
            resolved.add(withOptions(s, o));
            previous = s.id();
        }
        return new Task("test.yaml", "v1.1.0", 600, "", List.of(), secrets, List.of(), List.of(), resolved,
                Optional.empty());
    }

    /** A task with a total timeout in task seconds. @param totalTimeout seconds @param steps the steps @return the task */
    public static Task taskWithTotalTimeout(int totalTimeout, Step... steps) {
        Task t = task(steps);
        return new Task(t.source(), t.version(), t.stepTimeout(), t.workingDirectory(), t.env(), t.secrets(),
                t.networks(), t.volumes(), t.steps(), Optional.of(totalTimeout));
    }

    /** A secret definition. @param id the id @return the definition */
    public static Secret secret(String id) {
        return new Secret(id, "https://vault.example/secrets/" + id, "", "", SourceLocation.UNKNOWN);
    }

    private static Step withOptions(Step s, StepSchedule o) {
        if (s instanceof CmdStep c) {
            return c.toBuilder().schedule(o).build();
        }
        if (s instanceof PushStep p) {
            return new PushStep(p.images(), p.reportedWorkingDirectory(), p.reportedNetwork(), o);
        }
        return ((BuildStep) s).toBuilder().schedule(o).build();
    }
}
