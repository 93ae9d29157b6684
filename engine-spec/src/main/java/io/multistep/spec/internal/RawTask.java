package io.multistep.spec.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The task file as decoded from YAML, before validation and defaults: mutable drafts that keep the
 * YAML node of every value so problems can be located. Fields hold yaml.v2's zero values when a key
 * is absent or null.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RawTask {

    /** A string list item with the node it came from. */
    public record Item(String text, Node node) {}

    /** The root mapping (or {@code null} for an empty document). */
    public Node node;
    /** {@code version} as written. */
    public String version = "";
    /** Its node. */
    public Node versionNode;
    /** {@code stepTimeout}. */
    public int stepTimeout;
    /** {@code workingDirectory}. */
    public String workingDirectory = "";
    /** {@code env}. */
    public List<Item> env = new ArrayList<>();
    /** {@code secrets}. */
    public List<RawSecret> secrets = new ArrayList<>();
    /** {@code networks}. */
    public List<RawNetwork> networks = new ArrayList<>();
    /** {@code volumes}. */
    public List<RawVolume> volumes = new ArrayList<>();
    /** {@code steps}. */
    public List<RawStep> steps = new ArrayList<>();
    /** The hidden {@code isbuildtask} key. */
    public boolean isBuildTask;
    /** {@code totalTimeout} (our extension), or {@code null}. */
    public Integer totalTimeout;
    /** Its node. */
    public Node totalTimeoutNode;

    /** A secret definition. */
    public static final class RawSecret {
        /** The definition's mapping node. */
        public Node node;
        /** {@code id}. */
        public String id = "";
        /** {@code id} node. */
        public Node idNode;
        /** {@code keyvault}. */
        public String keyvault = "";
        /** {@code clientID}. */
        public String clientID = "";
        /** {@code clientID} node. */
        public Node clientIdNode;
        /** Hidden {@code aadresourceid}. */
        public String aadResourceId = "";
    }

    /** A network. */
    public static final class RawNetwork {
        /** The mapping node. */
        public Node node;
        /** {@code name}. */
        public String name = "";
        /** {@code driver}. */
        public String driver = "";
        /** {@code ipv6}. */
        public boolean ipv6;
        /** {@code skipCreation}. */
        public boolean skipCreation;
        /** {@code isDefault}. */
        public boolean isDefault;
    }

    /** A volume. */
    public static final class RawVolume {
        /** The mapping node. */
        public Node node;
        /** {@code name}. */
        public String name = "";
        /** {@code name} node. */
        public Node nameNode;
        /** {@code secret}, or {@code null} when absent or null (Go nil map). */
        public Map<String, String> secret;
        /** The key node of each secret entry. */
        public Map<String, Node> secretKeyNodes = new LinkedHashMap<>();
        /** {@code secret} node. */
        public Node secretNode;
    }

    /** A {@code volumeMounts} entry. */
    public static final class RawMount {
        /** The mapping node. */
        public Node node;
        /** {@code name}. */
        public String name = "";
        /** {@code mountPath}. */
        public String mountPath = "";
        /** {@code mountPath} node. */
        public Node mountPathNode;
    }

    /** A step. */
    public static final class RawStep {
        /** The mapping node. */
        public Node node;
        /** 0-based position in {@code steps}. */
        public int index;
        /** Keys whose value failed to decode (their checks are skipped to avoid follow-up noise). */
        public final java.util.Set<String> badKeys = new java.util.HashSet<>();
        /** {@code id}. */
        public String id = "";
        /** {@code id} node. */
        public Node idNode;
        /** {@code cmd}. */
        public String cmd = "";
        /** {@code cmd} node. */
        public Node cmdNode;
        /** {@code build}. */
        public String build = "";
        /** {@code build} node. */
        public Node buildNode;
        /** {@code push}. */
        public List<Item> push = new ArrayList<>();
        /** {@code push} node. */
        public Node pushNode;
        /** {@code when}. */
        public List<Item> when = new ArrayList<>();
        /** {@code env}. */
        public List<Item> env = new ArrayList<>();
        /** {@code workingDirectory}. */
        public String workingDirectory = "";
        /** {@code entryPoint}. */
        public String entryPoint = "";
        /** {@code user}. */
        public String user = "";
        /** {@code network}. */
        public String network = "";
        /** {@code isolation}. */
        public String isolation = "";
        /** {@code cpus}. */
        public String cpus = "";
        /** {@code ports}. */
        public List<String> ports = new ArrayList<>();
        /** {@code expose}. */
        public List<String> expose = new ArrayList<>();
        /** {@code privileged}. */
        public boolean privileged;
        /** {@code keep}. */
        public boolean keep;
        /** {@code detach}. */
        public boolean detach;
        /** {@code disableWorkingDirectoryOverride}. */
        public boolean disableWorkingDirectoryOverride;
        /** {@code pull}. */
        public boolean pull;
        /** {@code cmdDownloadRetries}. */
        public int cmdDownloadRetries;
        /** {@code cmdDownloadRetryDelay}. */
        public int cmdDownloadRetryDelay;
        /** {@code timeout}. */
        public int timeout;
        /** {@code startDelay}. */
        public int startDelay;
        /** {@code retries}. */
        public int retries;
        /** {@code retries} node. */
        public Node retriesNode;
        /** {@code retryDelay}. */
        public int retryDelay;
        /** {@code retryOnErrors}. */
        public List<String> retryOnErrors = new ArrayList<>();
        /** {@code repeat}. */
        public int repeat;
        /** {@code repeat} node. */
        public Node repeatNode;
        /** {@code ignoreErrors}. */
        public boolean ignoreErrors;
        /** {@code cache}. */
        public String cache = "";
        /** {@code cache} node. */
        public Node cacheNode;
        /** {@code volumeMounts}. */
        public List<RawMount> mounts = new ArrayList<>();
        /** {@code volumeMounts} node. */
        public Node mountsNode;
        /** {@code exitedWith}. */
        public List<Integer> exitedWith = new ArrayList<>();
        /** {@code exitedWithout}. */
        public List<Integer> exitedWithout = new ArrayList<>();
        /** Hidden {@code tags}. */
        public List<String> tags = new ArrayList<>();

        /** The node to point at for problems about the step as a whole. */
        public Node anchor() {
            return node;
        }
    }
}
