package io.multistep.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code exec --dry-run} and the checks {@code exec} makes before it touches Docker. */
class ExecDryRunTest {

    @TempDir
    Path dir;

    static final String TASK = """
            version: v1.1.0
            steps:
              - id: hello
                cmd: bash echo hello {{.Run.ID}}
                env: [A=1]
              - id: image
                build: -t $Registry/app:$ID .
                when: [hello]
              - id: push
                push: [$Registry/app:$ID]
                when: [image]
            """;

    @Test
    void dryRunPrintsRenderedTaskGraphAndOperations() {
        String task = Cli.write(dir, "acb.yaml", TASK);
        Cli.Result r = Cli.run("exec", "--dry-run", "-f", task, "--id", "r1", "-r", "reg.io", dir.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("""
                # Rendered task
                version: v1.1.0
                steps:
                  - id: hello
                    cmd: bash echo hello r1
                    env: [A=1]
                  - id: image
                    build: -t reg.io/app:r1 .
                    when: [hello]
                  - id: push
                    push: [reg.io/app:r1]
                    when: [image]

                # Step graph
                hello (cmd)
                  image (build)
                    push (push)

                # Operations
                create network acb_default_network --driver bridge
                step hello:
                  image: mcr.microsoft.com/acr/bash:42e38da
                  command: echo hello r1
                  env: HOME=/acb/home, A=1
                  workdir: /workspace
                  mounts: <context>:/workspace
                  network: acb_default_network as alias hello
                  timeout: 600s, retries: 0, repeat: 0
                step image (after hello):
                  docker build -t reg.io/app:r1 .
                  tags: reg.io/app:r1
                  env: HOME=/acb/home
                  workdir: /workspace
                  mounts: <context>:/workspace
                  network: acb_default_network as alias image
                  timeout: 600s, retries: 0, repeat: 0
                step push (after image):
                  push reg.io/app:r1
                """);
    }

    @Test
    void dryRunShowsEveryTagDockerApplies() {
        String task = Cli.write(dir, "acb.yaml", "version: v1.1.0\nsteps:\n  - id: b\n"
                + "    build: -t a:1 --tag=b:2 -tc:3 --tag 'd:4' .\n");
        Cli.Result r = Cli.run("exec", "--dry-run", "-f", task, dir.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("  tags: a:1, b:2, c:3, d:4\n");
    }

    @Test
    void dryRunOfACmdWithAnUnclosedQuoteIsALocatedExit2() {
        String task = Cli.write(dir, "acb.yaml", "version: v1.1.0\nsteps:\n  - id: a\n    cmd: img echo 'hi\n");
        Cli.Result r = Cli.run("exec", "--dry-run", "-f", task);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(task + ":4:5: error: cannot split cmd: unterminated single quote at column 10"
                + " in: img echo 'hi\n");
    }

    @Test
    void dryRunOfAnInvalidTaskIsExit2() {
        String task = Cli.write(dir, "acb.yaml", "version: v1.1.0\nsteps:\n  - id: a\n    retries: -2\n    cmd: bash\n");
        Cli.Result r = Cli.run("exec", "--dry-run", "-f", task);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(task + ":4:14: error: step must specify retries >= 0 (found -2)\n");
    }

    @Test
    void missingTaskFileIsExit2() {
        String missing = dir.resolve("none.yaml").toString();
        Cli.Result r = Cli.run("exec", "--dry-run", "-f", missing);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: failed to load template at path " + missing + ": stat " + missing
                + ": no such file or directory\n");
    }

    /**
     * The dry run must not touch Docker: run it in a class loader of its own that records every class
     * it loads, and check that no Docker client class was among them.
     */
    @Test
    void dryRunNeverLoadsTheDockerClient() throws Exception {
        String task = Cli.write(dir, "acb.yaml", TASK);
        Set<String> loaded = ConcurrentHashMap.newKeySet();
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                loaded.add(name);
                return super.loadClass(name, resolve);
            }
        }; PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            Method run = isolated.loadClass("io.multistep.runner.Main").getDeclaredMethod("run", String[].class);
            run.setAccessible(true);
            exit = (int) run.invoke(null, (Object) new String[] {"exec", "--dry-run", "-f", task, "--id", "r1", "-r", "reg.io", dir.toString()});
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(loaded).contains("io.multistep.runner.DryRun");
        assertThat(loaded).noneMatch(n -> n.startsWith("com.github.dockerjava") || n.startsWith("io.multistep.docker.internal"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "C-7 not JSON      | {not json                                                                                  | unable to unmarshal Credentials from string: ",
        "C-8 no registry   | {\"username\":\"u\",\"password\":\"p\",\"userNameProviderType\":\"opaque\",\"passwordProviderType\":\"opaque\"} | registry name can't be empty",
        "C-9 no username   | {\"registry\":\"r.io\",\"password\":\"p\",\"userNameProviderType\":\"opaque\",\"passwordProviderType\":\"Opaque\"} | username can't be empty",
        "C-10 no password  | {\"registry\":\"r.io\",\"username\":\"u\",\"userNameProviderType\":\"OPAQUE\",\"passwordProviderType\":\"opaque\"} | password can't be empty",
        "C-11 vault        | {\"registry\":\"r.io\",\"username\":\"u\",\"password\":\"https://v.vault.azure.net/secrets/p\",\"userNameProviderType\":\"opaque\",\"passwordProviderType\":\"vaultsecret\"} | identity can't be empty",
        "C-11 msi          | {\"registry\":\"r.io\",\"aadResourceId\":\"https://management.azure.com\"}                     | identity can't be empty",
        "C-12 msi          | {\"registry\":\"r.io\",\"identity\":\"abc\"}                                                   | aadResourceId can't be empty",
        "C-13 unclassified | {\"registry\":\"r.io\",\"username\":\"u\",\"password\":\"p\",\"userNameProviderType\":\"opaque\"} | unable to classify credential into opaque, vault or msi",
    })
    void credentialErrorsAreExit2WithTheReferenceMessage(String name, String json, String message) {
        String task = Cli.write(dir, "acb.yaml", TASK);
        Cli.Result r = Cli.run("exec", "--dry-run", "-f", task, "--credential", json.strip(), dir.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error creating registry credentials from given list: " + message.strip());
        if (!name.startsWith("C-7")) {
            assertThat(r.err()).isEqualTo("error creating registry credentials from given list: " + message.strip() + "\n");
        }
    }

    @Test
    void aValidOpaqueCredentialIsAccepted() {
        String task = Cli.write(dir, "acb.yaml", TASK);
        Cli.Result r = Cli.run("exec", "--dry-run", "-f", task, "--id=r1", "-r", "reg.io", dir.toString(), "--credential",
                "{\"registry\":\"r.io\",\"username\":\"u\",\"password\":\"p\",\"userNameProviderType\":\"opaque\","
                        + "\"passwordProviderType\":\"opaque\"}");
        assertThat(r.exit()).as(r.toString()).isZero();
    }

    @Test
    void badSecretFlagsAreExit2() {
        String task = Cli.write(dir, "acb.yaml", TASK);
        Cli.Result secret = Cli.run("exec", "--dry-run", "-f", task, "--secret", "novalue", dir.toString());
        assertThat(secret.exit()).isEqualTo(2);
        assertThat(secret.err()).isEqualTo("error: --secret expects ID=VALUE, found no '=' (the value is not shown)\n");
        String secrets = Cli.write(dir, "secrets.yaml", "- a\n- b\n");
        Cli.Result file = Cli.run("exec", "--dry-run", "-f", task, "--secrets-file", secrets, dir.toString());
        assertThat(file.exit()).isEqualTo(2);
        assertThat(file.err()).contains("must be a map of secret id to value");
        Cli.Result missing = Cli.run("exec", "--dry-run", "-f", task, "--secrets-file", dir.resolve("no.yaml").toString(),
                dir.toString());
        assertThat(missing.exit()).as(missing.toString()).isEqualTo(2);
    }
}
