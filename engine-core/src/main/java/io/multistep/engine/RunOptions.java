package io.multistep.engine;

import io.multistep.engine.spi.RegistryCredential;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The inputs of one run: rendering inputs (the reference's {@code acb exec} flags), the run's
 * workspace, credentials and limits. Immutable; build with {@link #builder()}. {@link #defaults()}
 * gives an empty set of options.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class RunOptions {

    private final Optional<String> runId;
    private final String registry;
    private final Map<String, Object> values;
    private final List<String> setPairs;
    private final List<String> envDefaults;
    private final String workingDirectoryDefault;
    private final String networkDefault;
    private final List<RegistryCredential> credentials;
    private final Optional<Path> context;
    private final Optional<String> sharedVolume;
    private final String commit;
    private final String branch;
    private final String repository;
    private final String gitTag;
    private final String triggeredBy;
    private final String taskName;
    private final String osVersion;
    private final Optional<Instant> date;
    private final Optional<Duration> totalTimeout;
    private final List<RunListener> listeners;
    private final Map<String, String> labels;
    private final List<String> maskedValues;
    private final boolean strict;
    private final boolean templateExtras;

    private RunOptions(Builder b) {
        this.runId = b.runId;
        this.registry = b.registry;
        this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
        this.setPairs = List.copyOf(b.setPairs);
        this.envDefaults = List.copyOf(b.envDefaults);
        this.workingDirectoryDefault = b.workingDirectoryDefault;
        this.networkDefault = b.networkDefault;
        this.credentials = List.copyOf(b.credentials);
        this.context = b.context;
        this.sharedVolume = b.sharedVolume;
        this.commit = b.commit;
        this.branch = b.branch;
        this.repository = b.repository;
        this.gitTag = b.gitTag;
        this.triggeredBy = b.triggeredBy;
        this.taskName = b.taskName;
        this.osVersion = b.osVersion;
        this.date = b.date;
        this.totalTimeout = b.totalTimeout;
        this.listeners = List.copyOf(b.listeners);
        this.labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.labels));
        this.maskedValues = List.copyOf(b.maskedValues);
        this.strict = b.strict;
        this.templateExtras = b.templateExtras;
    }

    /** Options with every value at its default. @return the options */
    public static RunOptions defaults() {
        return builder().build();
    }

    /** A builder with every value at its default. @return the builder */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to derive a changed copy. @return the builder */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.runId = runId;
        b.registry = registry;
        b.values.putAll(values);
        b.setPairs.addAll(setPairs);
        b.envDefaults.addAll(envDefaults);
        b.workingDirectoryDefault = workingDirectoryDefault;
        b.networkDefault = networkDefault;
        b.credentials.addAll(credentials);
        b.context = context;
        b.sharedVolume = sharedVolume;
        b.commit = commit;
        b.branch = branch;
        b.repository = repository;
        b.gitTag = gitTag;
        b.triggeredBy = triggeredBy;
        b.taskName = taskName;
        b.osVersion = osVersion;
        b.date = date;
        b.totalTimeout = totalTimeout;
        b.listeners.addAll(listeners);
        b.labels.putAll(labels);
        b.maskedValues.addAll(maskedValues);
        b.strict = strict;
        b.templateExtras = templateExtras;
        return b;
    }

    /** The run id ({@code .Run.ID}); when empty the engine generates one. @return the id */
    public Optional<String> runId() {
        return runId;
    }

    /** The registry ({@code -r}, {@code .Run.Registry}). @return the registry, empty when none */
    public String registry() {
        return registry;
    }

    /**
     * The values ({@code .Values}), in insertion order: strings, numbers, booleans, lists and maps as
     * a YAML values file gives them. @return the values
     */
    public Map<String, Object> values() {
        return values;
    }

    /** The {@code --set} items, {@code key=value} each, applied over {@link #values()}. @return the items */
    public List<String> setPairs() {
        return setPairs;
    }

    /** The {@code --env} default items ({@code K=V}). @return the items */
    public List<String> envDefaults() {
        return envDefaults;
    }

    /** The {@code --working-directory} default. @return the directory, empty when none */
    public String workingDirectoryDefault() {
        return workingDirectoryDefault;
    }

    /** The {@code --network} default network. @return the network, empty when none */
    public String networkDefault() {
        return networkDefault;
    }

    /** Registry credentials; their passwords are masked in all output. @return the credentials */
    public List<RegistryCredential> credentials() {
        return credentials;
    }

    /** The run's source folder, seen as {@code /workspace}. @return the folder, if any */
    public Optional<Path> context() {
        return context;
    }

    /** The {@code --homevol} volume mounted at {@code /workspace} instead. @return the volume, if any */
    public Optional<String> sharedVolume() {
        return sharedVolume;
    }

    /** {@code .Run.Commit}. @return the commit, empty when none */
    public String commit() {
        return commit;
    }

    /** {@code .Run.Branch}. @return the branch, empty when none */
    public String branch() {
        return branch;
    }

    /** {@code .Run.Repository}. @return the repository, empty when none */
    public String repository() {
        return repository;
    }

    /** {@code .Run.GitTag}. @return the tag, empty when none */
    public String gitTag() {
        return gitTag;
    }

    /** {@code .Run.TriggeredBy}. @return the trigger, empty when none */
    public String triggeredBy() {
        return triggeredBy;
    }

    /** {@code --name}, the task name ({@code quickrun} in the reference when empty). @return the name */
    public String taskName() {
        return taskName;
    }

    /** {@code .Run.OSVersion}. @return the OS version, empty when none */
    public String osVersion() {
        return osVersion;
    }

    /** {@code .Run.Date}; when empty the engine's clock gives it. @return the date, if fixed */
    public Optional<Instant> date() {
        return date;
    }

    /** The whole run's limit, overriding the task's {@code totalTimeout}. @return the limit, if any */
    public Optional<Duration> totalTimeout() {
        return totalTimeout;
    }

    /** Listeners for this run only (after the engine's own). @return the listeners */
    public List<RunListener> listeners() {
        return listeners;
    }

    /** Extra labels for every resource of the run. @return the labels */
    public Map<String, String> labels() {
        return labels;
    }

    /** Extra values to mask in all output (beyond resolved secrets and credential passwords). @return the values */
    public List<String> maskedValues() {
        return maskedValues;
    }

    /** Whether task-file warnings (unknown keys, ...) are errors. @return the flag */
    public boolean strict() {
        return strict;
    }

    /**
     * Whether templates may use Multistep's functions beyond Sprig v2.22 ({@code dig}, {@code fromJson},
     * {@code must*}, ...). @return the flag
     */
    public boolean templateExtras() {
        return templateExtras;
    }

    /** Shows the run id and registry only (credentials are never shown). */
    @Override
    public String toString() {
        return "RunOptions[runId=" + runId.orElse("<generated>") + ", registry=" + registry + "]";
    }

    /** Builds {@link RunOptions}. Not thread-safe. */
    public static final class Builder {
        private Optional<String> runId = Optional.empty();
        private String registry = "";
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final List<String> setPairs = new ArrayList<>();
        private final List<String> envDefaults = new ArrayList<>();
        private String workingDirectoryDefault = "";
        private String networkDefault = "";
        private final List<RegistryCredential> credentials = new ArrayList<>();
        private Optional<Path> context = Optional.empty();
        private Optional<String> sharedVolume = Optional.empty();
        private String commit = "";
        private String branch = "";
        private String repository = "";
        private String gitTag = "";
        private String triggeredBy = "";
        private String taskName = "";
        private String osVersion = "";
        private Optional<Instant> date = Optional.empty();
        private Optional<Duration> totalTimeout = Optional.empty();
        private final List<RunListener> listeners = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final List<String> maskedValues = new ArrayList<>();
        private boolean strict;
        private boolean templateExtras;

        private Builder() {}

        /** Sets the run id. @param value the id @return this builder */
        public Builder runId(String value) {
            this.runId = Optional.of(requireText(value, "runId"));
            return this;
        }

        /** Sets the registry. @param value the registry @return this builder */
        public Builder registry(String value) {
            this.registry = Objects.requireNonNull(value, "registry");
            return this;
        }

        /** Adds a value. @param key the key @param value the value ({@code null} for YAML's null) @return this builder */
        public Builder value(String key, Object value) {
            this.values.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /** Adds values. @param map the values @return this builder */
        public Builder values(Map<String, ?> map) {
            map.forEach(this::value);
            return this;
        }

        /** Adds a {@code --set} item ({@code key=value}). @param pair the item @return this builder */
        public Builder set(String pair) {
            this.setPairs.add(Objects.requireNonNull(pair, "pair"));
            return this;
        }

        /** Adds {@code --env} default items. @param items {@code K=V} items @return this builder */
        public Builder envDefaults(List<String> items) {
            this.envDefaults.addAll(items);
            return this;
        }

        /** Sets the default working directory. @param value the directory @return this builder */
        public Builder workingDirectoryDefault(String value) {
            this.workingDirectoryDefault = Objects.requireNonNull(value, "workingDirectoryDefault");
            return this;
        }

        /** Sets the default network. @param value the network @return this builder */
        public Builder networkDefault(String value) {
            this.networkDefault = Objects.requireNonNull(value, "networkDefault");
            return this;
        }

        /** Adds a registry credential. @param value the credential @return this builder */
        public Builder credential(RegistryCredential value) {
            this.credentials.add(Objects.requireNonNull(value, "credential"));
            return this;
        }

        /** Sets the source folder. @param value the folder @return this builder */
        public Builder context(Path value) {
            this.context = Optional.of(value);
            return this;
        }

        /** Sets the shared workspace volume. @param value the volume name @return this builder */
        public Builder sharedVolume(String value) {
            this.sharedVolume = Optional.of(requireText(value, "sharedVolume"));
            return this;
        }

        /** Sets the commit. @param value the commit @return this builder */
        public Builder commit(String value) {
            this.commit = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the branch. @param value the branch @return this builder */
        public Builder branch(String value) {
            this.branch = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the repository. @param value the repository @return this builder */
        public Builder repository(String value) {
            this.repository = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the git tag. @param value the tag @return this builder */
        public Builder gitTag(String value) {
            this.gitTag = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the trigger. @param value the trigger @return this builder */
        public Builder triggeredBy(String value) {
            this.triggeredBy = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the task name. @param value the name @return this builder */
        public Builder taskName(String value) {
            this.taskName = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the OS version. @param value the version @return this builder */
        public Builder osVersion(String value) {
            this.osVersion = Objects.requireNonNull(value);
            return this;
        }

        /** Fixes the run date. @param value the date @return this builder */
        public Builder date(Instant value) {
            this.date = Optional.of(value);
            return this;
        }

        /** Sets the whole run's limit (overrides the task's). @param value a positive duration @return this builder */
        public Builder totalTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("totalTimeout must be positive: " + value);
            }
            this.totalTimeout = Optional.of(value);
            return this;
        }

        /** Adds a listener for this run. @param value the listener @return this builder */
        public Builder listener(RunListener value) {
            this.listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /** Adds a label. @param key the key @param value the value @return this builder */
        public Builder label(String key, String value) {
            this.labels.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        /** Adds a value to mask in all output. @param value the value @return this builder */
        public Builder maskValue(String value) {
            this.maskedValues.add(Objects.requireNonNull(value));
            return this;
        }

        /** Makes task-file warnings errors (default: off, as the reference). @param value the flag @return this builder */
        public Builder strict(boolean value) {
            this.strict = value;
            return this;
        }

        /**
         * Defines the template functions Multistep adds beyond Sprig v2.22 (default: off, the reference's
         * function set). @param value the flag @return this builder
         */
        public Builder templateExtras(boolean value) {
            this.templateExtras = value;
            return this;
        }

        /** Builds the options. @return the options */
        public RunOptions build() {
            return new RunOptions(this);
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }
    }
}
