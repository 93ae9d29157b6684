package io.multistep.runner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.multistep.spec.BuildStep;
import io.multistep.spec.CmdStep;
import io.multistep.spec.Network;
import io.multistep.spec.PushStep;
import io.multistep.spec.Step;
import io.multistep.spec.StepOptions;
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
        StepOptions o = step.options();
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
        strings(s.putArray("env"), o.env());
        s.put("workingDirectory", o.workingDirectory());
        s.put("timeout", o.timeout());
        s.put("startDelay", o.startDelay());
        s.put("retries", o.retries());
        s.put("retryDelay", o.retryDelay());
        strings(s.putArray("retryOnErrors"), o.retryOnErrors());
        s.put("repeat", o.repeat());
        s.put("network", o.network());
        s.put("detach", o.detach());
        s.put("keep", o.keep());
        s.put("ignoreErrors", o.ignoreErrors());
        s.put("privileged", o.privileged());
        s.put("pull", o.pull());
        s.put("user", o.user());
        s.put("entryPoint", o.entryPoint());
        strings(s.putArray("ports"), o.ports());
        strings(s.putArray("expose"), o.expose());
        s.put("cache", o.cache());
        s.put("isolation", o.isolation());
        s.put("cpus", o.cpus());
        s.put("disableWorkingDirectoryOverride", o.disableWorkingDirectoryOverride());
        ArrayNode mounts = s.putArray("volumeMounts");
        o.volumeMounts().forEach(m -> mounts.addObject().put("name", m.name()).put("mountPath", m.mountPath()));
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
