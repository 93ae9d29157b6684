package io.multistep.spec;

import io.multistep.spec.internal.BuildWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@code build:} step: builds an image with {@code docker build} arguments.
 *
 * <p>The arguments are parsed once, when the task is loaded ({@link BuildArguments}). Use
 * {@link #builder()} to create one.
 *
 * @param build the arguments of {@code docker build} as written (after rendering)
 * @param arguments those arguments parsed: what Docker gets
 * @param tags the image tags: the tags Docker applies ({@link BuildArguments#tags()}), or the hidden
 *     {@code tags} key when it is given
 * @param buildArgs the reference's list of build arguments: the words after a separate
 *     {@code --build-arg} (the single-token {@code --build-arg=X} form is not collected, as in the
 *     reference's step); Docker gets all of {@link BuildArguments#buildArgs()}
 * @param cache {@code enabled}, {@code disabled} or empty
 * @param schedule when the step runs
 * @param container how its container is set up
 */
@API(status = API.Status.STABLE, since = "0.1")
public record BuildStep(String build, BuildArguments arguments, List<String> tags, List<String> buildArgs,
        String cache, StepSchedule schedule, ContainerSettings container) implements ContainerStep {

    /** Checks the arguments and freezes the lists. */
    public BuildStep {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(arguments, "arguments");
        tags = List.copyOf(tags);
        buildArgs = List.copyOf(buildArgs);
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(container, "container");
    }

    @Override
    public StepKind kind() {
        return StepKind.BUILD;
    }

    /** Whether the step asks for BuildKit: its env holds exactly {@code DOCKER_BUILDKIT=1}, or cache is enabled. @return whether it does */
    public boolean usesBuildKit() {
        return container.env().contains("DOCKER_BUILDKIT=1") || "enabled".equalsIgnoreCase(cache);
    }

    /** A builder for a {@code build} step with default options. @return the builder */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this step, to derive a changed copy. @return the builder */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.build = build;
        b.arguments = arguments;
        b.tags = tags.equals(arguments.tags()) ? null : tags;
        b.buildArgs = buildArgs;
        b.cache = cache;
        b.schedule = schedule;
        b.container = container;
        return b;
    }

    /** Builds a {@link BuildStep}; every option starts at the reference's default. */
    public static final class Builder {
        private String build = "";
        private BuildArguments arguments = BuildArguments.parse("");
        private List<String> tags;
        private List<String> buildArgs = List.of();
        private String cache = "";
        private StepSchedule schedule = StepSchedule.builder().build();
        private ContainerSettings container = ContainerSettings.builder().build();

        private Builder() {}

        /**
         * Sets the {@code docker build} arguments, parsing them.
         *
         * @param value the arguments as written
         * @return this builder
         * @throws IllegalArgumentException when a quote is not closed
         */
        public Builder arguments(String value) {
            return arguments(value, BuildArguments.parse(value));
        }

        /**
         * Sets the {@code docker build} arguments already parsed.
         *
         * @param value the arguments as written
         * @param parsed {@code BuildArguments.parse(value)}
         * @return this builder
         */
        public Builder arguments(String value, BuildArguments parsed) {
            this.arguments = Objects.requireNonNull(parsed, "parsed");
            this.build = value;
            List<String> reference = new ArrayList<>();
            for (BuildWords.Word w : BuildWords.parse(arguments.words())) {
                if ("--build-arg".equals(w.flag()) && w.value() != null && !w.inline()) {
                    reference.add(w.value());
                }
            }
            this.buildArgs = reference;
            return this;
        }

        /** Sets the tags to report instead of the parsed ones (the hidden {@code tags} key). @param value the tags, empty for the parsed ones @return this builder */
        public Builder tags(List<String> value) {
            this.tags = value.isEmpty() ? null : value;
            return this;
        }

        /** Sets {@code cache}: {@code enabled}, {@code disabled} or empty. @param value the value @return this builder */
        public Builder cache(String value) {
            this.cache = value;
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
        public BuildStep build() {
            return new BuildStep(build, arguments, tags == null ? arguments.tags() : tags, buildArgs, cache,
                    schedule, container);
        }
    }
}
