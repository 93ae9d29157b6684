package io.multistep.gotemplate.internal.go;

import org.apiguardian.api.API;

/** The words of libyaml (under Go's yaml.v2) for YAML syntax problems that SnakeYAML reports. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LibyamlMessages {

    private LibyamlMessages() {
    }

    /**
     * SnakeYAML and Go's yaml.v2 both descend from libyaml/PyYAML but word some problems
     * differently; this gives libyaml's words for the common ones, so messages read as the
     * reference's. Others keep SnakeYAML's text.
     */
    public static String problem(String problem, String context) {
        String ctx = context == null ? "" : context;
        if (problem.startsWith("mapping values are not allowed")) {
            return "mapping values are not allowed in this context";
        }
        if (problem.startsWith("sequence entries are not allowed")) {
            return "block sequence entries are not allowed in this context";
        }
        if (problem.startsWith("found character") && problem.contains("that cannot start any token")) {
            return "found character that cannot start any token";
        }
        if (problem.startsWith("found undefined alias")) {
            return "unknown anchor '" + problem.substring("found undefined alias".length()).trim() + "' referenced";
        }
        if (problem.startsWith("found unknown escape character")) {
            return "found unknown escape character";
        }
        if (problem.startsWith("expected <block end>")) {
            return ctx.contains("block mapping") ? "did not find expected key" : "did not find expected '-' indicator";
        }
        if (problem.startsWith("expected ',' or '}'")) {
            return "did not find expected ',' or '}'";
        }
        if (problem.startsWith("expected ',' or ']'")) {
            return "did not find expected ',' or ']'";
        }
        if (problem.startsWith("expected <document start>")) {
            return "did not find expected <document start>";
        }
        if (problem.startsWith("expected alphabetic or numeric character")) {
            return "did not find expected alphabetic or numeric character";
        }
        if (problem.startsWith("expected the node content")) {
            return "did not find expected node content";
        }
        return problem.isEmpty() || ctx.isEmpty() ? problem : problem + " (" + ctx + ")";
    }
}
