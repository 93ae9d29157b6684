package io.multistep.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * When and how often a step runs, and what counts as its success: the options every step kind has,
 * after normalisation (task-format.md §5–§7).
 *
 * <p>Durations are kept in whole seconds, as the task file writes them; {@link #timeoutDuration()}
 * and friends give {@link Duration}s. Use {@link #builder()} to create one, so that a new option
 * does not break callers.
 *
 * @param id the step id: explicit, or {@code acb_step_<index>}
 * @param location where the step starts in the authored file
 * @param when {@code when} as written
 * @param dependencies resolved dependency ids: the {@code when} ids, the previous step when {@code when} is absent, none for {@code ["-"]}
 * @param timeout seconds for all attempts, retry delays and repeats
 * @param startDelay seconds to wait before the step starts
 * @param retries extra attempts after a failed attempt (no effect on a push)
 * @param retryDelay seconds between attempts
 * @param retryOnErrors retry only when the failed attempt's output holds one of these
 * @param repeat extra full executions after the first (no effect on a push)
 * @param ignoreErrors a failure is logged and the step counts as successful
 * @param exitedWith exit codes that count as success
 * @param exitedWithout exit codes that count as failure
 */
@API(status = API.Status.STABLE, since = "0.1")
public record StepSchedule(
        String id,
        SourceLocation location,
        List<String> when,
        List<String> dependencies,
        int timeout,
        int startDelay,
        int retries,
        int retryDelay,
        List<String> retryOnErrors,
        int repeat,
        boolean ignoreErrors,
        List<Integer> exitedWith,
        List<Integer> exitedWithout) {

    /** Checks the arguments and freezes the lists. */
    public StepSchedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        when = List.copyOf(when);
        dependencies = List.copyOf(dependencies);
        retryOnErrors = List.copyOf(retryOnErrors);
        exitedWith = List.copyOf(exitedWith);
        exitedWithout = List.copyOf(exitedWithout);
    }

    /** The step timeout as a duration. @return the timeout */
    public Duration timeoutDuration() {
        return Duration.ofSeconds(timeout);
    }

    /** The start delay as a duration. @return the delay */
    public Duration startDelayDuration() {
        return Duration.ofSeconds(startDelay);
    }

    /** The pause between retries as a duration. @return the delay */
    public Duration retryDelayDuration() {
        return Duration.ofSeconds(retryDelay);
    }

    /** A builder with every option at the reference's default. @return the builder */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to derive a changed copy. @return the builder */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.location = location;
        b.when = when;
        b.dependencies = dependencies;
        b.timeout = timeout;
        b.startDelay = startDelay;
        b.retries = retries;
        b.retryDelay = retryDelay;
        b.retryOnErrors = retryOnErrors;
        b.repeat = repeat;
        b.ignoreErrors = ignoreErrors;
        b.exitedWith = exitedWith;
        b.exitedWithout = exitedWithout;
        return b;
    }

    /** Builds a {@link StepSchedule}; every option starts at the reference's default. */
    public static final class Builder {
        private String id = "";
        private SourceLocation location = SourceLocation.UNKNOWN;
        private List<String> when = List.of();
        private List<String> dependencies = List.of();
        private int timeout = 600;
        private int startDelay = 0;
        private int retries = 0;
        private int retryDelay = 5;
        private List<String> retryOnErrors = List.of();
        private int repeat = 0;
        private boolean ignoreErrors = false;
        private List<Integer> exitedWith = List.of();
        private List<Integer> exitedWithout = List.of();

        private Builder() {}

        /** Sets the step id. @param value the value @return this builder */
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

        /** Sets the resolved dependency ids. @param value the value @return this builder */
        public Builder dependencies(List<String> value) {
            this.dependencies = value;
            return this;
        }

        /** Sets the seconds for all attempts, retry delays and repeats. @param value the value @return this builder */
        public Builder timeout(int value) {
            this.timeout = value;
            return this;
        }

        /** Sets the seconds to wait before the step starts. @param value the value @return this builder */
        public Builder startDelay(int value) {
            this.startDelay = value;
            return this;
        }

        /** Sets the extra attempts after a failed attempt. @param value the value @return this builder */
        public Builder retries(int value) {
            this.retries = value;
            return this;
        }

        /** Sets the seconds between attempts. @param value the value @return this builder */
        public Builder retryDelay(int value) {
            this.retryDelay = value;
            return this;
        }

        /** Sets the texts a failed attempt's output must hold to be retried. @param value the value @return this builder */
        public Builder retryOnErrors(List<String> value) {
            this.retryOnErrors = value;
            return this;
        }

        /** Sets the extra full executions after the first. @param value the value @return this builder */
        public Builder repeat(int value) {
            this.repeat = value;
            return this;
        }

        /** Sets whether a failure is logged and the step counts as successful. @param value the value @return this builder */
        public Builder ignoreErrors(boolean value) {
            this.ignoreErrors = value;
            return this;
        }

        /** Sets the exit codes that count as success. @param value the value @return this builder */
        public Builder exitedWith(List<Integer> value) {
            this.exitedWith = value;
            return this;
        }

        /** Sets the exit codes that count as failure. @param value the value @return this builder */
        public Builder exitedWithout(List<Integer> value) {
            this.exitedWithout = value;
            return this;
        }

        /** Builds the schedule. @return the immutable schedule */
        public StepSchedule build() {
            return new StepSchedule(id, location, when, dependencies, timeout, startDelay, retries, retryDelay,
                    retryOnErrors, repeat, ignoreErrors, exitedWith, exitedWithout);
        }
    }
}
