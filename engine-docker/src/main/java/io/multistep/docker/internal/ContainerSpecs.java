package io.multistep.docker.internal;

import io.multistep.docker.RunLabels;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Isolation;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import io.multistep.spec.ContainerSettings;
import io.multistep.spec.ContainerStep;
import io.multistep.spec.Step;
import io.multistep.spec.VolumeMount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code docker run} mapping of execution.md §3, in one place: what the reference passes as
 * flags becomes the container's create request here.
 */
final class ContainerSpecs {
    private ContainerSpecs() {}

    /** Where the per-run home volume is mounted, with {@code HOME} pointing at it. */
    static final String HOME = "/acb/home";
    static final String WORKSPACE = "/workspace";
    static final String DOCKER_SOCKET = "/var/run/docker.sock";

    /**
     * Fills in everything but the image, command and entry point.
     *
     * @param run where the run's steps live (labels, workspace, home, networks, volumes)
     * @param settings the runtime's settings (docker socket, publish address)
     * @param sandbox the id of the {@link NetworkSandbox} whose network namespace the step joins,
     *     or {@code null} for a namespace of its own on the step's network
     * @throws IllegalArgumentException when a port, cpus or isolation value is invalid
     */
    static void apply(CreateContainerCmd create, Step step, RunLayout run, RuntimeSettings settings, String sandbox) {
        ContainerSettings o = ((ContainerStep) step).container();
        List<String> env = new ArrayList<>();
        env.add("HOME=" + HOME); // first, so a step's own HOME= wins (the reference's order)
        env.addAll(o.env());
        create.withEnv(env);
        if (!o.disableWorkingDirectoryOverride()) {
            create.withWorkingDir(WorkDirs.containerWorkDir(o.workingDirectory()));
        }
        if (!o.user().isEmpty()) {
            create.withUser(o.user());
        }
        Map<String, String> labels = new LinkedHashMap<>(run.labels());
        labels.put(RunLabels.STEP, step.id());
        if (o.keep()) {
            labels.put(RunLabels.KEPT, "true"); // plain prune leaves it; prune --kept or --run removes it
        }
        create.withLabels(labels);

        List<Bind> binds = new ArrayList<>();
        binds.add(Bind.parse(run.workspaceSource() + ":" + WORKSPACE));
        if (settings.mountDockerSocket()) {
            binds.add(Bind.parse(DOCKER_SOCKET + ":" + DOCKER_SOCKET));
        }
        binds.add(Bind.parse(run.homeVolume() + ":" + HOME));
        for (VolumeMount m : o.volumeMounts()) {
            binds.add(new Bind(run.dockerVolume(m.name()), new Volume(m.mountPath())));
        }
        HostConfig host = HostConfig.newHostConfig().withBinds(binds).withPrivileged(o.privileged());

        String network = o.network().isEmpty() ? "" : run.dockerNetwork(o.network());
        if (sandbox != null) {
            // The sandbox is on the step's network and carries the step's id as an alias.
            host.withNetworkMode("container:" + sandbox);
        } else if (!network.isEmpty()) {
            host.withNetworkMode(network);
            if (!Set.of("host", "none", "bridge", "default").contains(network) && !network.startsWith("container:")) {
                // Later steps reach this one by its id, as they reach the reference's container named so.
                create.withAliases(step.id());
            }
        }
        Set<ExposedPort> exposed = new LinkedHashSet<>();
        List<PortBinding> bindings = new ArrayList<>();
        for (String p : o.ports()) {
            PortBinding b;
            try {
                b = PortBinding.parse(p);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid ports entry '" + p + "': expected [ip:][hostPort:]containerPort[/protocol]");
            }
            String ip = b.getBinding().getHostIp();
            if ((ip == null || ip.isEmpty()) && !settings.publishAddress().isEmpty()) {
                b = new PortBinding(Ports.Binding.bindIpAndPort(settings.publishAddress(),
                        b.getBinding().getHostPortSpec() == null ? 0 : Integer.parseInt(b.getBinding().getHostPortSpec())),
                        b.getExposedPort());
            }
            bindings.add(b);
            exposed.add(b.getExposedPort());
        }
        for (String e : o.expose()) {
            try {
                exposed.add(ExposedPort.parse(e.contains("/") ? e : e + "/tcp"));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("invalid expose entry '" + e + "': expected port[/protocol]");
            }
        }
        if (!bindings.isEmpty()) {
            host.withPortBindings(bindings);
        }
        if (!exposed.isEmpty()) {
            create.withExposedPorts(new ArrayList<>(exposed));
        }
        if (!o.cpus().isEmpty()) {
            try {
                host.withNanoCPUs(new BigDecimal(o.cpus()).movePointRight(9).longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("invalid cpus '" + o.cpus() + "': expected a number such as 1.5");
            }
        }
        if (!o.isolation().isEmpty()) {
            Isolation iso = Isolation.fromValue(o.isolation().toLowerCase(java.util.Locale.ROOT));
            if (iso == null) {
                throw new IllegalArgumentException("invalid isolation '" + o.isolation() + "': expected default, process or hyperv");
            }
            host.withIsolation(iso);
        }
        create.withHostConfig(host);
    }
}
