package io.multistep.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Replaces secret values in text with {@value #MASK}. Immutable and thread-safe.
 *
 * <p>For each secret the masker hides the value itself, its standard base64 form (with and
 * without {@code =} padding, because task files commonly pass secrets through {@code b64enc}),
 * and — for multi-line values such as PEM keys — each of its lines, since output arrives line by
 * line. Longer values are replaced first, so a value that contains another is hidden whole.
 *
 * <p><b>Short values are not masked.</b> Values (and lines of values) shorter than
 * {@value #MIN_LENGTH} characters are skipped: masking a one- or two-character value such as
 * {@code "a"} or {@code "42"} would replace that text everywhere and make every log unreadable,
 * while hiding almost nothing (such a value is guessable anyway). Blank values are skipped too, and
 * so are the derived forms of every skipped value.
 *
 * <p>A message that quotes a value cut short ({@code cannot unmarshal !!str `Sup3rS3...` into int})
 * shows only the start of a secret, which plain replacement would miss: the start of a secret (at
 * least {@value #MIN_LENGTH} characters) right before {@code ...} is masked too ({@code `***...`}).
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class SecretMasker {

    /** What a secret value is replaced with. */
    public static final String MASK = "***";

    /** Values shorter than this are not masked (see the class documentation). */
    public static final int MIN_LENGTH = 3;

    private static final SecretMasker NONE = new SecretMasker(List.of());

    /** Longest first, so that overlapping values are masked whole. */
    private final List<String> needles;

    private SecretMasker(List<String> needles) {
        this.needles = needles;
    }

    /** A masker that masks nothing. @return the empty masker */
    public static SecretMasker none() {
        return NONE;
    }

    /**
     * A masker for these values (and their derived forms).
     *
     * @param values the secret values; {@code null}s, blanks and short values are ignored
     * @return the masker
     */
    public static SecretMasker of(Collection<String> values) {
        return NONE.with(values);
    }

    /**
     * A masker that hides what this one hides plus these values.
     *
     * @param values more secret values
     * @return a new masker
     */
    public SecretMasker with(Collection<String> values) {
        Set<String> all = new LinkedHashSet<>(needles);
        for (String value : values) {
            if (value == null || value.length() < MIN_LENGTH || value.isBlank()) {
                // Derived forms of a value too short to mask are skipped too (their hiding would reveal nothing).
                continue;
            }
            add(all, value);
            String b64 = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
            add(all, b64);
            add(all, b64.replaceAll("=+$", ""));
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                for (String line : value.split("\r?\n|\r")) {
                    add(all, line);
                }
            }
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMasker(List.copyOf(sorted));
    }

    private static void add(Set<String> all, String candidate) {
        if (candidate.length() >= MIN_LENGTH && !candidate.isBlank()) {
            all.add(candidate);
        }
    }

    /** Whether this masker hides anything at all. @return {@code true} if it has no values */
    public boolean isEmpty() {
        return needles.isEmpty();
    }

    /**
     * Masks a text.
     *
     * @param text the text, may be {@code null}
     * @return the text with every secret occurrence replaced by {@value #MASK}; {@code null} for {@code null}
     */
    public String mask(String text) {
        if (text == null || needles.isEmpty() || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String needle : needles) {
            if (result.contains(needle)) {
                result = result.replace(needle, MASK);
            }
        }
        return result.contains(ELLIPSIS) ? maskTruncated(result) : result;
    }

    /** What messages end a truncated excerpt with (yaml.v2's {@code `Sup3rS3...`}, Go's template context). */
    private static final String ELLIPSIS = "...";

    /**
     * Masks the readable start of a value a message cut short: text right before {@code ...} (or
     * before a closing quote and {@code ...}) that is the start of a secret, at least
     * {@value #MIN_LENGTH} characters of it.
     */
    private String maskTruncated(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int at = text.indexOf(ELLIPSIS); at >= 0; at = text.indexOf(ELLIPSIS, at + ELLIPSIS.length())) {
            int end = at > 0 && (text.charAt(at - 1) == '"' || text.charAt(at - 1) == '`') ? at - 1 : at;
            int longest = 0;
            for (String needle : needles) {
                for (int k = Math.min(needle.length(), end - copied); k >= MIN_LENGTH && k > longest; k--) {
                    if (text.regionMatches(end - k, needle, 0, k)) {
                        longest = k;
                        break;
                    }
                }
            }
            if (longest > 0) {
                out.append(text, copied, end - longest).append(MASK);
                copied = end;
            }
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * Masks every element of a list.
     *
     * @param texts the texts
     * @return a new immutable list of masked texts
     */
    public List<String> maskAll(List<String> texts) {
        if (needles.isEmpty()) {
            return List.copyOf(texts);
        }
        List<String> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(mask(t));
        }
        return List.copyOf(out);
    }

    /** Shows how many values are masked, never the values. */
    @Override
    public String toString() {
        return "SecretMasker[" + needles.size() + " patterns]";
    }
}
