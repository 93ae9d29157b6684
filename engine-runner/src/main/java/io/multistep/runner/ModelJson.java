package io.multistep.runner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.multistep.spec.BuildStep;
import io.multistep.spec.CmdStep;
import io.multistep.spec.ContainerSettings;
import io.multistep.spec.ContainerStep;
import io.multistep.spec.Network;
import io.multistep.spec.PushStep;
import io.multistep.spec.Step;
import io.multistep.spec.StepSchedule;
import io.multistep.spec.Task;
import java.util.Collection;

/** The normalised task as JSON, with the task file's key names ({@code validate --print-model}). */
final class ModelJson {

    private ModelJson() {}

    static ObjectNode of(Task task) {
        ObjectNode root = Reports.JSON.createObjectNode();
        root.put("version", task.version());
        root.put("stepTimeout", task.stepTimeout());
        root.put("workingDirectory", task.workingDirectory());
        strings(root.putArray("env"), task.env());
        task.totalTimeout().ifPresent(t -> root.put("totalTimeout", t));
        ArrayNode networks = root.putArray("networks");
        for (Network n : task.networks()) {
            ObjectNode net = networks.addObject();
            net.put("name", n.name());
            net.put("driver", n.driver());
            net.put("ipv6", n.ipv6());
            net.put("skipCreation", n.skipCreation());
            net.put("isDefault", n.isDefault());
        }
        task.defaultNetwork().ifPresent(n -> root.put("defaultNetwork", n.name()));
        ArrayNode secrets = root.putArray("secrets");
        task.secrets().forEach(s -> {
            ObjectNode o = secrets.addObject();
            o.put("id", s.id());
            o.put("keyvault", s.keyvault());
            o.put("clientID", s.clientID());
        });
        ArrayNode volumes = root.putArray("volumes");
        task.volumes().forEach(v -> {
            ObjectNode o = volumes.addObject();
            o.put("name", v.name());
            strings(o.putArray("files"), v.secret().keySet());
        });
        ArrayNode steps = root.putArray("steps");
        for (Step step : task.steps()) {
            steps.add(step(step));
        }
        return root;
    }

    static ObjectNode step(Step step) {
        StepSchedule o = step.schedule();
        // A push has no container: it shows the defaults, and the directory and network it reports.
        ContainerSettings k = step instanceof ContainerStep c ? c.container() : ContainerSettings.builder()
                .workingDirectory(step.reportedWorkingDirectory()).network(step.reportedNetwork()).build();
        CmdStep cmd = step instanceof CmdStep c ? c : CmdStep.builder().build();
        ObjectNode s = Reports.JSON.createObjectNode();
        s.put("id", step.id());
        s.put("kind", step.kind().key());
        if (step instanceof CmdStep c) {
            s.put("cmd", c.cmd());
        } else if (step instanceof BuildStep b) {
            s.put("build", b.build());
        } else if (step instanceof PushStep p) {
            strings(s.putArray("push"), p.images());
        }
        strings(s.putArray("when"), o.when());
        strings(s.putArray("dependencies"), o.dependencies());
        strings(s.putArray("env"), k.env());
        s.put("workingDirectory", k.workingDirectory());
        s.put("timeout", o.timeout());
        s.put("startDelay", o.startDelay());
        s.put("retries", o.retries());
        s.put("retryDelay", o.retryDelay());
        strings(s.putArray("retryOnErrors"), o.retryOnErrors());
        s.put("repeat", o.repeat());
        s.put("network", k.network());
        s.put("detach", k.detach());
        s.put("keep", k.keep());
        s.put("ignoreErrors", o.ignoreErrors());
        s.put("privileged", k.privileged());
        s.put("pull", cmd.pull());
        s.put("user", k.user());
        s.put("entryPoint", cmd.entryPoint());
        strings(s.putArray("ports"), k.ports());
        strings(s.putArray("expose"), k.expose());
        s.put("cache", step instanceof BuildStep b ? b.cache() : "");
        s.put("isolation", k.isolation());
        s.put("cpus", k.cpus());
        s.put("disableWorkingDirectoryOverride", k.disableWorkingDirectoryOverride());
        ArrayNode mounts = s.putArray("volumeMounts");
        k.volumeMounts().forEach(m -> mounts.addObject().put("name", m.name()).put("mountPath", m.mountPath()));
        ArrayNode with = s.putArray("exitedWith");
        o.exitedWith().forEach(with::add);
        ArrayNode without = s.putArray("exitedWithout");
        o.exitedWithout().forEach(without::add);
        // Every step has every key (empty for the kinds they do not apply to): one shape for consumers.
        strings(s.putArray("tags"), step instanceof BuildStep b ? b.tags() : java.util.List.of());
        strings(s.putArray("buildArgs"), step instanceof BuildStep b ? b.buildArgs() : java.util.List.of());
        return s;
    }

    private static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }
}
