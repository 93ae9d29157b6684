package io.multistep.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.multistep.spec.BuildStep;
import io.multistep.spec.CmdStep;
import io.multistep.spec.ContainerSettings;
import io.multistep.spec.StepSchedule;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkSandboxTest {
    @TempDir
    Path dir;

    @Test
    void holderProgramsExistForLinuxAmd64AndArm64Only() {
        assertThat(NetworkSandbox.supports("linux/amd64")).isTrue();
        assertThat(NetworkSandbox.supports("linux/arm64")).isTrue();
        assertThat(NetworkSandbox.supports("windows/amd64")).isFalse();
        assertThat(NetworkSandbox.supports("linux/s390x")).isFalse();
        assertThat(NetworkSandbox.supports("")).isFalse();
    }

    private static CmdStep step(java.util.function.UnaryOperator<ContainerSettings.Builder> options) {
        return CmdStep.builder().cmd("img true").schedule(StepSchedule.builder().id("s").build())
                .container(options.apply(ContainerSettings.builder().network("acb_default_network")).build()).build();
    }

    @Test
    void plainAttachedCmdStepsOnAUserDefinedNetworkJoinTheSandbox() {
        assertThat(NetworkSandbox.canJoin(step(o -> o), "acb_default_network-r1")).isTrue();
        assertThat(NetworkSandbox.canJoin(step(o -> o.env(List.of("A=1")).user("1000").cpus("0.5")), "net")).isTrue();
    }

    @Test
    void stepsThatNeedANamespaceOfTheirOwnDoNotJoin() {
        assertThat(NetworkSandbox.canJoin(step(o -> o.detach(true)), "net")).as("detach").isFalse();
        assertThat(NetworkSandbox.canJoin(step(o -> o.keep(true)), "net")).as("keep").isFalse();
        assertThat(NetworkSandbox.canJoin(step(o -> o.privileged(true)), "net")).as("privileged").isFalse();
        assertThat(NetworkSandbox.canJoin(step(o -> o.ports(List.of("8080"))), "net")).as("ports").isFalse();
        assertThat(NetworkSandbox.canJoin(step(o -> o.expose(List.of("8080"))), "net")).as("expose").isFalse();
        for (String network : List.of("host", "none", "bridge", "default", "", "container:abc")) {
            assertThat(NetworkSandbox.canJoin(step(o -> o), network)).as(network).isFalse();
        }
        BuildStep build = BuildStep.builder().arguments("-t x .").schedule(StepSchedule.builder().id("b").build())
                .container(ContainerSettings.builder().network("net").build()).build();
        assertThat(NetworkSandbox.canJoin(build, "net")).as("build").isFalse();
    }

    @Test
    void holderProgramIsAnElfExecutableWhoseEntryPointIsItsCode() {
        byte[] elf = NetworkSandbox.program("linux/amd64").orElseThrow();
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(elf, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ELF");
        assertThat(b.getShort(16)).as("type").isEqualTo((short) 2);
        assertThat(b.getShort(18)).as("machine").isEqualTo((short) 0x3e);
        long entry = b.getLong(24);
        long vaddr = b.getLong(64 + 16);
        assertThat(entry - vaddr).as("entry offset").isEqualTo(120);
        assertThat(b.getLong(64 + 32)).as("file size").isEqualTo(elf.length);
        assertThat(NetworkSandbox.program("linux/arm64").orElseThrow()[18]).as("arm64 machine").isEqualTo((byte) 0xb7);
    }

    @Test
    void amd64HolderWaitsUntilKilled() throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "needs a Linux amd64 host");
        assertWaitsUntilKilled(List.of(write("linux/amd64").toString()));
    }

    @Test
    void arm64HolderWaitsUntilKilledUnderQemu() throws Exception {
        Path qemu = Path.of("/usr/bin/qemu-aarch64-static");
        assumeTrue(Files.isExecutable(qemu), "needs qemu-aarch64-static to run arm64 code on this host");
        assertWaitsUntilKilled(List.of(qemu.toString(), write("linux/arm64").toString()));
    }

    private Path write(String platform) throws Exception {
        Path p = dir.resolve("pause-" + platform.replace('/', '-'));
        Files.write(p, NetworkSandbox.program(platform).orElseThrow());
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static void assertWaitsUntilKilled(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            // A crash (bad instruction, bad syscall) ends the process at once; a waiting one is still here.
            assertThat(p.waitFor(500, TimeUnit.MILLISECONDS)).as("exited early, output: %s", p.info()).isFalse();
            p.destroyForcibly();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
    }
}
