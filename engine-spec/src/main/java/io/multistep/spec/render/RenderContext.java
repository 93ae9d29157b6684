package io.multistep.spec.render;

import io.multistep.spec.render.RunVariables;
import io.multistep.gotemplate.TemplateLimits;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Run data for rendering: the {@code .Run} variables, the merged {@code .Values}, the image
 * aliases and the switches of the environment-dependent functions.
 *
 * @param id {@code --id}
 * @param commit {@code --commit}
 * @param repository {@code --repository}
 * @param branch {@code --branch}
 * @param gitTag {@code --git-tag}
 * @param triggeredBy {@code --triggered-by}
 * @param registry {@code --registry}
 * @param osVersion {@code --os-version}
 * @param taskName {@code --name}
 * @param sharedVolume {@code --homevol} or the generated volume name
 * @param os Go OS name, default {@code linux}
 * @param architecture Go architecture name, default from the host ({@code amd64}, {@code arm64}, …)
 * @param clock source of {@code .Run.Date} and of Sprig's {@code now}
 * @param values merged values ({@link Values})
 * @param imageAliases the built-in image aliases (configuration; see {@link Aliases#defaultImageAliases()})
 * @param envFunctions whether {@code env}/{@code expandenv} read {@link #environment()}
 * @param environment the environment those functions see
 * @param limits resource limits
 * @param templateExtras whether the functions Multistep adds beyond Sprig v2.22 ({@code dig},
 *     {@code fromJson}, {@code must*}, ...) are defined; off, the function set is the reference's
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RenderContext(String id, String commit, String repository, String branch, String gitTag,
                            String triggeredBy, String registry, String osVersion, String taskName,
                            String sharedVolume, String os, String architecture, Clock clock,
                            Map<String, Object> values, Map<String, String> imageAliases, boolean envFunctions,
                            Map<String, String> environment, TemplateLimits limits, boolean templateExtras) {

    /** Checks and copies. */
    public RenderContext {
        Objects.requireNonNull(clock, "clock");
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        imageAliases = imageAliases == null ? Map.of() : Map.copyOf(imageAliases);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        limits = limits == null ? TemplateLimits.DEFAULT : limits;
    }

    /** A new builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code .Run} variables of this context, as one value. The date is not among them: {@link #clock()}
     * gives it.
     */
    public RunVariables run() {
        return new RunVariables(id, commit, repository, branch, gitTag, triggeredBy, registry, osVersion, taskName,
                sharedVolume, java.util.Optional.empty());
    }

    /** {@code .Run.RegistryName}: the registry up to the first dot. */
    public String registryName() {
        int dot = registry.indexOf('.');
        return dot < 0 ? registry : registry.substring(0, dot);
    }

    /** The host architecture in Go terms. */
    public static String hostArchitecture() {
        String a = System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT);
        switch (a) {
            case "x86_64":
            case "amd64":
                return "amd64";
            case "aarch64":
            case "arm64":
                return "arm64";
            case "x86":
            case "i386":
            case "i686":
                return "386";
            case "arm":
                return "arm";
            case "ppc64le":
                return "ppc64le";
            case "s390x":
                return "s390x";
            default:
                return a;
        }
    }

    /** Builder for {@link RenderContext}; every string defaults to empty. */
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
        private String os = "linux";
        private String architecture = hostArchitecture();
        private Clock clock = Clock.systemUTC();
        private Map<String, Object> values = Map.of();
        private Map<String, String> imageAliases = Aliases.defaultImageAliases();
        private boolean envFunctions = true;
        private Map<String, String> environment = System.getenv();
        private TemplateLimits limits = TemplateLimits.DEFAULT;
        private boolean templateExtras;

        private Builder() {
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }

        /**
         * Every {@code .Run} variable at once; a fixed date fixes the clock, no date leaves it as it is.
         */
        public Builder run(RunVariables v) {
            id(v.id()).commit(v.commit()).repository(v.repository()).branch(v.branch()).gitTag(v.gitTag())
                    .triggeredBy(v.triggeredBy()).registry(v.registry()).osVersion(v.osVersion())
                    .taskName(v.taskName()).sharedVolume(v.sharedVolume());
            v.date().ifPresent(this::date);
            return this;
        }

        /** {@code .Run.ID} and {@code .Build.ID}. */
        public Builder id(String v) {
            id = nz(v);
            return this;
        }

        /** {@code .Run.Commit}. */
        public Builder commit(String v) {
            commit = nz(v);
            return this;
        }

        /** {@code .Run.Repository}. */
        public Builder repository(String v) {
            repository = nz(v);
            return this;
        }

        /** {@code .Run.Branch}. */
        public Builder branch(String v) {
            branch = nz(v);
            return this;
        }

        /** {@code .Run.GitTag}. */
        public Builder gitTag(String v) {
            gitTag = nz(v);
            return this;
        }

        /** {@code .Run.TriggeredBy}. */
        public Builder triggeredBy(String v) {
            triggeredBy = nz(v);
            return this;
        }

        /** {@code .Run.Registry} (login server). */
        public Builder registry(String v) {
            registry = nz(v);
            return this;
        }

        /** {@code .Run.OSVersion}. */
        public Builder osVersion(String v) {
            osVersion = nz(v);
            return this;
        }

        /** {@code .Run.TaskName}. */
        public Builder taskName(String v) {
            taskName = nz(v);
            return this;
        }

        /** {@code .Run.SharedVolume}. */
        public Builder sharedVolume(String v) {
            sharedVolume = nz(v);
            return this;
        }

        /** {@code .Run.OS} (default linux). */
        public Builder os(String v) {
            os = nz(v);
            return this;
        }

        /** {@code .Run.Architecture} (default: host). */
        public Builder architecture(String v) {
            architecture = nz(v);
            return this;
        }

        /** Fixes the run start time ({@code .Run.Date}, {@code now}). */
        public Builder date(Instant v) {
            clock = Clock.fixed(v, ZoneOffset.UTC);
            return this;
        }

        /** Clock for {@code .Run.Date} and {@code now}. */
        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v);
            return this;
        }

        /** {@code .Values}. */
        public Builder values(Map<String, Object> v) {
            values = v == null ? Map.of() : v;
            return this;
        }

        /** Image aliases that replace the defaults. */
        public Builder imageAliases(Map<String, String> v) {
            imageAliases = v == null ? Map.of() : v;
            return this;
        }

        /** Whether env/expandenv read the environment (off: env gives "", expandenv leaves text). */
        public Builder envFunctions(boolean v) {
            envFunctions = v;
            return this;
        }

        /** The environment env/expandenv read. */
        public Builder environment(Map<String, String> v) {
            environment = v == null ? Map.of() : v;
            return this;
        }

        /** Resource limits. */
        public Builder limits(TemplateLimits v) {
            limits = v;
            return this;
        }

        /** Whether the functions beyond Sprig v2.22 are defined (default: off, as in the reference). */
        public Builder templateExtras(boolean v) {
            templateExtras = v;
            return this;
        }

        /** Builds the context. */
        public RenderContext build() {
            return new RenderContext(id, commit, repository, branch, gitTag, triggeredBy, registry, osVersion, taskName,
                    sharedVolume, os, architecture, clock, values, imageAliases, envFunctions, environment, limits,
                    templateExtras);
        }
    }
}
