package io.multistep.spec.template.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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

    private static final class GoConstructor extends SafeConstructor {
        GoConstructor(LoaderOptions o) {
            super(o);
            this.yamlConstructors.put(Tag.BOOL, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String v = ((ScalarNode) node).getValue().toLowerCase(java.util.Locale.ROOT);
                    return v.equals("y") || v.equals("yes") || v.equals("true") || v.equals("on");
                }
            });
            this.yamlConstructors.put(Tag.TIMESTAMP, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return ((ScalarNode) node).getValue();
                }
            });
            this.yamlConstructors.put(Tag.INT, new AbstractConstruct() {
                private final ConstructYamlInt delegate = new ConstructYamlInt();

                @Override
                public Object construct(Node node) {
                    Object v = delegate.construct(node);
                    if (v instanceof Number n && !(v instanceof java.math.BigInteger)) {
                        return n.longValue();
                    }
                    if (v instanceof java.math.BigInteger b) {
                        return b.doubleValue();
                    }
                    return v;
                }
            });
        }
    }

    private static Yaml yaml() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(true);
        o.setMaxAliasesForCollections(100);
        o.setNestingDepthLimit(200);
        return new Yaml(new GoConstructor(o), new Representer(new DumperOptions()), new DumperOptions(), o,
                new GoResolver());
    }

    /** Loads a document into Map/List/scalars; null for an empty document. */
    public static Object load(String text) {
        return normalize(yaml().load(text));
    }

    private static Object normalize(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                r.put(e.getKey() == null ? "" : GoFmt.sprintValue(normalize(e.getKey())), normalize(e.getValue()));
            }
            return r;
        }
        if (o instanceof List<?> l) {
            List<Object> r = new ArrayList<>(l.size());
            for (Object x : l) {
                r.add(normalize(x));
            }
            return r;
        }
        if (o instanceof Integer i) {
            return i.longValue();
        }
        if (o instanceof byte[] b) {
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
        return o;
    }

    /** Composes the node tree (scalars keep their source text, as yaml.v2 uses for string targets). */
    public static Node compose(String text) {
        return yaml().compose(new StringReader(text));
    }

    /** Decodes a mapping node into a string map the way yaml.v2 fills map[string]string. */
    public static Map<String, String> stringMap(Node node, String what) {
        Map<String, String> r = new LinkedHashMap<>();
        if (node == null || (node instanceof ScalarNode s && (s.getValue().isEmpty() || s.getTag().equals(Tag.NULL)))) {
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
            r.put(ks.getValue(), vs.getTag().equals(Tag.NULL) && vs.getValue().equals("~") ? "" : vs.getValue());
        }
        return r;
    }

    /** yaml.v2 style short tag of a node for error texts. */
    public static String tagName(Node n) {
        if (n instanceof MappingNode) {
            return "!!map";
        }
        if (n instanceof SequenceNode) {
            return "!!seq";
        }
        String t = n.getTag().getValue();
        String v = ((ScalarNode) n).getValue();
        return (t.startsWith("tag:yaml.org,2002:") ? "!!" + t.substring(18) : t) + " `" + v + "`";
    }
}
