package io.multistep.spec.render;

import io.multistep.gotemplate.internal.Mapped;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.multistep.spec.render.Aliases;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the text stages before rendering as {@code acb exec} runs them for a v1.1.0 file:
 * comment removal, version detection, alias-block separation, directive substitution,
 * {@code <no value>} deletion and {@code cmd} alias expansion. Whatever the text, each stage
 * returns, and each produced text's offset map covers exactly that text and points into its input
 * (so that every later problem can be located in the authored file).
 *
 * <p>Plain {@code mvn test} replays {@code PreprocessorFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes (docs/fuzzing.md).
 */
class PreprocessorFuzzTest {

    @FuzzTest(maxDuration = "60s")
    @Timeout(10)
    void everyStageReturnsAMapIntoItsInput(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Mapped stripped = Preprocessor.stripComments(text);
        covers("stripComments", stripped, text);
        Preprocessor.findVersion(stripped.text());
        Preprocessor.Separated sep = Preprocessor.separate(stripped.text());
        covers("separate (alias)", sep.alias(), stripped.text());
        covers("separate (rest)", sep.rest(), stripped.text());

        // The alias block as a plain 'key: value' list (the YAML part is TaskFilesFuzzTest's).
        Map<String, String> aliases = new LinkedHashMap<>(Aliases.runVariableAliases());
        aliases.putAll(Aliases.defaultImageAliases());
        int directive = '$';
        for (String line : sep.alias().text().split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = Preprocessor.trimSpace(line.substring(0, colon));
            String value = Preprocessor.trimSpace(line.substring(colon + 1));
            if (key.equals("directive") && !value.isEmpty()) {
                directive = value.codePointAt(0);
            } else if (key.matches("[A-Za-z0-9]+")) {
                aliases.put(key, value);
            }
        }
        Mapped substituted = Preprocessor.substitute(sep.rest().text(), aliases, directive);
        // preprocessString works on text + " " and drops that space at the end; its map keeps it.
        covers("substitute", substituted, sep.rest().text(), 1);
        covers("deleteNoValue", Preprocessor.deleteNoValue(substituted.text()), substituted.text());
        for (String line : substituted.text().split("\n")) {
            Aliases.expandCommandAlias(line, aliases);
        }
    }

    /** The map covers every char of the output, and maps each to an offset of the input (or its end). */
    private static void covers(String stage, Mapped out, String in) {
        covers(stage, out, in, 0);
    }

    private static void covers(String stage, Mapped out, String in, int extra) {
        if (out.map().length() != out.text().length() && out.map().length() != out.text().length() + extra) {
            throw new AssertionError(stage + ": the map covers " + out.map().length() + " chars of "
                    + out.text().length());
        }
        for (int i = 0; i < out.text().length(); i++) {
            int src = out.map().map(i);
            if (src < 0 || src > in.length()) {
                throw new AssertionError(stage + ": char " + i + " maps to " + src + ", outside the input of "
                        + in.length() + " chars");
            }
        }
    }
}
