package io.multistep.runner;

import io.multistep.spec.BuildStep;
import io.multistep.spec.CmdStep;
import io.multistep.spec.ContainerSettings;
import io.multistep.spec.ContainerStep;
import io.multistep.spec.LoadResult;
import io.multistep.spec.Network;
import io.multistep.spec.Problem;
import io.multistep.spec.PushStep;
import io.multistep.spec.Step;
import io.multistep.spec.StepSchedule;
import io.multistep.spec.Task;
import io.multistep.spec.VolumeMount;
import java.io.PrintStream;

/**
 * {@code exec --dry-run}: prints the rendered task, the step graph and, per step, what the Docker
 * runtime would do (image, command, env, mounts, network), and runs nothing.
 */
final class DryRun {

    private DryRun() {}

    /** Prints the dry run; secrets resolve as in {@code exec}, and their values are masked in the output. */
    static int print(TaskInputs inputs, SecretFlags.Given secrets, PrintStream out, PrintStream err) {
        try (MaskedOutput masked = new MaskedOutput(secrets.masker(), out, err)) {
            return printUnmasked(inputs, secrets, masked.out(), masked.err());
        }
    }

    private static int printUnmasked(TaskInputs inputs, SecretFlags.Given secrets, PrintStream out, PrintStream err) {
        LoadResult result = inputs.loader(false, secrets.lookup(false)).load(inputs.text(), inputs.sourceName());
        result.problems().stream().map(Problem::toString).forEach(err::println);
        if (result.hasErrors() || result.task() == null) {
            return Main.INVALID;
        }
        Task task = result.task();
        out.println("# Rendered task");
        out.print(result.renderedText());
        if (!result.renderedText().endsWith("\n")) {
            out.println();
        }
        out.println();
        out.println("# Step graph");
        out.print(GraphCommand.render(task, "text"));
        out.println();
        out.println("# Operations");
        for (Network n : task.networks()) {
            out.println(n.skipCreation()
                    ? "use existing network " + n.name()
                    : "create network " + n.name() + (n.driver().isEmpty() ? "" : " --driver " + n.driver())
                            + (n.ipv6() ? " --ipv6" : ""));
        }
        task.volumes().forEach(v -> out.println("create volume " + v.name() + " with files " + v.secret().keySet()));
        for (Step step : task.steps()) {
            out.println(describe(step));
        }
        return Main.OK;
    }

    static String describe(Step step) {
        StepSchedule o = step.schedule();
        StringBuilder b = new StringBuilder("step ").append(step.id());
        if (!o.dependencies().isEmpty()) {
            b.append(" (after ").append(String.join(", ", o.dependencies())).append(')');
        }
        b.append(":\n");
        if (step instanceof PushStep p) {
            p.images().forEach(i -> b.append("  push ").append(i).append('\n'));
            return b.toString().stripTrailing();
        }
        if (step instanceof CmdStep c) {
            // The image and arguments the container gets; the command is shown as written.
            String cmd = c.cmd().strip();
            int space = cmd.indexOf(' ');
            b.append("  image: ").append(c.image()).append('\n');
            b.append("  command: ").append(c.args().isEmpty() || space < 0 ? "(image default)"
                    : cmd.substring(space + 1).strip()).append('\n');
            if (c.pull()) {
                b.append("  pull first (attempts: ").append(1 + c.cmdDownloadRetries()).append(")\n");
            }
            if (!c.entryPoint().isEmpty()) {
                b.append("  entrypoint: ").append(c.entryPoint()).append('\n');
            }
        } else if (step instanceof BuildStep bs) {
            b.append("  docker build ").append(bs.build()).append('\n');
            if (!bs.tags().isEmpty()) {
                b.append("  tags: ").append(String.join(", ", bs.tags())).append('\n');
            }
        }
        ContainerSettings k = ((ContainerStep) step).container();
        b.append("  env: HOME=/acb/home");
        k.env().forEach(e -> b.append(", ").append(e));
        b.append('\n');
        b.append("  workdir: ").append(k.disableWorkingDirectoryOverride() ? "(image default)" : workdir(k.workingDirectory()))
                .append('\n');
        b.append("  mounts: <context>:/workspace");
        for (VolumeMount m : k.volumeMounts()) {
            b.append(", ").append(m.name()).append(':').append(m.mountPath());
        }
        b.append('\n');
        b.append("  network: ").append(k.network().isEmpty() ? "(docker default)" : k.network())
                .append(" as alias ").append(step.id()).append('\n');
        b.append("  timeout: ").append(o.timeout()).append("s, retries: ").append(o.retries())
                .append(", repeat: ").append(o.repeat());
        if (k.detach()) {
            b.append(", detached");
        }
        if (k.keep()) {
            b.append(", kept");
        }
        return b.toString();
    }

    private static String workdir(String dir) {
        if (dir.isEmpty()) {
            return "/workspace";
        }
        return dir.startsWith("/") ? dir : "/workspace/" + dir;
    }
}
