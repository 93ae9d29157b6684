package io.multistep.spec.internal;

import io.multistep.gotemplate.internal.go.LibyamlMessages;
import io.multistep.gotemplate.internal.go.GoYamlScalar;
import io.multistep.gotemplate.internal.go.GoText;
import io.multistep.spec.internal.RawTask.Item;
import io.multistep.spec.internal.RawTask.RawMount;
import io.multistep.spec.internal.RawTask.RawNetwork;
import io.multistep.spec.internal.RawTask.RawSecret;
import io.multistep.spec.internal.RawTask.RawStep;
import io.multistep.spec.internal.RawTask.RawVolume;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Decodes rendered task text into a {@link RawTask} the way Go's yaml.v2 {@code Unmarshal} fills the
 * reference's structs: same keys, same scalar resolution, same type errors; unknown keys are
 * accepted (we warn). SnakeYAML is used at node level only, so every value keeps its position.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TaskReader {

    /** Largest document we parse, in code points: far above any real task file, stops runaway input. */
    public static final int CODE_POINT_LIMIT = 8 * 1024 * 1024;
    /**
     * Alias references to collections allowed in one document. Not 50: real files use
     * {@code <<: *defaults} once per step and yaml.v2 accepts that. Our decoder never expands an
     * alias beyond the task schema, and merge keys have their own budget ({@link #MERGE_BUDGET}),
     * so "billion laughs" cannot blow up here.
     */
    public static final int MAX_ALIASES = 1000;
    /** Mapping entries that merge keys ({@code <<}) may apply in one document (blocks merge bombs). */
    public static final int MERGE_BUDGET = 100_000;
    /** Deepest nesting of collections; task files need fewer than ten levels. */
    public static final int MAX_DEPTH = 100;

    /** The tag our resolver gives every plain, untagged scalar, so we can resolve it as yaml.v2 does. */
    static final Tag PLAIN = new Tag("tag:multistep.io,2025:plain");

    private static final Set<String> TASK_KEYS = Set.of("version", "stepTimeout", "workingDirectory", "env",
            "secrets", "networks", "volumes", "steps", "totalTimeout");
    /** Untagged Go fields of graph.Task, bound to their lower-cased name by yaml.v2 (task-format.md §9). */
    private static final Set<String> TASK_HIDDEN = Set.of("isbuildtask", "registry", "registryname", "taskname",
            "credentials", "dag", "registrylogincredentials", "initbuildkitcontainer");
    private static final Set<String> SECRET_KEYS = Set.of("id", "keyvault", "clientID");
    private static final Set<String> SECRET_HIDDEN = Set.of("aadresourceid", "resolvedvalue");
    private static final Set<String> NETWORK_KEYS = Set.of("name", "driver", "ipv6", "skipCreation", "isDefault");
    private static final Set<String> VOLUME_KEYS = Set.of("name", "secret");
    private static final Set<String> MOUNT_KEYS = Set.of("name", "mountPath");

    private record Schema(String what, String goType, Set<String> known, Set<String> hidden) {}

    private static final Schema TASK = new Schema("task", "graph.Task", TASK_KEYS, TASK_HIDDEN);
    private static final Schema STEP = new Schema("step", "graph.Step", StepKey.KNOWN, StepKey.HIDDEN);
    private static final Schema SECRET = new Schema("secret", "secretmgmt.Secret", SECRET_KEYS, SECRET_HIDDEN);
    private static final Schema NETWORK = new Schema("network", "graph.Network", NETWORK_KEYS, Set.of());
    private static final Schema VOLUME = new Schema("volume", "volume.Volume", VOLUME_KEYS, Set.of());
    private static final Schema MOUNT = new Schema("volume mount", "volume.Mount", MOUNT_KEYS, Set.of());

    private final Problems problems;
    private final boolean aliasesEnabled;
    private final String text;

    private TaskReader(String text, Problems problems, boolean aliasesEnabled) {
        this.text = text;
        this.problems = problems;
        this.aliasesEnabled = aliasesEnabled;
    }

    /**
     * Reads a task; YAML and type errors go to {@code problems}.
     *
     * @return the draft, or {@code null} when the YAML could not be parsed at all
     */
    public static RawTask read(String text, Problems problems, boolean aliasesEnabled) {
        return new TaskReader(text, problems, aliasesEnabled).read();
    }

    /** Our limits for SnakeYAML; each is far above what a real task file needs. */
    public static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(MAX_ALIASES);
        o.setNestingDepthLimit(MAX_DEPTH);
        o.setCodePointLimit(CODE_POINT_LIMIT);
        o.setAllowRecursiveKeys(false);
        o.setProcessComments(false);
        // yaml.v2's Unmarshal keeps the last of duplicate keys; we compose nodes and decide ourselves.
        o.setAllowDuplicateKeys(true);
        return o;
    }

    /** Leaves plain scalars unresolved (tag {@link #PLAIN}) so yaml.v2 rules can be applied. */
    private static final class PlainResolver extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            if (kind == NodeId.scalar && implicit) {
                return PLAIN;
            }
            return super.resolve(kind, value, implicit);
        }
    }

    /** Composes the first YAML document; {@code null} when empty or broken (then a problem is recorded). */
    private Node compose() {
        if (text.length() > CODE_POINT_LIMIT) {
            problems.errorAt(1, 1, "yaml: the document is too large: " + text.length()
                    + " characters (the limit is " + CODE_POINT_LIMIT + ")");
            return null;
        }
        try {
            LoaderOptions options = loaderOptions();
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new PlainResolver(),
                    options);
            // yaml.v2's Unmarshal decodes the first document only.
            return composer.checkNode() ? composer.getNode() : null;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            // The reference's text (yaml.v2 wraps libyaml): "yaml: line N: <problem>", N a line of the
            // text the parser saw; our location points at the authored file besides.
            problems.error(mark, "yaml: line " + (mark.getLine() + 1) + ": "
                    + LibyamlMessages.problem(String.valueOf(e.getProblem()), e.getContext()));
        } catch (ReaderException e) {
            int[] lc = lineColumnOfCodePoint(e.getPosition());
            problems.errorAt(lc[0], lc[1], String.format("yaml: control characters are not allowed "
                    + "(expected valid UTF-8 text, found U+%04X)", e.getCodePoint()));
        } catch (RuntimeException | StackOverflowError e) {
            // YAMLException for the limits (aliases, depth, size) and anything unexpected: never a stack trace.
            problems.errorAt(1, 1, "yaml: " + limitMessage(String.valueOf(e.getMessage())));
        }
        return null;
    }

    private static String limitMessage(String m) {
        if (m.contains("aliases")) {
            return "too many aliases (at most " + MAX_ALIASES + " references to anchored lists or mappings are allowed): " + m;
        }
        if (m.toLowerCase(java.util.Locale.ROOT).contains("nesting depth")) {
            return "the document is nested too deeply (at most " + MAX_DEPTH + " levels): " + m;
        }
        return m;
    }

    private int[] lineColumnOfCodePoint(int position) {
        int line = 1;
        int col = 1;
        int cp = 0;
        for (int i = 0; i < text.length() && cp < position; cp++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }

    private RawTask read() {
        Node root = compose();
        if (problems.hasErrors()) {
            return null;
        }
        RawTask task = new RawTask();
        task.node = root;
        if (root == null || isNull(root)) {
            return task;
        }
        if (!(root instanceof MappingNode m)) {
            typeError(root, "graph.Task", "a mapping of task properties");
            return task;
        }
        mapping(m, TASK, (key, v) -> taskField(task, key, v), 0);
        return task;
    }

    // ---- task --------------------------------------------------------------------------------

    private void taskField(RawTask t, String key, Node v) {
        switch (key) {
            case "version" -> {
                t.version = str(v, "version");
                t.versionNode = v;
            }
            case "stepTimeout" -> t.stepTimeout = integer(v, "stepTimeout", "an integer number of seconds", t.stepTimeout);
            case "workingDirectory" -> t.workingDirectory = str(v, "workingDirectory");
            case "env" -> t.env = items(v, "env");
            case "secrets" -> t.secrets = list(v, "secretmgmt.Secret", this::secret);
            case "networks" -> t.networks = list(v, "graph.Network", this::network);
            case "volumes" -> t.volumes = list(v, "volume.Volume", this::volume);
            case "steps" -> {
                t.steps = list(v, "graph.Step", this::step);
                for (int i = 0; i < t.steps.size(); i++) {
                    t.steps.get(i).index = i;
                }
            }
            case "isbuildtask" -> t.isBuildTask = bool(v, "isbuildtask", t.isBuildTask);
            case "totalTimeout" -> totalTimeout(t, v);
            default -> { } // other hidden keys: overwritten by the reference, no effect
        }
    }

    /** Our extension; the reference ignores the key entirely, so a bad value is only a warning. */
    private void totalTimeout(RawTask t, Node v) {
        t.totalTimeoutNode = v;
        t.totalTimeout = null;
        if (isNull(v)) {
            return;
        }
        GoYamlScalar s = v instanceof ScalarNode sn ? scalar(sn) : null;
        if (s != null && (s.kind() == GoYamlScalar.Kind.INT || s.kind() == GoYamlScalar.Kind.FLOAT)) {
            long value = s.kind() == GoYamlScalar.Kind.INT ? s.longValue() : (long) s.doubleValue();
            if (value > 0) {
                t.totalTimeout = (int) Math.min(value, Integer.MAX_VALUE);
                return;
            }
        }
        problems.warning(v, "totalTimeout is ignored: it must be a positive integer number of seconds (found "
                + found(v) + ")");
    }

    // ---- secrets, networks, volumes ------------------------------------------------------------

    private RawSecret secret(MappingNode m) {
        RawSecret s = new RawSecret();
        s.node = m;
        mapping(m, SECRET, (key, v) -> {
            switch (key) {
                case "id" -> {
                    s.id = str(v, "id");
                    s.idNode = v;
                }
                case "keyvault" -> s.keyvault = str(v, "keyvault");
                case "clientID" -> {
                    s.clientID = str(v, "clientID");
                    s.clientIdNode = v;
                }
                case "aadresourceid" -> s.aadResourceId = str(v, "aadresourceid");
                default -> { }
            }
        }, 0);
        return s;
    }

    private RawNetwork network(MappingNode m) {
        RawNetwork n = new RawNetwork();
        n.node = m;
        mapping(m, NETWORK, (key, v) -> {
            switch (key) {
                case "name" -> n.name = str(v, "name");
                case "driver" -> n.driver = str(v, "driver");
                case "ipv6" -> n.ipv6 = bool(v, "ipv6", n.ipv6);
                case "skipCreation" -> n.skipCreation = bool(v, "skipCreation", n.skipCreation);
                case "isDefault" -> n.isDefault = bool(v, "isDefault", n.isDefault);
                default -> { }
            }
        }, 0);
        return n;
    }

    private RawVolume volume(MappingNode m) {
        RawVolume vol = new RawVolume();
        vol.node = m;
        mapping(m, VOLUME, (key, v) -> {
            switch (key) {
                case "name" -> {
                    vol.name = str(v, "name");
                    vol.nameNode = v;
                }
                case "secret" -> secretMap(vol, v);
                default -> { }
            }
        }, 0);
        return vol;
    }

    /** {@code secret: {file: base64}}; yaml.v2 merges a repeated map key into the existing map. */
    private void secretMap(RawVolume vol, Node v) {
        vol.secretNode = v;
        if (isNull(v)) {
            vol.secret = null; // yaml.v2 resets the map to nil
            vol.secretKeyNodes.clear();
            return;
        }
        if (!(v instanceof MappingNode m)) {
            typeError(v, "map[string]string", "a mapping of file names to base64 values");
            return;
        }
        if (vol.secret == null) {
            vol.secret = new LinkedHashMap<>();
        }
        mergeScalarMap(m, vol, 0);
    }

    private void mergeScalarMap(MappingNode m, RawVolume vol, int depth) {
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (isMergeKey(k)) {
                if (depth < MAX_DEPTH) {
                    forEachMerged(t.getValueNode(), mm -> mergeScalarMap(mm, vol, depth + 1));
                }
                continue;
            }
            String key = str(k, "secret file name");
            String value = str(t.getValueNode(), "secret." + key);
            vol.secret.put(key, value);
            vol.secretKeyNodes.put(key, k);
        }
    }

    // ---- steps --------------------------------------------------------------------------------

    private RawStep step(MappingNode m) {
        RawStep s = new RawStep();
        s.node = m;
        mapping(m, STEP, (key, v) -> stepField(s, key, v), 0);
        return s;
    }

    private void stepField(RawStep s, String key, Node v) {
        StepKey k = StepKey.of(key);
        if (k == null) {
            return; // other hidden keys: overwritten by the reference
        }
        int before = errorCount();
        Object value = switch (k.type) {
            case STRING -> str(v, key);
            case ITEMS -> items(v, key);
            case STRINGS -> strings(v, key);
            case BOOL -> bool(v, key, (Boolean) k.get(s));
            case COUNT -> integer(v, key, "an integer", (Integer) k.get(s));
            case SECONDS -> integer(v, key, "an integer number of seconds", (Integer) k.get(s));
            case INTS -> ints(v, key);
            case MOUNTS -> list(v, "volume.Mount", this::mount);
        };
        k.set(s, value, v);
        if (errorCount() != before) {
            s.badKeys.add(key);
        }
    }

    private RawMount mount(MappingNode m) {
        RawMount mount = new RawMount();
        mount.node = m;
        mapping(m, MOUNT, (key, v) -> {
            switch (key) {
                case "name" -> mount.name = str(v, "name");
                case "mountPath" -> {
                    mount.mountPath = str(v, "mountPath");
                    mount.mountPathNode = v;
                }
                default -> { }
            }
        }, 0);
        return mount;
    }

    // ---- generic decoding ---------------------------------------------------------------------

    private int errors;

    private int errorCount() {
        return errors;
    }

    private void typeError(Node v, String goType, String expected) {
        errors++;
        String tagText;
        if (v instanceof ScalarNode sn) {
            GoYamlScalar s = scalar(sn);
            tagText = s.tag() + " " + s.goQuoted();
        } else {
            tagText = v instanceof MappingNode ? "!!map" : "!!seq";
        }
        problems.error(v, "cannot unmarshal " + tagText + " into " + goType + " (expected " + expected + ", found "
                + found(v) + ")");
    }

    private static String found(Node v) {
        if (v instanceof ScalarNode sn) {
            return quote(sn.getValue());
        }
        return v instanceof MappingNode ? "a mapping" : "a list";
    }

    /** Java-style quoting for messages (control characters escaped). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                b.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || c == 0x7F) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('"').toString();
    }

    /** Resolves a scalar as yaml.v2 does, honouring explicit tags. */
    GoYamlScalar scalar(ScalarNode n) {
        Tag tag = n.getTag();
        String value = n.getValue();
        if (PLAIN.equals(tag)) {
            return GoYamlScalar.plain(value);
        }
        if (Tag.STR.equals(tag)) {
            return GoYamlScalar.string(value);
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag) || Tag.BOOL.equals(tag) || Tag.NULL.equals(tag)) {
            GoYamlScalar r = GoYamlScalar.plain(value);
            String want = "!!" + tag.getValue().substring(Tag.PREFIX.length());
            boolean ok = r.tag().equals(want) || (Tag.FLOAT.equals(tag) && r.kind() == GoYamlScalar.Kind.INT);
            if (!ok) {
                errors++;
                problems.error(n, "cannot decode " + r.tag() + " " + r.goQuoted() + " as a " + want);
                // Already reported: decode as the zero value so no second type error follows.
                return new GoYamlScalar(GoYamlScalar.Kind.NULL, "!!null", value, 0, 0, false);
            }
            if (Tag.FLOAT.equals(tag) && r.kind() == GoYamlScalar.Kind.INT) {
                return new GoYamlScalar(GoYamlScalar.Kind.FLOAT, "!!float", value, 0, (double) r.longValue(), false);
            }
            return r;
        }
        String t = tag.getValue();
        return GoYamlScalar.tagged(t.startsWith(Tag.PREFIX) ? "!!" + t.substring(Tag.PREFIX.length()) : t, value);
    }

    private boolean isNull(Node v) {
        return v instanceof ScalarNode sn && (PLAIN.equals(sn.getTag()) || Tag.NULL.equals(sn.getTag()))
                && GoYamlScalar.plain(sn.getValue()).kind() == GoYamlScalar.Kind.NULL;
    }

    /** A Go {@code string} field: any scalar's text; null → empty; a collection is an error. */
    private String str(Node v, String key) {
        if (v instanceof ScalarNode sn) {
            GoYamlScalar s = scalar(sn);
            return s.kind() == GoYamlScalar.Kind.NULL ? "" : sn.getValue();
        }
        typeError(v, "string", "a string for " + key);
        return "";
    }

    /** A Go {@code int} field: ints, and floats truncated (yaml.v2 does that); null → 0. */
    private int integer(Node v, String key, String expected, int previous) {
        Integer i = intValue(v);
        if (i == null) {
            typeError(v, "int", expected + " for " + key);
            return previous;
        }
        return i;
    }

    private Integer intValue(Node v) {
        if (!(v instanceof ScalarNode sn)) {
            return null;
        }
        GoYamlScalar s = scalar(sn);
        switch (s.kind()) {
            case NULL:
                return 0;
            case INT:
                // Go's int is 64-bit; our model uses int seconds, so saturate (no task waits 68 years).
                return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, s.longValue()));
            case FLOAT: {
                double d = s.doubleValue();
                if (Double.isNaN(d) || d >= 0x1p63) {
                    return null;
                }
                return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, (long) d));
            }
            default:
                return null;
        }
    }

    /** A Go {@code bool} field: only YAML 1.1 booleans; null → false. */
    private boolean bool(Node v, String key, boolean previous) {
        if (v instanceof ScalarNode sn) {
            GoYamlScalar s = scalar(sn);
            if (s.kind() == GoYamlScalar.Kind.BOOL) {
                return s.boolValue();
            }
            if (s.kind() == GoYamlScalar.Kind.NULL) {
                return false;
            }
        }
        typeError(v, "bool", "true or false for " + key);
        return previous;
    }

    /** A Go {@code []string} field, keeping each item's node. */
    private List<Item> items(Node v, String key) {
        List<Item> out = new ArrayList<>();
        if (isNull(v)) {
            return out;
        }
        if (!(v instanceof SequenceNode seq)) {
            typeError(v, "[]string", "a list of strings for " + key);
            return out;
        }
        for (Node n : seq.getValue()) {
            out.add(new Item(str(n, key + " item"), n));
        }
        return out;
    }

    private List<String> strings(Node v, String key) {
        return items(v, key).stream().map(Item::text).toList();
    }

    private List<Integer> ints(Node v, String key) {
        List<Integer> out = new ArrayList<>();
        if (isNull(v)) {
            return out;
        }
        if (!(v instanceof SequenceNode seq)) {
            typeError(v, "[]int", "a list of integers for " + key);
            return out;
        }
        for (Node n : seq.getValue()) {
            Integer i = intValue(n);
            if (i == null) {
                typeError(n, "int", "an integer in " + key);
            } else {
                out.add(i);
            }
        }
        return out;
    }

    /** A list of objects ({@code []*T}); a null item would crash the reference, so it is an error. */
    private <T> List<T> list(Node v, String goType, java.util.function.Function<MappingNode, T> decode) {
        List<T> out = new ArrayList<>();
        if (isNull(v)) {
            return out;
        }
        if (!(v instanceof SequenceNode seq)) {
            typeError(v, "[]*" + goType, "a list");
            return out;
        }
        for (Node n : seq.getValue()) {
            if (n instanceof MappingNode m) {
                out.add(decode.apply(m));
            } else if (isNull(n)) {
                errors++;
                problems.error(n, "empty list entry: expected a " + goType.substring(goType.indexOf('.') + 1).toLowerCase(
                        java.util.Locale.ROOT) + " mapping (the reference crashes on a null entry)");
            } else {
                typeError(n, goType, "a mapping");
            }
        }
        return out;
    }

    private static boolean isMergeKey(Node k) {
        return k instanceof ScalarNode sn && "<<".equals(sn.getValue())
                && (PLAIN.equals(sn.getTag()) || Tag.MERGE.equals(sn.getTag()));
    }

    private int mergeWork;
    private boolean mergeBudgetReported;

    private void forEachMerged(Node v, java.util.function.Consumer<MappingNode> apply) {
        if (mergeWork > MERGE_BUDGET) {
            if (!mergeBudgetReported) {
                mergeBudgetReported = true;
                errors++;
                problems.error(v, "yaml: merge keys (<<) expand to more than " + MERGE_BUDGET + " entries");
            }
            return;
        }
        if (v instanceof MappingNode m) {
            mergeWork += m.getValue().size();
            apply.accept(m);
        } else if (v instanceof SequenceNode seq && seq.getValue().stream().allMatch(n -> n instanceof MappingNode)) {
            // yaml.v2 steps backwards: earlier maps take precedence.
            List<Node> items = seq.getValue();
            for (Node n : items) {
                mergeWork += ((MappingNode) n).getValue().size();
            }
            for (int i = items.size() - 1; i >= 0; i--) {
                apply.accept((MappingNode) items.get(i));
            }
        } else {
            errors++;
            problems.error(v, "map merge requires map or sequence of maps as the value");
        }
    }

    /**
     * Walks a mapping in document order as yaml.v2 fills a struct: merge keys ({@code <<}) apply in
     * place, a repeated key overwrites the earlier value (we warn), unknown keys are ignored (we warn).
     */
    private void mapping(MappingNode m, Schema schema, BiConsumer<String, Node> field, int depth) {
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            Node v = t.getValueNode();
            if (isMergeKey(k)) {
                if (depth < MAX_DEPTH) {
                    forEachMerged(v, mm -> mapping(mm, schema, field, depth + 1));
                }
                continue;
            }
            if (!(k instanceof ScalarNode ks)) {
                typeError(k, "string", "a property name");
                continue;
            }
            String key = isNull(ks) ? "" : ks.getValue();
            Node first = seen.putIfAbsent(key, k);
            if (first != null) {
                problems.warning(k, "duplicate key \"" + key + "\" in " + schema.what() + " (first at line "
                        + locatedLine(first) + "); the last value is used");
            }
            if (schema.known().contains(key) || schema.hidden().contains(key)) {
                field.accept(key, v);
            } else if (v.getAnchor() == null) {
                // An unknown key whose value carries an anchor is a deliberate holder of YAML anchors.
                unknownKey(schema, ks, key);
            }
        }
    }

    private int locatedLine(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    private void unknownKey(Schema schema, ScalarNode k, String key) {
        String base = "unknown key " + quote(key) + " in " + schema.what() + " is ignored";
        if (schema == TASK && key.equals("alias")) {
            problems.warning(k, base + ": image aliases need \"version: v1.1.0\" (as the first such line, at column 1)");
            return;
        }
        String hint = schema == STEP ? StepKey.HINTS.get(key) : null;
        if (hint == null) {
            String s = GoText.suggest(key, schema.known());
            hint = s != null ? "did you mean " + quote(s) + "?" : null;
        }
        problems.warning(k, hint == null ? base : base + "; " + hint);
    }
}
