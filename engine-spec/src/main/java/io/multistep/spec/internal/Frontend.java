package io.multistep.spec.internal;

import io.multistep.spec.Problem;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * Everything before YAML: comment-line removal, version detection, aliases and template
 * rendering. The seam between the parser and the templating layer.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface Frontend {

    /** Where rendering stands: done, or paused between the two passes of a document that uses secrets. */
    sealed interface Pass permits Rendered, FirstPass {}

    /**
     * The text the YAML parser sees.
     *
     * @param text the rendered text
     * @param locator maps rendered positions to the authored file
     * @param aliasesEnabled whether the file is v1.1.0+ (alias preprocessing ran)
     * @param cmdAliases expands the image alias in a cmd, or {@code null} when aliases are disabled
     */
    record Rendered(String text, Locator locator, boolean aliasesEnabled, UnaryOperator<String> cmdAliases)
            implements Pass {}

    /**
     * The first pass of a document that mentions {@code secrets} is done: its text is to be parsed
     * and checked and its secrets resolved, and the values handed to {@link #secondPass}.
     *
     * @param text the text rendered with empty secrets
     * @param locator positions of that text in the authored file
     * @param secondPass renders on with the secret values (id to value)
     */
    record FirstPass(String text, Locator locator, SecondPass secondPass) implements Pass {}

    /** Rendering failed; the problems say why. */
    final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        /** @param problems what went wrong, located */
        public Failure(List<Problem> problems) {
            super(problems.isEmpty() ? "rendering failed" : problems.get(0).toString());
            this.problems = List.copyOf(problems);
        }

        /** What went wrong. */
        public List<Problem> problems() {
            return problems;
        }
    }

    /** The rest of a rendering after a first pass. */
    @FunctionalInterface
    interface SecondPass {
        /**
         * @param secrets secret id to value, for the document's second pass
         * @return where rendering stands then
         * @throws Failure when a later stage fails
         */
        Pass render(java.util.Map<String, String> secrets) throws Failure;
    }

    /** Renders authored text up to its end or to the first pass of a document that uses secrets. */
    Pass render(String authored, String sourceName) throws Failure;
}
