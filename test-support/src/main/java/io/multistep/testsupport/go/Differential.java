package io.multistep.testsupport.go;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Collects the comparison of the Java side with the Go oracle, case by case, then prints counts
 * per category and a readable diff of the first mismatches, and fails on any mismatch that is
 * not a listed pending difference, and on any pending entry that no longer matches a mismatch.
 *
 * <p>A pending-differences file has one entry a line,
 * {@code category || go regex || java regex || reason}: a mismatch is pending when its category
 * is {@code category} ({@code *} for any) and both regular expressions are found, in Go's result
 * and in the Java side's. {@code #} starts a comment line.
 */
public final class Differential {
    private static final int SHOWN = 15;

    /** One pending difference: known, reported, not failed on. */
    public record Pending(String category, Pattern go, Pattern java, String reason, int line) {
        boolean covers(String cat, String goResult, String javaResult) {
            return (category.equals("*") || category.equals(cat)) && go.matcher(goResult).find()
                    && java.matcher(javaResult).find();
        }
    }

    private record Mismatch(String id, String category, String input, String go, String java, Pending pending) {
    }

    private final String kind;
    private final List<Pending> pending;
    private final Map<String, int[]> counts = new TreeMap<>(); // category -> {cases, mismatches}
    private final List<Mismatch> mismatches = new ArrayList<>();
    private final Map<Pending, Integer> pendingUse = new LinkedHashMap<>();

    /**
     * A report with no pending differences.
     *
     * @param kind what is compared, for the messages ("yaml scalar", ...)
     */
    public Differential(String kind) {
        this(kind, List.of());
    }

    private Differential(String kind, List<Pending> pending) {
        this.kind = kind;
        this.pending = pending;
        pending.forEach(p -> pendingUse.put(p, 0));
    }

    /**
     * A report with the pending differences listed in the class-path resource {@code resource}.
     */
    public static Differential withPending(String kind, String resource) {
        List<Pending> list = new ArrayList<>();
        try (InputStream in = Differential.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split(" \\|\\| ", 4);
                if (parts.length != 4) {
                    throw new IllegalStateException(resource + ":" + n
                            + ": expected 'category || go regex || java regex || reason', found: " + t);
                }
                list.add(new Pending(parts[0].strip(), Pattern.compile(parts[1].strip()), Pattern.compile(parts[2].strip()),
                        parts[3].strip(), n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Differential(kind, list);
    }

    /**
     * Records one case.
     *
     * @param id the case id
     * @param category the generator's category of the case
     * @param input the case as a person reads it
     * @param go Go's result
     * @param java the Java side's result
     */
    public void compare(String id, String category, String input, String go, String java) {
        int[] c = counts.computeIfAbsent(category, k -> new int[2]);
        c[0]++;
        if (go.equals(java)) {
            return;
        }
        c[1]++;
        Pending p = pending.stream().filter(x -> x.covers(category, go, java)).findFirst().orElse(null);
        if (p != null) {
            pendingUse.merge(p, 1, Integer::sum);
        }
        mismatches.add(new Mismatch(id, category, oneLine(input), oneLine(go), oneLine(java), p));
    }

    /** Prints the report and fails on unexpected mismatches or stale pending entries. */
    public void assertConforms() {
        StringBuilder sb = new StringBuilder();
        int total = counts.values().stream().mapToInt(x -> x[0]).sum();
        long unexpected = mismatches.stream().filter(m -> m.pending == null).count();
        sb.append(kind).append(" against Go: ").append(total).append(" cases, ").append(mismatches.size())
                .append(" differ (").append(mismatches.size() - unexpected).append(" pending, ").append(unexpected)
                .append(" unexpected)\n");
        counts.forEach((cat, c) -> sb.append(String.format("  %-28s %6d cases %6d differ%n", cat, c[0], c[1])));
        List<Pending> stale = new ArrayList<>();
        pendingUse.forEach((p, n) -> {
            if (n == 0) {
                stale.add(p);
            } else {
                sb.append(String.format("  pending (line %d, %s): %d cases%n", p.line, p.reason, n));
            }
        });
        writeAll();
        appendFirst(sb, "unexpected", mismatches.stream().filter(m -> m.pending == null).toList());
        appendFirst(sb, "pending", mismatches.stream().filter(m -> m.pending != null).toList());
        System.out.println(sb);
        StringBuilder failure = new StringBuilder();
        if (unexpected > 0) {
            failure.append(unexpected).append(" ").append(kind).append(" cases differ from Go (first ones above)\n");
        }
        for (Pending p : stale) {
            failure.append("pending difference at line ").append(p.line).append(" (").append(p.reason)
                    .append(") no longer occurs: remove it from the list\n");
        }
        if (failure.length() > 0) {
            fail(failure + "\n" + sb);
        }
    }

    /** Control characters escaped, so that each part of a mismatch shows on one line. */
    private static String oneLine(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    /** Every mismatch, for reading them all: target/differential/KIND.txt. */
    private void writeAll() {
        StringBuilder all = new StringBuilder();
        for (Mismatch m : mismatches) {
            all.append(m.id).append(" [").append(m.category).append("] ")
                    .append(m.pending == null ? "UNEXPECTED" : "pending line " + m.pending.line).append('\n')
                    .append("  input: ").append(m.input).append('\n')
                    .append("  go:    ").append(m.go).append('\n')
                    .append("  java:  ").append(m.java).append('\n');
        }
        try {
            java.nio.file.Path dir = java.nio.file.Paths.get("target", "differential");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(kind.replaceAll("[^A-Za-z0-9.]+", "-") + ".txt"), all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void appendFirst(StringBuilder sb, String what, List<Mismatch> list) {
        for (int i = 0; i < Math.min(SHOWN, list.size()); i++) {
            Mismatch m = list.get(i);
            sb.append("--- ").append(what).append(' ').append(m.id).append(" [").append(m.category).append("]\n")
                    .append("  input: ").append(m.input).append('\n')
                    .append("  go:    ").append(m.go).append('\n')
                    .append("  java:  ").append(m.java).append('\n');
        }
        if (list.size() > SHOWN) {
            sb.append("  ... and ").append(list.size() - SHOWN).append(" more ").append(what).append('\n');
        }
    }
}
