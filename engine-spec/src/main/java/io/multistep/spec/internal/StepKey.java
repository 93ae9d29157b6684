package io.multistep.spec.internal;

import io.multistep.spec.internal.RawTask.RawStep;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The one table of a step's keys: each key's name, its YAML type (how {@link TaskReader} decodes it)
 * and where it lands in the {@link RawStep}. The reader's set of known keys and its decoding come
 * from here, so a new step option is one line here (plus its {@link RawStep} field and the record
 * field it ends up in).
 */
enum StepKey {
    ID("id", Type.STRING, (s, v) -> s.id = (String) v, s -> s.id, (s, n) -> s.idNode = n),
    CMD("cmd", Type.STRING, (s, v) -> s.cmd = (String) v, s -> s.cmd, (s, n) -> s.cmdNode = n),
    BUILD("build", Type.STRING, (s, v) -> s.build = (String) v, s -> s.build, (s, n) -> s.buildNode = n),
    PUSH("push", Type.ITEMS, (s, v) -> s.push = items(v), s -> s.push, (s, n) -> s.pushNode = n),
    WHEN("when", Type.ITEMS, (s, v) -> s.when = items(v), s -> s.when, null),
    ENV("env", Type.ITEMS, (s, v) -> s.env = items(v), s -> s.env, null),
    WORKING_DIRECTORY("workingDirectory", Type.STRING, (s, v) -> s.workingDirectory = (String) v, s -> s.workingDirectory, null),
    ENTRY_POINT("entryPoint", Type.STRING, (s, v) -> s.entryPoint = (String) v, s -> s.entryPoint, null),
    USER("user", Type.STRING, (s, v) -> s.user = (String) v, s -> s.user, null),
    NETWORK("network", Type.STRING, (s, v) -> s.network = (String) v, s -> s.network, null),
    ISOLATION("isolation", Type.STRING, (s, v) -> s.isolation = (String) v, s -> s.isolation, null),
    CPUS("cpus", Type.STRING, (s, v) -> s.cpus = (String) v, s -> s.cpus, null),
    PORTS("ports", Type.STRINGS, (s, v) -> s.ports = strings(v), s -> s.ports, null),
    EXPOSE("expose", Type.STRINGS, (s, v) -> s.expose = strings(v), s -> s.expose, null),
    PRIVILEGED("privileged", Type.BOOL, (s, v) -> s.privileged = (Boolean) v, s -> s.privileged, null),
    KEEP("keep", Type.BOOL, (s, v) -> s.keep = (Boolean) v, s -> s.keep, null),
    DETACH("detach", Type.BOOL, (s, v) -> s.detach = (Boolean) v, s -> s.detach, null),
    DISABLE_WORKING_DIRECTORY_OVERRIDE("disableWorkingDirectoryOverride", Type.BOOL,
            (s, v) -> s.disableWorkingDirectoryOverride = (Boolean) v, s -> s.disableWorkingDirectoryOverride, null),
    PULL("pull", Type.BOOL, (s, v) -> s.pull = (Boolean) v, s -> s.pull, null),
    CMD_DOWNLOAD_RETRIES("cmdDownloadRetries", Type.COUNT, (s, v) -> s.cmdDownloadRetries = (Integer) v,
            s -> s.cmdDownloadRetries, null),
    CMD_DOWNLOAD_RETRY_DELAY("cmdDownloadRetryDelay", Type.SECONDS, (s, v) -> s.cmdDownloadRetryDelay = (Integer) v,
            s -> s.cmdDownloadRetryDelay, null),
    TIMEOUT("timeout", Type.SECONDS, (s, v) -> s.timeout = (Integer) v, s -> s.timeout, null),
    START_DELAY("startDelay", Type.SECONDS, (s, v) -> s.startDelay = (Integer) v, s -> s.startDelay, null),
    RETRIES("retries", Type.COUNT, (s, v) -> s.retries = (Integer) v, s -> s.retries, (s, n) -> s.retriesNode = n),
    RETRY_DELAY("retryDelay", Type.SECONDS, (s, v) -> s.retryDelay = (Integer) v, s -> s.retryDelay, null),
    RETRY_ON_ERRORS("retryOnErrors", Type.STRINGS, (s, v) -> s.retryOnErrors = strings(v), s -> s.retryOnErrors, null),
    REPEAT("repeat", Type.COUNT, (s, v) -> s.repeat = (Integer) v, s -> s.repeat, (s, n) -> s.repeatNode = n),
    IGNORE_ERRORS("ignoreErrors", Type.BOOL, (s, v) -> s.ignoreErrors = (Boolean) v, s -> s.ignoreErrors, null),
    CACHE("cache", Type.STRING, (s, v) -> s.cache = (String) v, s -> s.cache, (s, n) -> s.cacheNode = n),
    VOLUME_MOUNTS("volumeMounts", Type.MOUNTS, (s, v) -> s.mounts = mounts(v), s -> s.mounts, (s, n) -> s.mountsNode = n),
    EXITED_WITH("exitedWith", Type.INTS, (s, v) -> s.exitedWith = ints(v), s -> s.exitedWith, null),
    EXITED_WITHOUT("exitedWithout", Type.INTS, (s, v) -> s.exitedWithout = ints(v), s -> s.exitedWithout, null),
    /** Hidden: the untagged Go field {@code Tags}, which yaml.v2 binds to {@code tags}. */
    TAGS("tags", Type.STRINGS, (s, v) -> s.tags = strings(v), s -> s.tags, null);

