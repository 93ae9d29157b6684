package io.multistep.gotemplate.internal.go;


import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML configured to read like Go's yaml.v2 into the template data model: YAML 1.1
 * booleans including {@code y}/{@code n}, timestamps kept as strings, Long/Double numbers.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class YamlSupport {

    private YamlSupport() {
    }

    private static final class GoResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:y|Y|n|N)$"), "yYnN");
            super.addImplicitResolvers();
        }
    }

    private static final Resolver RESOLVER = new GoResolver();

    private static Yaml yaml() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(true);
        o.setMaxAliasesForCollections(100);
        o.setNestingDepthLimit(200);
        return new Yaml(new SafeConstructor(o), new Representer(new DumperOptions()), new DumperOptions(), o,
                new GoResolver());
    }

    /**
     * Loads a document into Map/List/scalars the way yaml.v2 fills {@code map[string]interface{}}:
     * plain scalars resolved by yaml.v2's rules ({@link GoYamlScalar}: {@code y}/{@code n} are
     * booleans, {@code 12:30} stays a string, integers as Go's {@code ParseInt(s, 0, 64)}, numbers
     * above {@code MaxInt64} as unsigned), mapping keys as the text written (so a key {@code n} is
     * {@code "n"}, not {@code false}), timestamps kept as strings. Null for an empty document.
     */
    public static Object load(String text) {
        Node root = compose(text);
        return root == null ? null : value(root, 0);
    }

    private static Object value(Node node, int depth) {
        if (depth > 200) {
            throw new IllegalArgumentException("document nested deeper than 200 levels");
        }
        if (node instanceof MappingNode m) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                Node k = t.getKeyNode();
                if (k instanceof ScalarNode ks && ks.getTag().equals(Tag.MERGE)) {
                    // "<<: *base" (or a list of them): entries of the merged maps, where not set here.
                    List<Node> merged = t.getValueNode() instanceof SequenceNode sq ? sq.getValue()
                            : List.of(t.getValueNode());
                    for (Node mn : merged) {
                        if (value(mn, depth + 1) instanceof Map<?, ?> mm) {
                            mm.forEach((mk, mv) -> r.putIfAbsent((String) mk, mv));
                        }
                    }
                    continue;
                }
                String key = k instanceof ScalarNode ks ? ks.getValue() : GoFmt.sprintValue(value(k, depth + 1));
                r.put(key, value(t.getValueNode(), depth + 1));
            }
            return r;
        }
        if (node instanceof SequenceNode s) {
            List<Object> r = new ArrayList<>(s.getValue().size());
            for (Node x : s.getValue()) {
                r.add(value(x, depth + 1));
            }
            return r;
        }
        ScalarNode sc = (ScalarNode) node;
        String text = sc.getValue();
        boolean plain = sc.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
        // Quoted and block scalars are strings unless tagged; plain ones resolve implicitly.
        Tag implicit = plain ? RESOLVER.resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, text, true) : Tag.STR;
        if (!sc.getTag().equals(implicit)) {
            // An explicit tag: the standard scalar tags convert, anything else is its text.
            boolean standard = sc.getTag().equals(Tag.INT) || sc.getTag().equals(Tag.FLOAT)
                    || sc.getTag().equals(Tag.BOOL) || sc.getTag().equals(Tag.NULL);
            return standard ? scalar(GoYamlScalar.plain(text)) : text;
        }
        return plain ? scalar(GoYamlScalar.plain(text)) : text;
    }

    private static Object scalar(GoYamlScalar s) {
        switch (s.kind()) {
            case NULL:
                return null;
            case BOOL:
                return s.boolValue();
            case INT:
                return s.longValue();
            case UINT:
                return new java.math.BigInteger(Long.toUnsignedString(s.longValue()));
            case FLOAT:
                return s.doubleValue();
            default:
                return s.text();
        }
    }

    /**
     * The reference's text for a YAML error: {@code yaml: line N: <libyaml's words>} for syntax
     * errors, else the message with a {@code yaml:} prefix.
     */
    public static String errorText(RuntimeException e) {
        return errorTextOf(e);
    }

    /**
     * The line yaml.v2's {@code parser.fail} names: the problem mark's 0-based line, plus one for a
     * scanner error only; else the context mark's 0-based line; 0 (no "line N: ") when both are on
     * the first line. So a parser error names the line before the problem, as the reference does.
     *
     * @param m the parse error
     * @return the line the reference prints, or 0 for none
     */
    public static int goLine(org.yaml.snakeyaml.error.MarkedYAMLException m) {
        org.yaml.snakeyaml.error.Mark problem = m.getProblemMark();
        org.yaml.snakeyaml.error.Mark context = m.getContextMark();
        if (problem != null && problem.getLine() != 0) {
            return problem.getLine() + (m instanceof org.yaml.snakeyaml.scanner.ScannerException ? 1 : 0);
        }
        return context != null ? context.getLine() : 0;
    }

    /**
     * Where a YAML error is in its text, 1-based, at the problem (or else the context) mark.
     *
     * @param e the error
     * @return {line, column}, or {@code null} when the error has no mark
     */
    public static int[] position(RuntimeException e) {
        if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
            org.yaml.snakeyaml.error.Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
            if (mark != null) {
                return new int[] {mark.getLine() + 1, mark.getColumn() + 1};
            }
        }
        return null;
    }

    private static String errorTextOf(RuntimeException e) {
        if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
            String problem = LibyamlMessages.problem(String.valueOf(m.getProblem()),
                    m.getContext());
            int line = goLine(m);
            return line == 0 ? "yaml: " + problem : "yaml: line " + line + ": " + problem;
        }
        String message = String.valueOf(e.getMessage());
        return message.startsWith("yaml:") ? message : "yaml: " + message;
    }

    /** Composes the node tree (scalars keep their source text, as yaml.v2 uses for string targets). */
    public static Node compose(String text) {
        return yaml().compose(new StringReader(text));
    }

    /** Decodes a mapping node into a string map the way yaml.v2 fills map[string]string. */
    public static Map<String, String> stringMap(Node node, String what) {
        Map<String, String> r = new LinkedHashMap<>();
        if (node == null || isNull(node)) {
            return r;
        }
        if (!(node instanceof MappingNode m)) {
            throw new IllegalArgumentException("yaml: unmarshal errors:\n  line " + (node.getStartMark().getLine() + 1)
                    + ": cannot unmarshal " + tagName(node) + " into " + what);
        }
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            Node v = t.getValueNode();
            if (!(k instanceof ScalarNode ks)) {
                throw new IllegalArgumentException("yaml: unmarshal errors:\n  line " + (k.getStartMark().getLine() + 1)
                        + ": cannot unmarshal " + tagName(k) + " into string");
            }
            if (!(v instanceof ScalarNode vs)) {
                throw new IllegalArgumentException("yaml: unmarshal errors:\n  line " + (v.getStartMark().getLine() + 1)
                        + ": cannot unmarshal " + tagName(v) + " into string");
            }
            // yaml.v2 decodes every null form into a string as ""
            r.put(isNull(ks) ? "" : ks.getValue(), isNull(vs) ? "" : vs.getValue());
        }
        return r;
    }

    /**
     * Whether a node is a YAML null as yaml.v2 resolves it: a plain {@code ~}, {@code null},
     * {@code Null}, {@code NULL} or empty scalar, or one tagged {@code !!null}. A quoted {@code ""}
     * is a string.
     */
    public static boolean isNull(Node n) {
        if (!(n instanceof ScalarNode s)) {
            return false;
        }
        if (s.getTag().equals(Tag.NULL)) {
            return true;
        }
        return s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                && GoYamlScalar.plain(s.getValue()).kind() == GoYamlScalar.Kind.NULL;
    }

    /** A scalar's text as a Go string field receives it: {@code ""} for a null. */
    public static String stringValue(ScalarNode s) {
        return isNull(s) ? "" : s.getValue();
    }

    /** yaml.v2 style short tag of a node for error texts. */
    public static String tagName(Node n) {
        if (n instanceof MappingNode) {
            return "!!map";
        }
        if (n instanceof SequenceNode) {
            return "!!seq";
        }
        ScalarNode sn = (ScalarNode) n;
        String v = sn.getValue();
        String t;
        if (sn.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && sn.getTag().equals(RESOLVER.resolve(
                org.yaml.snakeyaml.nodes.NodeId.scalar, v, true))) {
            t = GoYamlScalar.plain(v).tag(); // resolved by yaml.v2's rules
        } else {
            t = sn.getTag().getValue();
            t = t.startsWith("tag:yaml.org,2002:") ? "!!" + t.substring(18) : t;
        }
        // yaml.v2 (decode.go terror) shows at most ten characters of the value
        return t + " `" + (v.length() > 10 ? v.substring(0, 7) + "..." : v) + "`";
    }
}
