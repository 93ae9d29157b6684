package io.multistep.spec.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A {@code build:} string split into {@code docker build}'s arguments, the one tokenising that the
 * static path check ({@link BuildPaths}) and {@link io.multistep.spec.BuildArguments} both read, so
 * they see the same flags, values and context word.
 *
 * <p>Quotes are honoured ({@link ShellWords}), {@code --flag=value} and pflag's {@code -tname}
 * shorthand work, and a value flag takes the next word as its value.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BuildWords {
    private BuildWords() {}

    /** The {@code docker build} flags that take a value. */
    public static final Set<String> VALUE_FLAGS = Set.of("-t", "--tag", "-f", "--file", "--build-arg", "--target",
            "--label", "--platform", "--network", "--isolation", "--cache-from", "--add-host", "--shm-size", "-m",
            "--memory", "--memory-swap", "--cpuset-cpus", "--cpuset-mems", "--cpu-shares", "-c", "--cpu-period",
            "--cpu-quota", "--iidfile", "--progress", "--secret", "--ssh", "--output", "-o", "--cgroup-parent",
            "--ulimit", "--security-opt", "--cache-to", "--builder", "--allow", "--build-context", "--attest",
            "--sbom", "--provenance", "--metadata-file");

    /** The {@code docker build} flags that take no value (or an inline {@code =true/false}). */
    public static final Set<String> BOOL_FLAGS = Set.of("--no-cache", "--pull", "--rm", "--force-rm", "-q",
            "--quiet", "--squash", "--compress", "--load", "--push", "--disable-content-trust");

    /**
     * One argument.
     *
     * @param flag the flag ({@code -t}, {@code --file} …), or null for a positional word
     * @param value the flag's value or the positional word; null for a flag given without one (a
     *     bare boolean flag, an unknown flag, or a value flag that ends the string)
     * @param inline whether the value was part of the flag's word ({@code --tag=x}, {@code -tx})
     */
    public record Word(String flag, String value, boolean inline) {
        /** Whether this is a positional word (the context). */
        public boolean positional() {
            return flag == null;
        }
    }

    /**
     * Splits a {@code build:} string.
     *
     * @param build the arguments of {@code docker build}
     * @return the arguments in order
     * @throws IllegalArgumentException when a quote is not closed
     */
    public static List<Word> parse(String build) {
        return parse(ShellWords.split(build));
    }

    /**
     * Reads {@code docker build}'s arguments from words already split.
     *
     * @param words the shell words of a {@code build:} string
     * @return the arguments in order
     */
    public static List<Word> parse(List<String> words) {
        List<Word> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("-") || !w.startsWith("-")) {
                out.add(new Word(null, w, false));
                continue;
            }
            String flag = w;
            String value = null;
            int eq = w.indexOf('=');
            if (w.startsWith("--") && eq > 0) {
                flag = w.substring(0, eq);
                value = w.substring(eq + 1);
            } else if (!w.startsWith("--") && w.length() > 2 && VALUE_FLAGS.contains(w.substring(0, 2))) {
                flag = w.substring(0, 2); // -tname, like pflag's shorthand
                value = w.substring(2);
            }
            boolean inline = value != null;
            if (value == null && VALUE_FLAGS.contains(flag) && i + 1 < words.size()) {
                value = words.get(++i);
            }
            out.add(new Word(flag, value, inline));
        }
        return out;
    }

    /**
     * The context word: the last positional argument, {@code .} when none.
     *
     * @param words the parsed arguments
     * @return the context as written
     */
    public static String context(List<Word> words) {
        String context = ".";
        for (Word w : words) {
            if (w.positional()) {
                context = w.value();
            }
        }
        return context;
    }
}