    /** How a key's value is decoded, as yaml.v2 decodes the Go field's type. */
    enum Type {
        /** A Go {@code string}. */
        STRING,
        /** A Go {@code []string}, keeping each item's node. */
        ITEMS,
        /** A Go {@code []string}. */
        STRINGS,
        /** A Go {@code bool}. */
        BOOL,
        /** A Go {@code int} that counts. */
        COUNT,
        /** A Go {@code int} of seconds. */
        SECONDS,
        /** A Go {@code []int}. */
        INTS,
        /** A Go {@code []*volume.Mount}. */
        MOUNTS
    }

    /** The documented keys (graph.Step's tagged fields), in the reference's order. */
    static final Set<String> KNOWN = known();

    /** Untagged Go fields of graph.Step, bound to their lower-cased name by yaml.v2 (task-format.md §9). */
    static final Set<String> HIDDEN = Set.of("tags", "buildargs", "starttime", "endtime", "stepstatus",
            "completedchan", "imagedependencies", "defaultbuildcachetag", "usesbuildkit");

    /** Unknown keys with a better hint than edit distance gives. */
    static final Map<String, String> HINTS = Map.of(
            "downloadRetries", "did you mean \"cmdDownloadRetries\"?",
            "downloadRetryDelay", "did you mean \"cmdDownloadRetryDelay\"?",
            "secret", "per-step secrets do not exist; declare them under the task's \"secrets\" and use {{.Secrets.<id>}}",
            "volumeMount", "did you mean \"volumeMounts\"?");

    private static final Map<String, StepKey> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(k -> k.key, k -> k));

    final String key;
    final Type type;
    private final BiConsumer<RawStep, Object> set;
    private final Function<RawStep, Object> get;
    private final BiConsumer<RawStep, Node> node;

    StepKey(String key, Type type, BiConsumer<RawStep, Object> set, Function<RawStep, Object> get,
            BiConsumer<RawStep, Node> node) {
        this.key = key;
        this.type = type;
        this.set = set;
        this.get = get;
        this.node = node;
    }

    private static Set<String> known() {
        Set<String> keys = new LinkedHashSet<>();
        for (StepKey k : values()) {
            if (k != TAGS) {
                keys.add(k.key);
            }
        }
        return Collections.unmodifiableSet(keys);
    }

    /** The key named so, or {@code null} (a hidden key the reference overwrites, or an unknown one). */
    static StepKey of(String key) {
        return BY_KEY.get(key);
    }

    /** The current value in a raw step (the previous one, when a later key fails to decode). */
    Object get(RawStep s) {
        return get.apply(s);
    }

    /** Stores a decoded value, and the value's node when problems point at it. */
    void set(RawStep s, Object value, Node v) {
        set.accept(s, value);
        if (node != null) {
            node.accept(s, v);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<RawTask.Item> items(Object v) {
        return (List<RawTask.Item>) v;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object v) {
        return (List<String>) v;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> ints(Object v) {
        return (List<Integer>) v;
    }

    @SuppressWarnings("unchecked")
    private static List<RawTask.RawMount> mounts(Object v) {
        return (List<RawTask.RawMount>) v;
    }
}
