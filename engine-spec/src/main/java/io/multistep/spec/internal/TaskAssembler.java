package io.multistep.spec.internal;

import io.multistep.spec.BuildArguments;
import io.multistep.gotemplate.internal.go.GoText;
import io.multistep.spec.BuildStep;
import io.multistep.spec.CmdStep;
import io.multistep.spec.ContainerSettings;
import io.multistep.spec.Network;
import io.multistep.spec.PushStep;
import io.multistep.spec.Secret;
import io.multistep.spec.SourceLocation;
import io.multistep.spec.Step;
import io.multistep.spec.StepGraph;
import io.multistep.spec.StepSchedule;
import io.multistep.spec.Task;
import io.multistep.spec.Volume;
import io.multistep.spec.VolumeMount;
import io.multistep.spec.internal.RawTask.Item;
import io.multistep.spec.internal.RawTask.RawMount;
import io.multistep.spec.internal.RawTask.RawNetwork;
import io.multistep.spec.internal.RawTask.RawSecret;
import io.multistep.spec.internal.RawTask.RawStep;
import io.multistep.spec.internal.RawTask.RawVolume;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Validates a {@link RawTask} and applies the reference's defaults and normalisation
 * (task-format.md §4–§8, errors.md S/V/T), reporting every problem instead of only the first.
 * The checks run in the reference's order, so the first error listed is the one acb would print.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TaskAssembler {

    /** The reference's task versions, compared case-insensitively (graph/task.go validTaskVersions). */
    static final Set<String> VALID_VERSIONS = Set.of("1.0-preview-1", "v1.0.0", "v1.1.0");
    /** The version of a task file without {@code version}. */
    public static final String DEFAULT_VERSION = "v1.0.0";
    /** The step timeout of a task without (a positive) {@code stepTimeout}. */
    public static final int DEFAULT_STEP_TIMEOUT = 600;
    /** The retry delay replacing {@code retryDelay <= 0}. */
    public static final int DEFAULT_RETRY_DELAY = 5;
    /** The graph's synthetic root, which no step may use as its id. */
    public static final String ROOT_ID = "acb_root";
    /** The {@code when} entry meaning "start at once". */
    public static final String IMMEDIATE = "-";

    private static final Pattern VOLUME_NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
    private static final Pattern SECRET_FILE_NAME = Pattern.compile("^[a-zA-Z0-9._-]+$");
    private static final String SECRET_PREFIX = "failed to validate secret with ID: ";
    private static final String STEP_MERGE_PREFIX = "failed to merge task and step environment variables: ";

    /**
     * What the command line contributes, plus alias expansion.
     *
     * @param workingDirectory {@code --working-directory}, or empty
     * @param network {@code --network}, or empty
     * @param env {@code --env} items
     * @param cmdAliases expands image aliases in a cmd (v1.1.0 files), or {@code null}
     */
    public record Settings(String workingDirectory, String network, List<String> env, UnaryOperator<String> cmdAliases) {
        /** Freezes the list. */
        public Settings {
            workingDirectory = workingDirectory == null ? "" : workingDirectory;
            network = network == null ? "" : network;
            env = List.copyOf(env);
        }
    }

    /** A merged env item and where it came from ({@code node == null}: the command line). */
    private record Env(String text, Node node) {}

    private final RawTask raw;
    private final Problems problems;
    private final String source;

    private TaskAssembler(RawTask raw, Problems problems) {
        this.raw = raw;
        this.problems = problems;
        this.source = problems.source();
    }

    private SourceLocation at(Node node) {
        if (node == null) {
            return new SourceLocation(source, 0, 0);
        }
        // Only for model records: problems are located (with rendered lines) by Problems itself.
        return new SourceLocation(source, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    /**
     * The task-level validation the reference runs right after parsing (graph/task.go Validate):
     * secrets, volumes, mounts. Also what the first render pass of a secrets file is checked with.
     */
    public static void validateTaskLevel(RawTask raw, Problems problems) {
        new TaskAssembler(raw, problems).validateSecretsAndVolumes();
    }

    /** The secret definitions of a parsed (first-pass) task. */
    public static List<Secret> secrets(RawTask raw, Problems problems, Locator locator) {
        List<Secret> out = new ArrayList<>();
        for (RawSecret s : raw.secrets) {
            out.add(new Secret(s.id, s.keyvault, s.clientID, s.aadResourceId,
                    locator.locate(line(s.node), column(s.node)).location()));
        }
        return out;
    }

    private static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    private static int column(Node n) {
        return n.getStartMark().getColumn() + 1;
    }

    /**
     * Validates, applies defaults and builds the task.
     *
     * @param locator maps rendered positions to authored ones, for the model's locations
     * @return the task, or {@code null} when an error was found (in {@code problems})
     */
    public static Task assemble(RawTask raw, Problems problems, Settings settings, Locator locator) {
        return new TaskAssembler(raw, problems).build(settings, locator);
    }

    // ---- S and V ------------------------------------------------------------------------------

    private void validateSecretsAndVolumes() {
        Map<String, Node> secretIds = new HashMap<>();
        for (RawSecret s : raw.secrets) {
            if (s.id.isEmpty()) {
                problems.error(s.node, "secret is missing an ID as well as auto-generated ID");
                continue;
            }
            String prefix = SECRET_PREFIX + s.id + ": ";
            if (GoText.containsSpace(s.id)) {
                problems.error(s.idNode, prefix + "secret ID cannot contain spaces (found " + TaskReader.quote(s.id) + ")");
            }
            if (s.keyvault.isEmpty() && s.aadResourceId.isEmpty()) {
                problems.error(s.node, prefix + "secret should contain either keyvault property for vault secret, "
                        + "or msi clientID/aadResourceId for msi authentication");
            }
            if (!s.clientID.isEmpty() && !GoText.isUuid(s.clientID)) {
                problems.error(s.clientIdNode, prefix + "msi client ID is not a valid guid (found "
                        + TaskReader.quote(s.clientID) + ")");
            }
            // graph/task.go Validate: each secret's duplicate check follows its own checks, in list order
            Node first = secretIds.putIfAbsent(s.id, s.node);
            if (first != null) {
                problems.error(s.idNode, "duplicate secret found with ID: " + s.id + " (first defined at line "
                        + line(first) + ")");
            }
        }

        Map<String, Node> volumeNames = new HashMap<>();
        for (RawVolume v : raw.volumes) {
            if (v.name.isEmpty()) {
                problems.error(v.node, "volume name is empty");
            } else if (!VOLUME_NAME.matcher(v.name).matches()) {
                problems.error(v.nameNode, "volume name is not well formed. Only use alphanumeric and - _ (found "
                        + TaskReader.quote(v.name) + ")");
            }
            if (v.secret == null) {
                problems.error(v.secretNode != null ? v.secretNode : v.node,
                        "currently only support for source type secret (add a \"secret\" mapping of file names to base64 values)");
            } else if (v.secret.isEmpty()) {
                problems.error(v.secretNode, "secret is empty");
            } else {
                for (String k : v.secret.keySet()) {
                    Node kn = v.secretKeyNodes.get(k);
                    if (k.isEmpty()) {
                        problems.error(kn, "secret name provided for value is empty");
                    } else if (!SECRET_FILE_NAME.matcher(k).matches()) {
                        problems.error(kn, "file name, " + k + ", is not well formed. Only use alphanumeric and - _ .");
                    } else if (k.equals(".") || k.equals("..")) {
                        // The reference's pattern lets these through and its setup then fails writing
                        // a file over a folder; both name folders, never a file (docs/differences.md).
                        problems.error(kn, "file name, " + k + ", is not well formed. Only use alphanumeric and - _ . "
                                + "(" + k + " names a folder, not a file)");
                    }
                }
            }
            // ValidateVolumeMounts: each volume's duplicate check follows its own checks, in list order
            if (v.name.isEmpty()) {
                continue;
            }
            Node first = volumeNames.putIfAbsent(v.name, v.node);
            if (first != null) {
                problems.error(v.nameNode, "volume with duplicate name found (" + TaskReader.quote(v.name)
                        + ", first defined at line " + line(first) + ")");
            }
        }
        for (RawStep s : raw.steps) {
            for (RawMount m : s.mounts) {
                if (m.name.isEmpty() || m.mountPath.isEmpty()) {
                    problems.error(m.node, "mount name or mount path is empty");
                } else if (!volumeNames.containsKey(m.name)) {
                    String hint = GoText.suggest(m.name, volumeNames.keySet());
                    problems.error(m.node, "mount name, " + m.name + ", does not correspond to a volume"
                            + (hint != null ? " (did you mean " + TaskReader.quote(hint) + "?)"
                                    : volumeNames.isEmpty() ? " (the task declares no volumes)" : ""));
                }
            }
        }
    }

    // ---- T ------------------------------------------------------------------------------------

    private Task build(Settings settings, Locator locator) {
        validateSecretsAndVolumes();

        // CLI env merge: task env (dest) ← --env (src); the file wins.
        List<Env> taskEnv = new ArrayList<>();
        raw.env.forEach(i -> taskEnv.add(new Env(i.text(), i.node())));
        List<Env> cliEnv = settings.env().stream().map(e -> new Env(e, null)).toList();
        List<Env> mergedTaskEnv = mergeEnvs(taskEnv, cliEnv, "");

        String version = raw.version.isEmpty() ? DEFAULT_VERSION : raw.version;
        if (!VALID_VERSIONS.contains(version.toLowerCase(Locale.ROOT))) {
            problems.error(raw.versionNode, "invalid version specified: \"" + version + "\", the current version is \""
                    + DEFAULT_VERSION + "\" (accepted: v1.0.0, v1.1.0, 1.0-preview-1)");
        }

        int stepTimeout = raw.stepTimeout <= 0 ? DEFAULT_STEP_TIMEOUT : raw.stepTimeout;
        String workingDirectory = raw.workingDirectory.isEmpty() ? settings.workingDirectory() : raw.workingDirectory;

        List<Network> networks = new ArrayList<>();
        for (RawNetwork n : raw.networks) {
            networks.add(new Network(n.name, n.driver, n.ipv6, n.skipCreation, n.isDefault,
                    locator.locate(line(n.node), column(n.node)).location()));
        }
        if (!settings.network().isEmpty()) {
            networks.add(new Network(settings.network(), "external", false, true, true, Problems.COMMAND_LINE));
        }
        if (networks.isEmpty() && !raw.isBuildTask) {
            networks.add(new Network(Network.DEFAULT_NETWORK_NAME, "bridge", false, false, true, SourceLocation.UNKNOWN));
        }
        String defaultNetwork = "";
        for (int i = networks.size() - 1; i >= 0; i--) {
            if (networks.get(i).isDefault()) {
                defaultNetwork = networks.get(i).name();
                break;
            }
        }

        // Per-step defaults, in the reference's order (graph/task.go initialize).
        List<StepSchedule.Builder> builders = new ArrayList<>();
        List<ContainerSettings> containers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (RawStep s : raw.steps) {
            StepSchedule.Builder b = StepSchedule.builder();
            ContainerSettings.Builder c = ContainerSettings.builder();
            b.timeout(s.timeout <= 0 ? stepTimeout : s.timeout);
            b.retryDelay(s.retryDelay <= 0 ? DEFAULT_RETRY_DELAY : s.retryDelay);
            c.network(s.network.isEmpty() ? defaultNetwork : s.network);
            List<Env> stepEnv = new ArrayList<>();
            s.env.forEach(i -> stepEnv.add(new Env(i.text(), i.node())));
            c.env(mergeEnvs(stepEnv, mergedTaskEnv, STEP_MERGE_PREFIX).stream().map(Env::text).toList());
            String id = s.id.isEmpty() ? "acb_step_" + s.index : s.id;
            ids.add(id);
            b.id(id);
            c.workingDirectory(s.workingDirectory.isEmpty() ? workingDirectory : s.workingDirectory);
            b.location(locator.locate(line(s.node), column(s.node)).location());
            b.when(s.when.stream().map(Item::text).toList());
            c.user(s.user).isolation(s.isolation).cpus(s.cpus).ports(s.ports)
                    .expose(s.expose).privileged(s.privileged).keep(s.keep).detach(s.detach)
                    .disableWorkingDirectoryOverride(s.disableWorkingDirectoryOverride)
                    .volumeMounts(s.mounts.stream().map(m -> new VolumeMount(m.name, m.mountPath)).toList());
            b.startDelay(s.startDelay).retries(s.retries).retryOnErrors(s.retryOnErrors).repeat(s.repeat)
                    .ignoreErrors(s.ignoreErrors)
                    .exitedWith(s.exitedWith).exitedWithout(s.exitedWithout);
            builders.add(b);
            containers.add(c.build());
        }

        // Graph construction: per step validation, vertex, edges (graph/dag.go NewDagFromTask), in file
        // order. StepGraph words the graph errors; edges point only to earlier steps, so no cycle.
        Map<String, RawStep> vertices = new HashMap<>();
        Map<String, Integer> laterIds = new HashMap<>();
        for (int i = raw.steps.size() - 1; i >= 0; i--) {
            laterIds.put(ids.get(i), i);
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < raw.steps.size(); i++) {
            RawStep s = raw.steps.get(i);
            String id = ids.get(i);
            validateStep(s, id);
            BuildArguments buildArguments = null;
            if (!s.build.isEmpty()) {
                buildArguments = parse(s, "build", s.build, BuildArguments::parse);
                if (buildArguments != null) {
                    String wd = s.workingDirectory.isEmpty() ? workingDirectory : s.workingDirectory;
                    BuildPaths.problems(buildArguments, wd).forEach(m -> problems.error(s.buildNode, m));
                }
            }
            if (id.equals(ROOT_ID)) {
                problems.error(s.idNode, ROOT_ID + " is a reserved ID, it can't be used");
            } else if (vertices.containsKey(id)) {
                RawStep first = vertices.get(id);
                String generated = s.id.isEmpty() ? " (the default id of step " + i + " at this position)" : "";
                problems.error(s.idNode != null ? s.idNode : s.node, new StepGraph.Problem.DuplicateId(id).message() + generated
                        + " (first used by the step at line " + line(first.node) + ")");
            } else {
                vertices.put(id, s);
            }
            builders.get(i).dependencies(dependencies(s, id, i == 0 ? null : ids.get(i - 1), vertices, laterIds));
            Step step = toStep(s, builders.get(i).build(), containers.get(i), buildArguments, settings.cmdAliases());
            if (step != null) {
                steps.add(step);
            }
        }

        if (problems.hasErrors()) {
            return null;
        }
        return new Task(source, version, stepTimeout, workingDirectory,
                mergedTaskEnv.stream().map(Env::text).toList(),
                secrets(raw, problems, locator),
                networks,
                raw.volumes.stream().map(v -> new Volume(v.name, v.secret, locator.locate(line(v.node), column(v.node)).location())).toList(),
                steps,
                Optional.ofNullable(raw.totalTimeout));
    }

    /**
     * The reference's env merge ("destination wins", task-format.md §7): src items are split on
     * commas; every dest and src item must contain {@code =}; src items whose key is not a dest key
     * are appended in src order. Nothing is parsed when src is empty.
     */
    private List<Env> mergeEnvs(List<Env> dest, List<Env> src, String prefix) {
        if (src.isEmpty()) {
            return dest;
        }
        Set<String> keys = new HashSet<>();
        for (Env d : dest) {
            int eq = d.text().indexOf('=');
            if (eq < 0) {
                envError(d, prefix + "cannot parse step environment variable " + d.text() + " correctly");
            } else {
                keys.add(d.text().substring(0, eq));
            }
        }
        List<Env> out = new ArrayList<>(dest);
        for (Env s : src) {
            for (String part : s.text().split(",", -1)) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    envError(s, prefix + "cannot parse task environment variable " + part + " correctly");
                } else if (!keys.contains(part.substring(0, eq))) {
                    out.add(new Env(part, s.node()));
                }
            }
        }
        return out;
    }

    private void envError(Env item, String message) {
        String hint = " (expected KEY=VALUE)";
        if (item.node() == null) {
            problems.error(Problems.COMMAND_LINE, message + " (from --env; expected KEY=VALUE)");
        } else {
            problems.error(item.node(), message + hint);
        }
    }

    /** The key node of a step's key (the offending key is where a problem is), or {@code fallback}. */
    private static Node keyNode(RawStep s, String key, Node fallback) {
        if (s.node instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
            for (org.yaml.snakeyaml.nodes.NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k && k.getValue().equals(key)) {
                    return k;
                }
            }
        }
        return fallback;
    }

    /** The second of a step's cmd/build/push keys in the file's order: the one that makes the step ambiguous. */
    private static Node secondKindKey(RawStep s, Node fallback) {
        if (s.node instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
            int seen = 0;
            for (org.yaml.snakeyaml.nodes.NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k
                        && Set.of("cmd", "build", "push").contains(k.getValue()) && ++seen == 2) {
                    return k;
                }
            }
        }
        return fallback;
    }

    /** graph/step.go Validate, every rule (T-5 … T-15; M-5 was checked with the volumes). */
    private void validateStep(RawStep s, String id) {
        Node where = s.node;
        if (s.retries < 0) {
            problems.error(s.retriesNode, "step must specify retries >= 0 (found " + s.retries + ")");
        }
        if (s.repeat < 0) {
            problems.error(s.repeatNode, "step must specify repeat >= 0 (found " + s.repeat + ")");
        }
        List<String> kinds = new ArrayList<>();
        if (!s.cmd.isEmpty()) {
            kinds.add("cmd");
        }
        if (!s.build.isEmpty()) {
            kinds.add("build");
        }
        if (!s.push.isEmpty()) {
            kinds.add("push");
        }
        if (kinds.size() > 1) {
            problems.error(secondKindKey(s, where), "step must only contain a single build, cmd, or push property (found "
                    + String.join(" and ", kinds) + ")");
        }
        if (GoText.containsSpace(id)) {
            problems.error(s.idNode, "step ID cannot contain spaces (found " + TaskReader.quote(id) + ")");
        }
        boolean kindUnknown = s.badKeys.contains("cmd") || s.badKeys.contains("build") || s.badKeys.contains("push");
        if (kinds.isEmpty() && !kindUnknown) {
            problems.error(where, "step is missing a cmd, build, or push property");
        }
        if (!s.mounts.isEmpty()) {
            if (kinds.size() == 1 && kinds.get(0).equals("push")) {
                problems.error(keyNode(s, "volumeMounts", s.mountsNode), "invalid use of Mounts. Mounts must have unique container paths and only "
                        + "used for cmd or build steps (volumeMounts on a push step)");
            }
            Set<String> paths = new HashSet<>();
            for (RawMount m : s.mounts) {
                if (!m.mountPath.isEmpty() && !paths.add(m.mountPath)) {
                    problems.error(m.mountPathNode, "mount with duplicate container file path found (found "
                            + TaskReader.quote(m.mountPath) + ")");
                }
            }
        }
        for (Item w : s.when) {
            if (w.text().equals(IMMEDIATE) && s.when.size() > 1) {
                problems.error(w.node(), "step cannot contain other IDs in when if the immediate execution token is specified");
            }
            if (w.text().equals(id)) {
                problems.error(w.node(), "Step ID: " + id + " is self-referenced");
            }
        }
        if (!s.cache.isEmpty() && !s.cache.equalsIgnoreCase("enabled") && !s.cache.equalsIgnoreCase("disabled")) {
            problems.error(s.cacheNode, "invalid value for cache property. Valid values are 'enabled', 'disabled' (found "
                    + TaskReader.quote(s.cache) + ")");
        }
    }

    /** The edges into a step (§8); reports T-18, T-19 and duplicate dependencies. */
    private List<String> dependencies(RawStep s, String id, String previousId, Map<String, RawStep> vertices,
            Map<String, Integer> firstIndexById) {
        if (s.when.isEmpty()) {
            return previousId == null ? List.of() : List.of(previousId);
        }
        if (s.when.size() == 1 && s.when.get(0).text().equals(IMMEDIATE)) {
            return List.of();
        }
        Set<String> deps = new LinkedHashSet<>();
        boolean rootListed = false;
        for (Item w : s.when) {
            String dep = w.text();
            if (dep.equals(IMMEDIATE) || dep.equals(id)) {
                continue; // T-13 / T-14, already reported
            }
            if (dep.isEmpty()) {
                problems.error(w.node(), "from cannot be empty");
                continue;
            }
            if (dep.equals(ROOT_ID)) {
                // graph/dag.go: an edge from the root is valid; the root has always completed
                if (!rootListed) {
                    rootListed = true;
                } else {
                    problems.error(w.node(), new StepGraph.Problem.ListedTwice(dep, id).message());
                }
                continue;
            }
            if (!vertices.containsKey(dep)) {
                String msg = new StepGraph.Problem.UnknownDependency(dep, id).message();
                Integer later = firstIndexById.get(dep);
                if (later != null && later > s.index) {
                    msg += " (steps may only depend on steps defined earlier in the file; " + dep + " is defined at line "
                            + line(raw.steps.get(later).node) + ")";
                } else {
                    String hint = GoText.suggest(dep, vertices.keySet());
                    if (hint != null) {
                        msg += " (did you mean " + TaskReader.quote(hint) + "?)";
                    }
                }
                problems.error(w.node(), msg);
                continue;
            }
            if (!deps.add(dep)) {
                problems.error(w.node(), new StepGraph.Problem.ListedTwice(dep, id).message());
            }
        }
        return List.copyOf(deps);
    }

    private Step toStep(RawStep s, StepSchedule schedule, ContainerSettings container, BuildArguments buildArguments,
            UnaryOperator<String> cmdAliases) {
        if (!s.cmd.isEmpty() && s.build.isEmpty() && s.push.isEmpty()) {
            String cmd = cmdAliases == null ? s.cmd : cmdAliases.apply(s.cmd);
            CmdStep.Builder b = parse(s, "cmd", cmd, text -> CmdStep.builder().cmd(text));
            return b == null ? null : b.entryPoint(s.entryPoint).pull(s.pull).cmdDownloadRetries(s.cmdDownloadRetries)
                    .cmdDownloadRetryDelay(s.cmdDownloadRetryDelay).schedule(schedule).container(container).build();
        }
        if (!s.build.isEmpty() && s.cmd.isEmpty() && s.push.isEmpty() && buildArguments != null) {
            return BuildStep.builder().arguments(s.build, buildArguments).tags(s.tags).cache(s.cache).schedule(schedule)
                    .container(container).build();
        }
        if (!s.push.isEmpty() && s.cmd.isEmpty() && s.build.isEmpty()) {
            return new PushStep(normalizePush(s.push.stream().map(Item::text).toList()), container.workingDirectory(),
                    container.network(), schedule);
        }
        return null;
    }

    /**
     * Splits a {@code cmd}/{@code build} text into words, reporting a bad quote at the key: the
     * reference's shell would fail the step at run time (docs/differences.md).
     */
    private <T> T parse(RawStep s, String key, String text, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            problems.error(keyNode(s, key, s.node), "cannot split " + key + ": " + e.getMessage());
            return null;
        }
    }

    /** §6.8: {@code :latest} where there is neither {@code :} nor {@code @}, then exact duplicates dropped. */
    public static List<String> normalizePush(List<String> images) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String img : images) {
            out.add(img.contains(":") || img.contains("@") ? img : img + ":latest");
        }
        return List.copyOf(out);
    }
}
