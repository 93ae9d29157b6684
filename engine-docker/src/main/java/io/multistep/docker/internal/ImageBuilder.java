package io.multistep.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.multistep.engine.spi.ImageDependency;
import io.multistep.engine.spi.ImageRecord;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeFailure.Kind;
import io.multistep.engine.spi.StepAttempt;
import io.multistep.engine.spi.StepOutcome;
import io.multistep.engine.spi.StepOutput;
import io.multistep.spec.BuildArguments;
import io.multistep.spec.BuildStep;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A build step: the context tarred by {@link ContextTar} and streamed to the Engine API's classic
 * builder, or — for BuildKit — handed to the Docker CLI.
 */
final class ImageBuilder {
    private final DockerClient docker;
    private final String host;
    private final RuntimeSettings settings;
    private final RunLayout run;
    private final Optional<Path> context;
    private final BuildStep step;
    private final StepAttempt attempt;
    private final StepOutput output;

    /**
     * @param host the engine address (for messages, and the CLI's {@code DOCKER_HOST})
     * @param run where the run's steps live (its networks)
     * @param context the run's context folder on this machine, if it has one
     */
    ImageBuilder(DockerClient docker, String host, RuntimeSettings settings, RunLayout run, Optional<Path> context,
            BuildStep step, StepAttempt attempt, StepOutput output) {
        this.docker = docker;
        this.host = host;
        this.settings = settings;
        this.run = run;
        this.context = context;
        this.step = step;
        this.attempt = attempt;
        this.output = output;
    }

