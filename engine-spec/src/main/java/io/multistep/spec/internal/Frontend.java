package io.multistep.spec.internal;

import io.multistep.spec.Problem;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Everything before YAML: comment-line removal, version detection, aliases and template
 * rendering. The seam between the parser and the templating layer.
 */
public interface Frontend {

    /**
     * The text the YAML parser sees.
     *
     * @param text the rendered text
     * @param locator maps rendered positions to the authored file
     * @param aliasesEnabled whether the file is v1.1.0+ (alias preprocessing ran)
     * @param cmdAliases expands the image alias in a cmd, or {@code null} when aliases are disabled
     */
    record Rendered(String text, Locator locator, boolean aliasesEnabled, UnaryOperator<String> cmdAliases) {}

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

    /**
     * Called between the two render passes of a file that mentions {@code secrets}: parses and
     * checks the first-pass text and returns the secret values for the second pass.
     */
    @FunctionalInterface
    interface SecondPass {
        /**
         * @param firstPassText the text rendered with empty secrets
         * @param locator positions of that text in the authored file
         * @return secret id to value
         * @throws Failure when the first pass text is not a valid task or resolution fails
         */
        java.util.Map<String, String> secrets(String firstPassText, Locator locator) throws Failure;
    }

    /** Renders authored text. */
    Rendered render(String authored, String sourceName, SecondPass secondPass) throws Failure;
}
