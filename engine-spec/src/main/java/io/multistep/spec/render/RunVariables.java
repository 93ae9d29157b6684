package io.multistep.spec.render;

import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The run variables a task file sees as {@code .Run.*} (templating.md), built once by the runner or
 * the embedding application and carried by the engine's {@code RunOptions} and by the render context.
 * Every string is empty when not given.
 *
 * @param id {@code .Run.ID} and {@code .Build.ID} ({@code --id}); empty: the engine generates one for a run
 * @param commit {@code .Run.Commit} ({@code --commit})
 * @param repository {@code .Run.Repository} ({@code --repository})
 * @param branch {@code .Run.Branch} ({@code --branch})
 * @param gitTag {@code .Run.GitTag} ({@code --git-tag})
 * @param triggeredBy {@code .Run.TriggeredBy} ({@code --triggered-by})
 * @param registry {@code .Run.Registry} ({@code --registry}, the login server)
 * @param osVersion {@code .Run.OSVersion} ({@code --os-version})
 * @param taskName {@code .Run.TaskName} ({@code --name})
 * @param sharedVolume {@code .Run.SharedVolume} ({@code --homevol}); empty: none (a run generates one)
 * @param date {@code .Run.Date} and Sprig's {@code now}, if fixed; empty: the clock of whoever renders
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunVariables(String id, String commit, String repository, String branch, String gitTag,
        String triggeredBy, String registry, String osVersion, String taskName, String sharedVolume,
        Optional<Instant> date) {

    /** No variables: every string empty, no fixed date. */
    public static final RunVariables NONE = builder().build();

    /** Turns {@code null} into empty. */
    public RunVariables {
        id = nz(id);
        commit = nz(commit);
        repository = nz(repository);
        branch = nz(branch);
        gitTag = nz(gitTag);
        triggeredBy = nz(triggeredBy);
        registry = nz(registry);
        osVersion = nz(osVersion);
        taskName = nz(taskName);
        sharedVolume = nz(sharedVolume);
        date = date == null ? Optional.empty() : date;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A builder with every variable empty. @return the builder */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these variables, to derive a changed copy. @return the builder */
    public Builder toBuilder() {
        return new Builder().id(id).commit(commit).repository(repository).branch(branch).gitTag(gitTag)
                .triggeredBy(triggeredBy).registry(registry).osVersion(osVersion).taskName(taskName)
                .sharedVolume(sharedVolume).date(date.orElse(null));
    }

    /** {@code .Run.RegistryName}: the registry up to the first dot. @return the name */
    public String registryName() {
        int dot = registry.indexOf('.');
        return dot < 0 ? registry : registry.substring(0, dot);
    }

    /** Builder for {@link RunVariables}; {@code null} strings count as empty. */
    public static final class Builder {
        private String id = "";
        private String commit = "";
        private String repository = "";
        private String branch = "";
        private String gitTag = "";
        private String triggeredBy = "";
        private String registry = "";
        private String osVersion = "";
        private String taskName = "";
        private String sharedVolume = "";
        private Instant date;

        private Builder() {}

        /** {@code .Run.ID}. @param v the id @return this builder */
        public Builder id(String v) {
            id = v;
            return this;
        }

        /** {@code .Run.Commit}. @param v the commit @return this builder */
        public Builder commit(String v) {
            commit = v;
            return this;
        }

        /** {@code .Run.Repository}. @param v the repository @return this builder */
        public Builder repository(String v) {
            repository = v;
            return this;
        }

        /** {@code .Run.Branch}. @param v the branch @return this builder */
        public Builder branch(String v) {
            branch = v;
            return this;
        }

        /** {@code .Run.GitTag}. @param v the tag @return this builder */
        public Builder gitTag(String v) {
            gitTag = v;
            return this;
        }

        /** {@code .Run.TriggeredBy}. @param v the trigger @return this builder */
        public Builder triggeredBy(String v) {
            triggeredBy = v;
            return this;
        }

        /** {@code .Run.Registry}. @param v the login server @return this builder */
        public Builder registry(String v) {
            registry = v;
            return this;
        }

        /** {@code .Run.OSVersion}. @param v the version @return this builder */
        public Builder osVersion(String v) {
            osVersion = v;
            return this;
        }

        /** {@code .Run.TaskName}. @param v the name @return this builder */
        public Builder taskName(String v) {
            taskName = v;
            return this;
        }

        /** {@code .Run.SharedVolume}. @param v the volume name @return this builder */
        public Builder sharedVolume(String v) {
            sharedVolume = v;
            return this;
        }

        /** Fixes {@code .Run.Date}. @param v the date, or {@code null} for the renderer's clock @return this builder */
        public Builder date(Instant v) {
            date = v;
            return this;
        }

        /** Builds the variables. @return the variables */
        public RunVariables build() {
            return new RunVariables(id, commit, repository, branch, gitTag, triggeredBy, registry, osVersion,
                    taskName, sharedVolume, Optional.ofNullable(date));
        }
    }

}