    StepOutcome build() throws RuntimeFailure, InterruptedException {
        String id = step.id();
        List<String> env = new ArrayList<>();
        env.add("HOME=" + ContainerSpecs.HOME);
        env.addAll(step.container().env());
        BuildArguments cmd = step.arguments();
        if (cmd.flagProblem().isPresent()) {
            throw new RuntimeFailure(Kind.INVALID_STEP, "step " + id + ": cannot parse build '" + step.build() + "': "
                    + cmd.flagProblem().get());
        }
        switch (cmd.contextKind()) {
            case GIT, URL, OCI -> throw new RuntimeFailure(Kind.UNSUPPORTED, "step " + id + ": remote build context "
                    + cmd.context() + " (" + cmd.contextKind().name().toLowerCase(java.util.Locale.ROOT)
                    + ") is not supported yet; use a local folder of the run's context");
            case STDIN -> throw new RuntimeFailure(Kind.UNSUPPORTED, "step " + id + ": a build context from stdin is not supported");
            default -> { }
        }
        ContextConfinement confined = ContextConfinement.of(id, runContext());
        String containerWd = WorkDirs.containerWorkDir(step.container().workingDirectory());
        Path contextDir = confined.resolve("the build context", containerWd, cmd.context());
        if (step.usesBuildKit()) {
            // The CLI reads these itself, relative to its folder: each must be relative and stay inside.
            for (var p : io.multistep.spec.internal.BuildPaths.paths(cmd)) {
                if (p.path().startsWith("/")) {
                    throw new RuntimeFailure(Kind.INVALID_STEP, "step " + id + ": " + p.what() + " '" + p.path()
                            + "' must be relative to the working directory in a BuildKit build (the docker CLI reads "
                            + "it on this machine)");
                }
                confined.resolve(p.what(), containerWd, p.path());
            }
            return BuildKitCli.build(settings.dockerCli(), host, step, attempt, hostWorkDir(), output);
        }
        if (!Files.isDirectory(contextDir)) {
            throw new RuntimeFailure(Kind.INVALID_STEP, "step " + id + ": expected the build context " + cmd.context()
                    + " to be a folder, but " + contextDir + " is not one");
        }
        String dockerfileRel;
        Map<String, byte[]> extra = new LinkedHashMap<>();
        Path dockerfile;
        if (cmd.file().isEmpty()) {
            String name = "Dockerfile";
            if (!Files.exists(contextDir.resolve(name)) && Files.exists(contextDir.resolve("dockerfile"))) {
                name = "dockerfile";
            }
            dockerfile = confined.confine("the Dockerfile", name, contextDir.resolve(name));
        } else {
            // Like the CLI: -f is relative to the current folder (the step's working directory).
            dockerfile = confined.resolve("the Dockerfile (-f)", containerWd, cmd.file());
        }
        if (!Files.isRegularFile(dockerfile)) {
            // The reference's dependency scanner reads the Dockerfile first and fails the step so
            // (execution.md §4.3); what it could not find is in the step's output.
            output.line(StepOutput.Stream.STDERR, "step " + id + ": cannot locate the Dockerfile: expected "
                    + dockerfile + " to exist");
            throw new RuntimeFailure(Kind.INVALID_STEP, "failed to scan dependencies: exit status 1");
        }
        if (dockerfile.startsWith(contextDir)) {
            dockerfileRel = contextDir.relativize(dockerfile).toString().replace('\\', '/');
        } else {
            // Outside the context: sent under a random name, as the CLI does.
            dockerfileRel = ".dockerfile." + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            try {
                extra.put(dockerfileRel, Files.readAllBytes(dockerfile));
            } catch (IOException e) {
                throw new RuntimeFailure(Kind.INVALID_STEP, "step " + id + ": cannot read " + dockerfile + ": " + e.getMessage());
            }
        }
        confined.confine("the .dockerignore", ".dockerignore", contextDir.resolve(".dockerignore"));
        DockerIgnore ignore;
        try {
            ignore = ContextTar.readIgnore(contextDir).keeping(dockerfileRel, ".dockerignore");
            // Go's regexp errors come up only once a path reaches the pattern; the CLI's walk of
            // the context gets there at its first file, so report them before sending anything.
            ignore.validate();
        } catch (DockerIgnore.PatternError e) {
            throw new RuntimeFailure(Kind.INVALID_STEP, "step " + id + ": " + contextDir.resolve(".dockerignore")
                    + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.goMessage() + ": " + e.pattern());
        } catch (IOException | IllegalArgumentException e) {
            throw new RuntimeFailure(Kind.INVALID_STEP, "step " + id + ": cannot read " + contextDir.resolve(".dockerignore")
                    + ": " + e.getMessage());
        }
        final DockerIgnore rules = ignore;
        long[] size = new long[1];
        Helpers.Pipe tar = Helpers.pipe(out -> size[0] = ContextTar.write(contextDir, rules, extra, out));
        OutputLines lines = new OutputLines(output, StepOutput.Stream.STDOUT);
        var cb = new QuietCallback<BuildResponseItem>() {
            volatile String imageId;
            volatile String error;
            volatile int code;

            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null) {
                    lines.accept(item.getStream());
                }
                if (item.isBuildSuccessIndicated() && item.getImageId() != null) {
                    imageId = item.getImageId();
                }
                if (item.getErrorDetail() != null || item.getError() != null) {
                    error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                            ? item.getErrorDetail().getMessage() : item.getError();
                    Integer c = item.getErrorDetail() != null ? item.getErrorDetail().getCode() : null;
                    code = c != null ? c : 0;
                }
            }
        };
        BuildImageCmd build = docker.buildImageCmd(tar)
                .withDockerfilePath(dockerfileRel)
                .withRemove(true)
                .withForcerm(true) // a failed build leaves no intermediate container behind either
                .withNoCache(cmd.noCache())
                .withPull(cmd.pull());
        if (!cmd.tags().isEmpty()) {
            build.withTags(new LinkedHashSet<>(cmd.tags()));
        }
        cmd.resolvedBuildArgs(env).forEach(build::withBuildArg);
        if (!cmd.labels().isEmpty()) {
            build.withLabels(cmd.labels());
        }
        if (!cmd.target().isEmpty()) {
            build.withTarget(cmd.target());
        }
        if (!cmd.platform().isEmpty()) {
            build.withPlatform(cmd.platform());
        }
        if (!cmd.network().isEmpty()) {
            build.withNetworkMode(run.dockerNetwork(cmd.network()));
        }
        try (tar; cb) {
            build.exec(cb);
            long remaining = Duration.between(Instant.now(), attempt.deadline()).toMillis();
            if (!cb.awaitCompletion(Math.max(1, remaining), TimeUnit.MILLISECONDS)) {
                throw new RuntimeFailure(Kind.TIMED_OUT, "step " + id + ": the build timed out after "
                        + step.schedule().timeout() + " s");
            }
            lines.flush();
        } catch (IOException e) {
            // closing the callback
        } catch (RuntimeException e) {
            if (Failures.isUnreachable(e)) {
                throw Failures.map(host, "step " + id + ": building", e);
            }
            String why = tar.failure() != null ? "sending the context failed: " + tar.failure().getMessage()
                    : Failures.rootMessage(e);
            throw new RuntimeFailure(Kind.BUILD_FAILED, "step " + id + ": build failed: " + why, e);
        }
        output.line(StepOutput.Stream.STDOUT, "Sent build context to Docker daemon  " + size[0] + " bytes");
        if (tar.failure() != null) {
            throw new RuntimeFailure(Kind.BUILD_FAILED, "step " + id + ": sending the build context failed: "
                    + tar.failure().getMessage(), tar.failure());
        }
        if (cb.error != null) {
            // `docker build` prints the engine's error and exits with its code (a failed RUN's), or 1:
            // an ordinary failed attempt ("exit status N"), which retries and ignoreErrors apply to.
            output.line(StepOutput.Stream.STDERR, cb.error.strip());
            return StepOutcome.exited(cb.code > 0 ? cb.code : 1);
        }
        if (cb.imageId == null) {
            throw new RuntimeFailure(Kind.BUILD_FAILED, "step " + id + ": the engine reported no image id");
        }
        String imageId = cb.imageId;
        try {
            // The classic builder may report a short id ("Successfully built 2dce8106996b").
            imageId = docker.inspectImageCmd(imageId).exec().getId();
        } catch (RuntimeException e) {
            // keep what the build said
        }
        List<ImageRecord> images = new ArrayList<>();
        for (String t : cmd.tags()) {
            images.add(new ImageRecord(t, imageId, false));
        }
        if (images.isEmpty()) {
            images.add(new ImageRecord(imageId, imageId, false));
        }
        return new StepOutcome(0, Optional.empty(), images, dependencies(dockerfile, cmd, env));
    }

    /**
     * The reference's dependency report for this build; a problem reading it never fails the build.
     * The reference feeds it its narrower tag list (the word after a separate {@code -t}/{@code --tag},
     * or the hidden {@code tags} key); it is fed the tags Docker applies here, as before.
     */
    private List<ImageDependency> dependencies(Path dockerfile, BuildArguments cmd, List<String> env) {
        try {
            return DependencyScanner.scan(Files.readString(dockerfile), cmd.tags(), cmd.resolvedBuildArgs(env), cmd.target(),
                    this::localDigest);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The digest the engine knows for a reference, of its own repository only ({@link RepoDigests}), or empty. */
    private String localDigest(String reference) {
        return RepoDigests.of(docker, DependencyScanner.name(reference, r -> ""));
    }

    /** The run's context folder on this machine. */
    private Path runContext() throws RuntimeFailure {
        var ctx = context;
        if (ctx.isEmpty()) {
            throw new RuntimeFailure(Kind.UNSUPPORTED, "step " + step.id()
                    + ": a build needs the run's context folder, and this run has none");
        }
        return ctx.get();
    }

    /** The step's working directory on this machine, for the CLI: the run's context plus the path under /workspace. */
    private Path hostWorkDir() throws RuntimeFailure {
        Path ctx = runContext();
        String wd = WorkDirs.containerWorkDir(step.container().workingDirectory());
        if (!wd.equals(ContainerSpecs.WORKSPACE) && !wd.startsWith(ContainerSpecs.WORKSPACE + "/")) {
            throw new RuntimeFailure(Kind.INVALID_STEP, "step " + step.id() + ": expected the working directory "
                    + wd + " to be under /workspace for a build");
        }
        String rel = wd.substring(ContainerSpecs.WORKSPACE.length());
        return ctx.toAbsolutePath().resolve(rel.isEmpty() ? "." : rel.substring(1)).normalize();
    }

    /** BuildKit builds go through the Docker CLI (the Engine API's BuildKit session protocol is not spoken here). */
    static final class BuildKitCli {
        private static volatile Boolean buildxAvailable;

        static StepOutcome build(String cli, String host, BuildStep step, StepAttempt attempt, Path workDir,
                StepOutput output) throws RuntimeFailure, InterruptedException {
            if (!hasBuildx(cli)) {
                throw new RuntimeFailure(Kind.UNSUPPORTED, "step " + step.id()
                        + ": BuildKit builds need a docker CLI with buildx (" + cli + " buildx version failed)");
            }
            List<String> argv = new ArrayList<>(List.of(cli, "build"));
            argv.addAll(step.arguments().words());
            ProcessBuilder pb = new ProcessBuilder(argv).directory(workDir.toFile());
            pb.environment().put("DOCKER_BUILDKIT", "1");
            pb.environment().put("DOCKER_HOST", host);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new RuntimeFailure(Kind.UNSUPPORTED, "step " + step.id() + ": cannot run " + cli + ": " + e.getMessage());
            }
            Thread errPump = pump(p.getErrorStream(), output, StepOutput.Stream.STDERR);
            Thread outPump = pump(p.getInputStream(), output, StepOutput.Stream.STDOUT);
            try {
                long remaining = Duration.between(Instant.now(), attempt.deadline()).toMillis();
                if (!p.waitFor(Math.max(1, remaining), TimeUnit.MILLISECONDS)) {
                    throw new RuntimeFailure(Kind.TIMED_OUT, "step " + step.id() + ": the build timed out");
                }
                outPump.join(5000);
                errPump.join(5000);
                // The CLI has printed why; a non-zero exit is an ordinary failed attempt, as in the reference.
                return StepOutcome.exited(p.exitValue());
            } finally {
                p.destroyForcibly();
            }
        }

        private static boolean hasBuildx(String cli) throws InterruptedException {
            Boolean known = buildxAvailable;
            if (known != null) {
                return known;
            }
            boolean ok;
            try {
                Process p = new ProcessBuilder(cli, "buildx", "version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                ok = false;
            }
            buildxAvailable = ok;
            return ok;
        }

        private static Thread pump(java.io.InputStream in, StepOutput output, StepOutput.Stream stream) {
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        output.line(stream, line);
                    }
                } catch (IOException e) {
                    // process ended
                }
            }, "multistep-buildkit-" + stream);
            t.setDaemon(true);
            t.start();
            return t;
        }
    }
}
