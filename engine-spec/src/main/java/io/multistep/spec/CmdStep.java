package io.multistep.spec;

import io.multistep.spec.internal.ShellWords;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@code cmd:} step: runs a container.
 *
 * <p>The command is split into words once, when the task is loaded (like a POSIX shell, but with
 * no expansion; see docs/differences.md): {@link #image()} and {@link #args()} are what the
 * container runs. Use {@link #builder()} to create one.
 *
 * @param cmd the command as the parser hands it on: {@code <image> [args...]}, after image-alias
 *     expansion of its first word (v1.1.0 files only)
 * @param image the first word of {@code cmd}; empty when it has none
 * @param args the words after the image
 * @param entryPoint the {@code --entrypoint} value, empty for the image's own
 * @param pull pull the image before running
 * @param cmdDownloadRetries extra pull attempts
 * @param cmdDownloadRetryDelay seconds between pull attempts
 * @param schedule when the step runs
 * @param container how its container is set up
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CmdStep(String cmd, String image, List<String> args, String entryPoint, boolean pull,
        int cmdDownloadRetries, int cmdDownloadRetryDelay, StepSchedule schedule, ContainerSettings container)
        implements ContainerStep {

    /** Checks the arguments and freezes the list. */
    public CmdStep {
        Objects.requireNonNull(cmd, "cmd");
        Objects.requireNonNull(image, "image");
        args = List.copyOf(args);
        Objects.requireNonNull(entryPoint, "entryPoint");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(container, "container");
    }

    @Override
    public StepKind kind() {
        return StepKind.CMD;
    }

    /** A builder for a {@code cmd} step with default options. @return the builder */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this step, to derive a changed copy. @return the builder */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cmd = cmd;
        b.image = image;
        b.args = args;
        b.entryPoint = entryPoint;
        b.pull = pull;
        b.cmdDownloadRetries = cmdDownloadRetries;
        b.cmdDownloadRetryDelay = cmdDownloadRetryDelay;
        b.schedule = schedule;
        b.container = container;
        return b;
    }

    /** Builds a {@link CmdStep}; every option starts at the reference's default. */
    public static final class Builder {
        private String cmd = "";
        private String image = "";
        private List<String> args = List.of();
        private String entryPoint = "";
        private boolean pull;
        private int cmdDownloadRetries;
        private int cmdDownloadRetryDelay;
        private StepSchedule schedule = StepSchedule.builder().build();
        private ContainerSettings container = ContainerSettings.builder().build();

        private Builder() {}

        /**
         * Sets the command, splitting it into the image and its arguments.
         *
         * @param value {@code <image> [args...]}
         * @return this builder
         * @throws IllegalArgumentException when a quote is not closed
         */
        public Builder cmd(String value) {
            List<String> words = ShellWords.split(value);
            this.cmd = value;
            this.image = words.isEmpty() ? "" : words.get(0);
            this.args = words.isEmpty() ? List.of() : words.subList(1, words.size());
            return this;
        }

        /** Sets the {@code --entrypoint} value. @param value the value @return this builder */
        public Builder entryPoint(String value) {
            this.entryPoint = value;
            return this;
        }

        /** Sets whether the image is pulled before running. @param value the value @return this builder */
        public Builder pull(boolean value) {
            this.pull = value;
            return this;
        }

        /** Sets the extra pull attempts. @param value the value @return this builder */
        public Builder cmdDownloadRetries(int value) {
            this.cmdDownloadRetries = value;
            return this;
        }

        /** Sets the seconds between pull attempts. @param value the value @return this builder */
        public Builder cmdDownloadRetryDelay(int value) {
            this.cmdDownloadRetryDelay = value;
            return this;
        }

        /** Sets when the step runs. @param value the value @return this builder */
        public Builder schedule(StepSchedule value) {
            this.schedule = value;
            return this;
        }

        /** Sets how its container is set up. @param value the value @return this builder */
        public Builder container(ContainerSettings value) {
            this.container = value;
            return this;
        }

        /** Builds the step. @return the immutable step */
        public CmdStep build() {
            return new CmdStep(cmd, image, args, entryPoint, pull, cmdDownloadRetries, cmdDownloadRetryDelay,
                    schedule, container);
        }
    }
}
