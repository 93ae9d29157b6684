package io.multistep.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.spec.CmdStep;
import io.multistep.spec.ContainerSettings;
import io.multistep.spec.Step;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A network namespace that the plain steps of a run share, as the containers of a Kubernetes pod
 * share their "pause" container's.
 *
 * <p>Why: giving a container its own network namespace on a user-defined network is most of what
 * starting it costs the engine (≈ 220 ms of a ≈ 340 ms {@code docker run} on two cores, measured
 * with {@code scripts/bench-docker.sh}); joining an existing namespace ({@code --network
 * container:<id>}) costs almost nothing. So one small container per task network holds a namespace
 * on that network, with every sharing step's id as a network alias, and those steps run in it.
 * Other containers on the network reach a step by its id, as they reach the reference's container
 * named so. Steps that publish or expose ports, run detached, privileged or kept get their own
 * namespace as before; see {@code docs/differences.md} for what sharing changes.
 *
 * <p>The holder runs a tiny static program that only waits for signals. Its image is built on the
 * engine from {@code scratch} the first time it is needed, so nothing is pulled from a registry.
 */
final class NetworkSandbox {
    private NetworkSandbox() {}

    /** The image of the namespace holders; the tag changes whenever the program does. */
    static final String IMAGE = "multistep/network-sandbox:1";
    /** Label marking a namespace holder (its value is the task network it holds a namespace on). */
    static final String LABEL = io.multistep.docker.RunLabels.NETWORK_SANDBOX;

    /**
     * The engine platforms ({@code os/arch} in Go's names) the holder program exists for. Others run
     * every step in its own namespace.
     */
    static boolean supports(String platform) {
        return program(platform).isPresent();
    }

    /**
     * Whether a step can run in the sandbox of its network: a plain, attached cmd step on a
     * user-defined network of the task. Steps that publish or expose ports, run detached (a service
     * outlives its step), privileged (it may reconfigure its namespace) or kept (its namespace must
     * outlive the run) get their own.
     *
     * @param dockerNetwork the Docker network the step's {@code network} names
     */
    static boolean canJoin(Step step, String dockerNetwork) {
        if (!(step instanceof CmdStep cmd)) {
            return false;
        }
        ContainerSettings o = cmd.container();
        if (o.detach() || o.keep() || o.privileged() || !o.ports().isEmpty()
                || !o.expose().isEmpty()) {
            return false;
        }
        return !Set.of("host", "none", "bridge", "default", "").contains(dockerNetwork)
                && !dockerNetwork.startsWith("container:");
    }

    /** Builds the holder image when the engine lacks it. */
    static void ensureImage(DockerClient docker, String platform) throws RuntimeFailure {
        try {
            docker.inspectImageCmd(IMAGE).exec();
            return;
        } catch (NotFoundException e) {
            // built below
        }
        byte[] program = program(platform).orElseThrow(() -> new RuntimeFailure(RuntimeFailure.Kind.OTHER,
                "no network sandbox program for the engine platform " + platform));
        try {
            ByteArrayOutputStream tar = new ByteArrayOutputStream();
            try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
                add(out, "Dockerfile", 0100644, ("FROM scratch\nCOPY pause /pause\nLABEL " + LABEL + "=image\n"
                        + "ENTRYPOINT [\"/pause\"]\n").getBytes(StandardCharsets.UTF_8));
                add(out, "pause", 0100755, program);
            }
            try (var cb = docker.buildImageCmd(new ByteArrayInputStream(tar.toByteArray()))
                    .withTags(Set.of(IMAGE)).withRemove(true).exec(new BuildImageResultCallback())) {
                cb.awaitImageId(60, TimeUnit.SECONDS);
            }
        } catch (IOException | RuntimeException e) {
            throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, "cannot build the network sandbox image " + IMAGE
                    + ": " + e.getMessage(), e);
        }
    }

    private static void add(TarArchiveOutputStream out, String name, int mode, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        e.setMode(mode);
        out.putArchiveEntry(e);
        out.write(content);
        out.closeArchiveEntry();
    }

    /**
     * Creates a holder on a Docker network, reachable there under every alias. Containers can be
     * created to join its namespace at once; they can start once it runs.
     *
     * @return the holder's container id
     */
    static String create(DockerClient docker, String name, String network, Collection<String> aliases,
            Map<String, String> labels) {
        var all = new java.util.LinkedHashMap<>(labels);
        all.put(LABEL, network);
        return docker.createContainerCmd(IMAGE)
                .withName(name)
                .withLabels(all)
                .withAliases(new ArrayList<>(aliases))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network))
                .exec().getId();
    }

    /**
     * The holder program for a platform: a static ELF executable that waits for signals forever
     * (a Linux process with pid 1 ignores those it has no handler for, so only SIGKILL ends it,
     * which is how the runtime removes containers).
     */
    static Optional<byte[]> program(String platform) {
        return switch (platform) {
            // loop: mov eax, 34 (pause); syscall; jmp loop
            case "linux/amd64" -> Optional.of(elf(0x3e, new byte[] {
                    (byte) 0xb8, 0x22, 0x00, 0x00, 0x00, 0x0f, 0x05, (byte) 0xeb, (byte) 0xf7}));
            // loop: x0..x3 = 0; x8 = 73 (ppoll: wait for nothing, no timeout); svc #0; b loop
            case "linux/arm64" -> Optional.of(elf(0xb7, words(
                    0xd2800000, 0xd2800001, 0xd2800002, 0xd2800003, 0xd2800928, 0xd4000001, 0x17fffffa)));
            default -> Optional.empty();
        };
    }

    private static byte[] words(int... instructions) {
        ByteBuffer b = ByteBuffer.allocate(instructions.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i : instructions) {
            b.putInt(i);
        }
        return b.array();
    }

    /** The smallest valid ELF64 executable: a header, one loadable segment, the code right after them. */
    static byte[] elf(int machine, byte[] code) {
        final int headers = 64 + 56;
        final long base = 0x400000;
        ByteBuffer b = ByteBuffer.allocate(headers + code.length).order(ByteOrder.LITTLE_ENDIAN);
        // ELF header: magic, 64-bit, little endian, version 1, System V ABI, padding
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        b.putShort((short) 2); // ET_EXEC
        b.putShort((short) machine);
        b.putInt(1); // version
        b.putLong(base + headers); // entry point: the code
        b.putLong(64); // program headers right after this header
        b.putLong(0); // no section headers
        b.putInt(0); // flags
        b.putShort((short) 64); // this header's size
        b.putShort((short) 56); // a program header's size
        b.putShort((short) 1); // one program header
        b.putShort((short) 64); // section header size (none present)
        b.putShort((short) 0);
        b.putShort((short) 0);
        // Program header: the whole file loaded readable and executable at base
        b.putInt(1); // PT_LOAD
        b.putInt(5); // PF_R | PF_X
        b.putLong(0); // file offset
        b.putLong(base); // virtual address
        b.putLong(base); // physical address
        b.putLong(headers + code.length); // size in the file
        b.putLong(headers + code.length); // size in memory
        b.putLong(0x1000); // alignment
        b.put(code);
        return b.array();
    }
}
