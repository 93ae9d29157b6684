package io.multistep.spec.render;

import io.multistep.gotemplate.TemplateException;
import io.multistep.spec.internal.TemplateErrors;
import io.multistep.spec.InvalidTextException;
import io.multistep.spec.SourceLocation;
import io.multistep.spec.SourceText;
import io.multistep.gotemplate.internal.go.YamlSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Alias support (templating.md §2): built-ins, alias-map building and {@code cmd} expansion. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Aliases {

    private Aliases() {
    }

    /** The 2024 Linux image aliases; embedders may override them via {@link RenderContext}. */
    public static Map<String, String> defaultImageAliases() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("acr", "mcr.microsoft.com/acr/acr-cli:0.13");
        m.put("az", "mcr.microsoft.com/acr/azure-cli:42e38da");
        m.put("bash", "mcr.microsoft.com/acr/bash:42e38da");
        m.put("curl", "mcr.microsoft.com/acr/curl:42e38da");
        m.put("cssc", "mcr.microsoft.com/acr/cssc:42e38da");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The run-variable aliases (all platforms), each a template action rendered afterwards. */
    public static Map<String, String> runVariableAliases() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ID", "{{.Run.ID}}");
        m.put("SharedVolume", "{{.Run.SharedVolume}}");
        m.put("Registry", "{{.Run.Registry}}");
        m.put("RegistryName", "{{.Run.RegistryName}}");
        m.put("Date", "{{.Run.Date}}");
        m.put("OS", "{{.Run.OS}}");
        m.put("Architecture", "{{.Run.Architecture}}");
        m.put("Commit", "{{.Run.Commit}}");
        m.put("Branch", "{{.Run.Branch}}");
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * ExpandCommandAliases for one {@code cmd}: trim, split on single spaces, replace the first
     * piece when it is an alias key and re-join; unchanged (not even trimmed) when nothing matches.
     */
    public static String expandCommandAlias(String cmd, Map<String, String> aliases) {
        String trimmed = io.multistep.spec.render.Preprocessor.trimSpace(cmd); // Go strings.TrimSpace, not Java strip()
        String[] parts = trimmed.split(" ", -1);
        String value = aliases.get(parts[0]);
        if (value == null) {
            return cmd;
        }
        parts[0] = value;
        return String.join(" ", parts);
    }

    /** The alias map and directive built from a rendered alias block. */
    record Resolved(Map<String, String> aliases, int directive) {
    }

    /**
     * Builds the alias map from the rendered alias block (§2.2–2.4) and validates it.
     *
     * @throws TemplateException A-1 … A-5
     */
    static Resolved build(String aliasText, Map<String, String> imageAliases, SourceLocation where)
            throws TemplateException {
        return build(aliasText, imageAliases, where, (line, column) -> where);
    }

    /** Maps a 1-based line and column of the rendered alias text to the authored file. */
    interface Locate {
        SourceLocation at(int line, int column);
    }

    /**
     * Like {@link #build(String, Map, SourceLocation)}, reporting each problem at the offending key or
     * value: {@code locate} maps the rendered alias text's positions to the authored file.
     */
    static Resolved build(String aliasText, Map<String, String> imageAliases, SourceLocation where, Locate locate)
            throws TemplateException {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> src = new ArrayList<>();
        Map<String, Node> srcNodes = new LinkedHashMap<>();
        Map<String, Node> keyNodes = new LinkedHashMap<>();
        Node directiveNode = null;
        Node[] current = new Node[1];
        String directive = "";
        try {
            Node root = aliasText.isBlank() ? null : YamlSupport.compose(aliasText);
            if (root instanceof MappingNode rm) {
                for (NodeTuple t : rm.getValue()) {
                    if (!(t.getKeyNode() instanceof ScalarNode k) || !k.getValue().equals("alias")) {
                        continue;
                    }
                    Node a = t.getValueNode();
                    current[0] = a;
                    if (YamlSupport.isNull(a)) {
                        continue;
                    }
                    if (!(a instanceof MappingNode am)) {
                        throw new IllegalArgumentException("yaml: unmarshal errors:\n  line "
                                + (a.getStartMark().getLine() + 1) + ": cannot unmarshal " + YamlSupport.tagName(a)
                                + " into graph.Alias");
                    }
                    for (NodeTuple p : am.getValue()) {
                        String key = p.getKeyNode() instanceof ScalarNode ks ? ks.getValue() : "";
                        Node v = p.getValueNode();
                        current[0] = offending(v);
                        switch (key) {
                            case "values":
                                // later blocks win for equal keys (templating.md §2.1)
                                values.putAll(YamlSupport.stringMap(v, "map[string]string"));
                                if (v instanceof MappingNode vm) {
                                    vm.getValue().forEach(e -> keyNodes.put(((ScalarNode) e.getKeyNode()).getValue(),
                                            e.getKeyNode()));
                                }
                                break;
                            case "src":
                                if (v instanceof SequenceNode sn) {
                                    for (Node e : sn.getValue()) {
                                        if (!(e instanceof ScalarNode es)) {
                                            throw new IllegalArgumentException("yaml: unmarshal errors:\n  line "
                                                    + (e.getStartMark().getLine() + 1) + ": cannot unmarshal "
                                                    + YamlSupport.tagName(e) + " into string");
                                        }
                                        src.add(YamlSupport.stringValue(es));
                                        srcNodes.putIfAbsent(YamlSupport.stringValue(es), es);
                                    }
                                } else if (!YamlSupport.isNull(v)) {
                                    throw new IllegalArgumentException("yaml: unmarshal errors:\n  line "
                                            + (v.getStartMark().getLine() + 1) + ": cannot unmarshal "
                                            + YamlSupport.tagName(v) + " into []string");
                                }
                                break;
                            case "directive":
                                if (!(v instanceof ScalarNode dv)) {
                                    throw new IllegalArgumentException("yaml: unmarshal errors:\n  line "
                                            + (v.getStartMark().getLine() + 1) + ": cannot unmarshal "
                                            + YamlSupport.tagName(v) + " into string");
                                }
                                directive = YamlSupport.stringValue(dv);
                                directiveNode = dv;
                                break;
                            default:
                                break;
                        }
                    }
                }
            } else if (root != null && !(root instanceof ScalarNode)) {
                throw new IllegalArgumentException("yaml: unmarshal errors:\n  line 1: cannot unmarshal !!seq into "
                        + "graph.AliasStruct");
            }
        } catch (RuntimeException e) {
            int[] at = YamlSupport.position(e);
            SourceLocation problem = at != null ? locate.at(at[0], at[1])
                    : current[0] != null ? at(locate, current[0], where) : where;
            throw TemplateErrors.at(TemplateException.Stage.ALIAS_RESOLVE, problem,
                    "error during alias unmarshaling: " + YamlSupport.errorText(e));
        }
        Map<String, String> result = new LinkedHashMap<>(values);
        for (int i = src.size() - 1; i >= 0; i--) {
            Node srcNode = srcNodes.get(src.get(i));
            for (Map.Entry<String, String> e : loadExternal(src.get(i), at(locate, srcNode, where)).entrySet()) {
                result.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, String> e : runVariableAliases().entrySet()) {
            result.putIfAbsent(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : imageAliases.entrySet()) {
            result.putIfAbsent(e.getKey(), e.getValue());
        }
        int dir = '$';
        if (!directive.isEmpty()) {
            SourceLocation directiveAt = at(locate, directiveNode, where);
            if (directive.codePointCount(0, directive.length()) != 1) {
                throw TemplateErrors.at(TemplateException.Stage.ALIAS_RESOLVE, directiveAt,
                        "$ directive can only be overwritten by a single character");
            }
            dir = directive.codePointAt(0);
            if ((dir >= 'a' && dir <= 'z') || (dir >= 'A' && dir <= 'Z') || (dir >= '0' && dir <= '9')) {
                throw TemplateErrors.at(TemplateException.Stage.ALIAS_RESOLVE, directiveAt,
                        "overwritten directives may not be alphanumeric characters");
            }
        }
        for (String k : result.keySet()) {
            if (!k.matches("[A-Za-z0-9]+")) {
                throw TemplateErrors.at(TemplateException.Stage.ALIAS_RESOLVE, at(locate, keyNodes.get(k), where),
                        "alias key names only support alphanumeric characters");
            }
        }
        return new Resolved(result, dir);
    }

    /** Where a node of the rendered alias text is in the authored file ({@code fallback} without a node). */
    private static SourceLocation at(Locate locate, Node node, SourceLocation fallback) {
        if (node == null) {
            return fallback;
        }
        SourceLocation loc = locate.at(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
        return loc == null || !loc.isKnown() ? fallback : loc;
    }

    /** The node a decoding error is about: the first item of a mapping that is not a scalar pair, else the node. */
    private static Node offending(Node v) {
        if (v instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode)) {
                    return t.getKeyNode();
                }
                if (!(t.getValueNode() instanceof ScalarNode)) {
                    return t.getValueNode();
                }
            }
        }
        return v;
    }

    private static Map<String, String> loadExternal(String src, SourceLocation where) throws TemplateException {
        String text;
        if (src.startsWith("http://") || src.startsWith("https://")) {
            try {
                HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                        .followRedirects(HttpClient.Redirect.NORMAL).build();
                HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(src)).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() > 299) {
                    throw TemplateErrors.at(TemplateException.Stage.ALIAS_RESOLVE, where, r.body());
                }
                text = r.body();
            } catch (IOException | IllegalArgumentException e) {
                throw TemplateErrors.at(TemplateException.Stage.ALIAS_RESOLVE, where,
                        "Get " + quoteUrl(src) + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw TemplateErrors.at(TemplateException.Stage.ALIAS_RESOLVE, where, "interrupted");
            }
        } else {
            try {
                text = SourceText.read(Path.of(src));
            } catch (InvalidTextException e) {
                // The problem is in the src file, the error at the alias block that names it.
                throw TemplateErrors.at(TemplateException.Stage.ALIAS_RESOLVE, where, e.getMessage());
            } catch (NoSuchFileException e) {
                throw TemplateErrors.at(TemplateException.Stage.ALIAS_RESOLVE, where,
                        "open " + src + ": no such file or directory");
            } catch (IOException | RuntimeException e) {
                throw TemplateErrors.at(TemplateException.Stage.ALIAS_RESOLVE, where, "open " + src + ": "
                        + e.getMessage());
            }
        }
        try {
            return YamlSupport.stringMap(text.isBlank() ? null : YamlSupport.compose(text), "map[string]string");
        } catch (RuntimeException e) {
            throw TemplateErrors.at(TemplateException.Stage.ALIAS_RESOLVE, where, YamlSupport.errorText(e));
        }
    }

    private static String quoteUrl(String s) {
        return "\"" + s + "\"";
    }
}
