package io.multistep.spec;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a step's container is set up: the options of the steps that run a container ({@link CmdStep},
 * {@link BuildStep}), after normalisation (task-format.md §5–§7). Use {@link #builder()} to create
 * one, so that a new option does not break callers.
 *
 * @param env the merged environment: the step's own items, then inherited task and CLI items
 * @param workingDirectory the working directory (step's own, else the task's); empty means {@code /workspace}
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
 * @param volumeMounts volumes mounted into the step's container
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ContainerSettings(
        List<String> env,
        String workingDirectory,
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
        List<VolumeMount> volumeMounts) {

    /** Checks the arguments and freezes the lists. */
    public ContainerSettings {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(cpus, "cpus");
        env = List.copyOf(env);
        ports = List.copyOf(ports);
        expose = List.copyOf(expose);
        volumeMounts = List.copyOf(volumeMounts);
    }

    /** A builder with every setting at the reference's default. @return the builder */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to derive a changed copy. @return the builder */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.env = env;
        b.workingDirectory = workingDirectory;
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
        b.volumeMounts = volumeMounts;
        return b;
    }

    /** Builds {@link ContainerSettings}; every setting starts at the reference's default. */
    public static final class Builder {
        private List<String> env = List.of();
        private String workingDirectory = "";
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
        private List<VolumeMount> volumeMounts = List.of();

        private Builder() {}

        /** Sets the merged environment. @param value the value @return this builder */
        public Builder env(List<String> value) {
            this.env = value;
            return this;
        }

        /** Sets the working directory; empty means {@code /workspace}. @param value the value @return this builder */
        public Builder workingDirectory(String value) {
            this.workingDirectory = value;
            return this;
        }

        /** Sets the {@code --user} value. @param value the value @return this builder */
        public Builder user(String value) {
            this.user = value;
            return this;
        }

        /** Sets the network, empty for Docker's default. @param value the value @return this builder */
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

        /** Sets the {@code -p} values. @param value the value @return this builder */
        public Builder ports(List<String> value) {
            this.ports = value;
            return this;
        }

        /** Sets the {@code --expose} values. @param value the value @return this builder */
        public Builder expose(List<String> value) {
            this.expose = value;
            return this;
        }

        /** Sets whether the container runs privileged. @param value the value @return this builder */
        public Builder privileged(boolean value) {
            this.privileged = value;
            return this;
        }

        /** Sets whether the container is kept after the step (no {@code --rm}). @param value the value @return this builder */
        public Builder keep(boolean value) {
            this.keep = value;
            return this;
        }

        /** Sets whether the step succeeds once its container runs. @param value the value @return this builder */
        public Builder detach(boolean value) {
            this.detach = value;
            return this;
        }

        /** Sets whether the container's working directory is left alone. @param value the value @return this builder */
        public Builder disableWorkingDirectoryOverride(boolean value) {
            this.disableWorkingDirectoryOverride = value;
            return this;
        }

        /** Sets the volumes mounted into the container. @param value the value @return this builder */
        public Builder volumeMounts(List<VolumeMount> value) {
            this.volumeMounts = value;
            return this;
        }

        /** Builds the settings. @return the immutable settings */
        public ContainerSettings build() {
            return new ContainerSettings(env, workingDirectory, user, network, isolation, cpus, ports, expose,
                    privileged, keep, detach, disableWorkingDirectoryOverride, volumeMounts);
        }
    }
}
