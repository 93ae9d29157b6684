package io.multistep.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The options every step kind shares, after normalisation (task-format.md §5–§7).
 *
 * <p>Durations are kept in whole seconds, as the task file writes them; {@link #timeoutDuration()}
 * and friends give {@link Duration}s. Use {@link #builder()} to create one.
 *
 * @param id the step id: explicit, or {@code acb_step_<index>}
 * @param location where the step starts in the authored file
 * @param when {@code when} as written
 * @param dependencies resolved dependency ids: the {@code when} ids, the previous step when {@code when} is absent, none for {@code ["-"]}
 * @param env the merged environment: the step's own items, then inherited task and CLI items
 * @param workingDirectory the working directory (step's own, else the task's); empty means {@code /workspace}
 * @param entryPoint the {@code --entrypoint} value (cmd steps)
 * @param user the {@code --user} value
 * @param network the network (step's own, else the default network), empty for Docker's default
 * @param isolation the {@code --isolation} value
 * @param cpus the {@code --cpus} value
 * @param ports {@code -p} values
 * @param expose {@code --expose} values
 * @param privileged run privileged
 * @param keep keep the container after the step (no {@code --rm})
 * @param detach the step succeeds once its container runs; it lives until the run ends
 * @param disableWorkingDirectoryOverride do not set the container's working directory
 * @param pull pull the image before running (cmd steps)
 * @param cmdDownloadRetries extra pull attempts
 * @param cmdDownloadRetryDelay seconds between pull attempts
 * @param timeout seconds for all attempts, retry delays and repeats
 * @param startDelay seconds to wait before the step starts
 * @param retries extra attempts after a failed attempt
 * @param retryDelay seconds between attempts
 * @param retryOnErrors retry only when the failed attempt's output holds one of these
 * @param repeat extra full executions after the first
 * @param ignoreErrors a failure is logged and the step counts as successful
 * @param cache {@code enabled}, {@code disabled} or empty (build steps)
 * @param volumeMounts volumes mounted into the step's container
 * @param exitedWith exit codes that count as success
 * @param exitedWithout exit codes that count as failure
 */
@API(status = API.Status.STABLE, since = "0.1")
public record StepOptions(
        String id,
        SourceLocation location,
        List<String> when,
        List<String> dependencies,
        List<String> env,
        String workingDirectory,
        String entryPoint,
        String user,
        String network,
        String isolation,
        String cpus,
        List<String> ports,
        List<String> expose,
        boolean privileged,
        boolean keep,
        boolean detach,
        boolean disableWorkingDirectoryOverride,
        boolean pull,
        int cmdDownloadRetries,
        int cmdDownloadRetryDelay,
        int timeout,
        int startDelay,
        int retries,
        int retryDelay,
        List<String> retryOnErrors,
        int repeat,
        boolean ignoreErrors,
        String cache,
        List<VolumeMount> volumeMounts,
        List<Integer> exitedWith,
        List<Integer> exitedWithout) {

    /** Checks the arguments and freezes the lists. */
    public StepOptions {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(entryPoint, "entryPoint");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(cpus, "cpus");
        Objects.requireNonNull(cache, "cache");
        when = List.copyOf(when);
        dependencies = List.copyOf(dependencies);
        env = List.copyOf(env);
        ports = List.copyOf(ports);
        expose = List.copyOf(expose);
        retryOnErrors = List.copyOf(retryOnErrors);
        volumeMounts = List.copyOf(volumeMounts);
        exitedWith = List.copyOf(exitedWith);
        exitedWithout = List.copyOf(exitedWithout);
    }

    /** The step timeout as a duration. */
    public Duration timeoutDuration() {
        return Duration.ofSeconds(timeout);
    }

    /** The start delay as a duration. */
    public Duration startDelayDuration() {
        return Duration.ofSeconds(startDelay);
    }

    /** The pause between retries as a duration. */
    public Duration retryDelayDuration() {
        return Duration.ofSeconds(retryDelay);
    }

    /** A builder with every option at the reference's default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.location = location;
        b.when = when;
        b.dependencies = dependencies;
        b.env = env;
        b.workingDirectory = workingDirectory;
        b.entryPoint = entryPoint;
        b.user = user;
        b.network = network;
        b.isolation = isolation;
        b.cpus = cpus;
        b.ports = ports;
        b.expose = expose;
        b.privileged = privileged;
        b.keep = keep;
        b.detach = detach;
        b.disableWorkingDirectoryOverride = disableWorkingDirectoryOverride;
        b.pull = pull;
        b.cmdDownloadRetries = cmdDownloadRetries;
        b.cmdDownloadRetryDelay = cmdDownloadRetryDelay;
        b.timeout = timeout;
        b.startDelay = startDelay;
        b.retries = retries;
        b.retryDelay = retryDelay;
        b.retryOnErrors = retryOnErrors;
        b.repeat = repeat;
        b.ignoreErrors = ignoreErrors;
        b.cache = cache;
        b.volumeMounts = volumeMounts;
        b.exitedWith = exitedWith;
        b.exitedWithout = exitedWithout;
        return b;
    }

    /** Builds {@link StepOptions}; every option starts at the reference's default. */
    public static final class Builder {
        private String id = "";
        private SourceLocation location = SourceLocation.UNKNOWN;
        private List<String> when = List.of();
        private List<String> dependencies = List.of();
        private List<String> env = List.of();
        private String workingDirectory = "";
        private String entryPoint = "";
        private String user = "";
        private String network = "";
        private String isolation = "";
        private String cpus = "";
        private List<String> ports = List.of();
        private List<String> expose = List.of();
        private boolean privileged = false;
        private boolean keep = false;
        private boolean detach = false;
        private boolean disableWorkingDirectoryOverride = false;
        private boolean pull = false;
        private int cmdDownloadRetries = 0;
        private int cmdDownloadRetryDelay = 0;
        private int timeout = 600;
        private int startDelay = 0;
        private int retries = 0;
        private int retryDelay = 5;
        private List<String> retryOnErrors = List.of();
        private int repeat = 0;
        private boolean ignoreErrors = false;
        private String cache = "";
        private List<VolumeMount> volumeMounts = List.of();
        private List<Integer> exitedWith = List.of();
        private List<Integer> exitedWithout = List.of();

        private Builder() {}

        /** Sets the step id: explicit, or {@code acb_step_<index>}. @param value the value @return this builder */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /** Sets where the step starts in the authored file. @param value the value @return this builder */
        public Builder location(SourceLocation value) {
            this.location = value;
            return this;
        }

        /** Sets {@code when} as written. @param value the value @return this builder */
        public Builder when(List<String> value) {
            this.when = value;
            return this;
        }

        /** Sets resolved dependency ids: the {@code when} ids, the previous step when {@code when} is absent, none for {@code ["-"]}. @param value the value @return this builder */
        public Builder dependencies(List<String> value) {
            this.dependencies = value;
            return this;
        }

        /** Sets the merged environment: the step's own items, then inherited task and CLI items. @param value the value @return this builder */
        public Builder env(List<String> value) {
            this.env = value;
            return this;
        }

        /** Sets the working directory (step's own, else the task's); empty means {@code /workspace}. @param value the value @return this builder */
        public Builder workingDirectory(String value) {
            this.workingDirectory = value;
            return this;
        }

        /** Sets the {@code --entrypoint} value (cmd steps). @param value the value @return this builder */
        public Builder entryPoint(String value) {
            this.entryPoint = value;
            return this;
        }

        /** Sets the {@code --user} value. @param value the value @return this builder */
        public Builder user(String value) {
            this.user = value;
            return this;
        }

        /** Sets the network (step's own, else the default network), empty for Docker's default. @param value the value @return this builder */
        public Builder network(String value) {
            this.network = value;
            return this;
        }

        /** Sets the {@code --isolation} value. @param value the value @return this builder */
        public Builder isolation(String value) {
            this.isolation = value;
            return this;
        }

        /** Sets the {@code --cpus} value. @param value the value @return this builder */
        public Builder cpus(String value) {
            this.cpus = value;
            return this;
        }

        /** Sets {@code -p} values. @param value the value @return this builder */
        public Builder ports(List<String> value) {
            this.ports = value;
            return this;
        }

        /** Sets {@code --expose} values. @param value the value @return this builder */
        public Builder expose(List<String> value) {
            this.expose = value;
            return this;
        }

        /** Sets run privileged. @param value the value @return this builder */
        public Builder privileged(boolean value) {
            this.privileged = value;
            return this;
        }

        /** Sets keep the container after the step (no {@code --rm}). @param value the value @return this builder */
        public Builder keep(boolean value) {
            this.keep = value;
            return this;
        }

        /** Sets the step succeeds once its container runs; it lives until the run ends. @param value the value @return this builder */
        public Builder detach(boolean value) {
            this.detach = value;
            return this;
        }

        /** Sets do not set the container's working directory. @param value the value @return this builder */
        public Builder disableWorkingDirectoryOverride(boolean value) {
            this.disableWorkingDirectoryOverride = value;
            return this;
        }

        /** Sets pull the image before running (cmd steps). @param value the value @return this builder */
        public Builder pull(boolean value) {
            this.pull = value;
            return this;
        }

        /** Sets extra pull attempts. @param value the value @return this builder */
        public Builder cmdDownloadRetries(int value) {
            this.cmdDownloadRetries = value;
            return this;
        }

        /** Sets seconds between pull attempts. @param value the value @return this builder */
        public Builder cmdDownloadRetryDelay(int value) {
            this.cmdDownloadRetryDelay = value;
            return this;
        }

        /** Sets seconds for all attempts, retry delays and repeats. @param value the value @return this builder */
        public Builder timeout(int value) {
            this.timeout = value;
            return this;
        }

        /** Sets seconds to wait before the step starts. @param value the value @return this builder */
        public Builder startDelay(int value) {
            this.startDelay = value;
            return this;
        }

        /** Sets extra attempts after a failed attempt. @param value the value @return this builder */
        public Builder retries(int value) {
            this.retries = value;
            return this;
        }

        /** Sets seconds between attempts. @param value the value @return this builder */
        public Builder retryDelay(int value) {
            this.retryDelay = value;
            return this;
        }

        /** Sets retry only when the failed attempt's output holds one of these. @param value the value @return this builder */
        public Builder retryOnErrors(List<String> value) {
            this.retryOnErrors = value;
            return this;
        }

        /** Sets extra full executions after the first. @param value the value @return this builder */
        public Builder repeat(int value) {
            this.repeat = value;
            return this;
        }

        /** Sets a failure is logged and the step counts as successful. @param value the value @return this builder */
        public Builder ignoreErrors(boolean value) {
            this.ignoreErrors = value;
            return this;
        }

        /** Sets {@code enabled}, {@code disabled} or empty (build steps). @param value the value @return this builder */
        public Builder cache(String value) {
            this.cache = value;
            return this;
        }

        /** Sets volumes mounted into the step's container. @param value the value @return this builder */
        public Builder volumeMounts(List<VolumeMount> value) {
            this.volumeMounts = value;
            return this;
        }

        /** Sets exit codes that count as success. @param value the value @return this builder */
        public Builder exitedWith(List<Integer> value) {
            this.exitedWith = value;
            return this;
        }

        /** Sets exit codes that count as failure. @param value the value @return this builder */
        public Builder exitedWithout(List<Integer> value) {
            this.exitedWithout = value;
            return this;
        }

        /** Builds the options. @return the immutable options */
        public StepOptions build() {
            return new StepOptions(id, location, when, dependencies, env, workingDirectory, entryPoint, user, network, isolation, cpus, ports, expose, privileged, keep, detach, disableWorkingDirectoryOverride, pull, cmdDownloadRetries, cmdDownloadRetryDelay, timeout, startDelay, retries, retryDelay, retryOnErrors, repeat, ignoreErrors, cache, volumeMounts, exitedWith, exitedWithout);
        }
    }
}
