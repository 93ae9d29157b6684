package io.multistep.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the citations of the rulebook ({@code docs/spec/}) in a source tree and reports the ones that do not
 * resolve: "execution.md &sect;4.3" needs a heading numbered 4.3 in {@code docs/spec/execution.md}, an
 * error id ("errors.md" and a capital, a dash and a number, or the id alone) an entry of
 * {@code docs/spec/errors.md}. A bare "&sect;5" means the rulebook file cited last before it in the same
 * source file (in {@code docs/spec/} itself: that file). Documents must not point outside the repository
 * (the shared folder beside it, an absolute {@code /work} path, a Markdown link that climbs out of the root).
 */
final class SpecCitations {

    /** The rulebook's files, the names citations use. */
    static final List<String> FILES = List.of("task-format.md", "templating.md", "execution.md", "errors.md");

    private static final Pattern FILE_NAME = Pattern.compile("\\b(task-format|templating|execution|errors)\\.md\\b");
    // A section list after a file name: "&sect;2, &sect;4–&sect;9 and &sect;8", "&sect;2.2–2.4".
    private static final Pattern SECTIONS = Pattern.compile(
            "\\G(?:\\s*(?:,|–|-|/|;|and|or)?\\s*)§\\s?(\\d+(?:\\.\\d+)*)(?:\\s*[–-]\\s*(\\d+(?:\\.\\d+)*))?");
    private static final Pattern BARE_SECTION = Pattern.compile("§\\s?(\\d+(?:\\.\\d+)*)(?:\\s*[–-]\\s*(\\d+(?:\\.\\d+)*))?");
    // Error ids: one capital, a dash, one or two digits (a curve's name, P and 256, is no citation).
    private static final Pattern ERROR_ID = Pattern.compile("(?<![A-Za-z0-9-])([ACMPRSTVX])-(\\d{1,2})(?![0-9A-Za-z])");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+§?(\\d+(?:\\.\\d+)*)\\.?(?:\\s|$)");
    private static final Pattern TABLE_FIRST_CELL = Pattern.compile("^\\|\\s*([^|]*?)\\s*\\|");
    private static final Pattern MD_LINK = Pattern.compile("\\]\\(([^)\\s#]+)(?:#[^)]*)?\\)");
    private static final String SHARED = ".." + "/shared"; // in pieces: this file is scanned too
    private static final List<String> OUTSIDE = List.of(SHARED, "/work/");

    private final Path root;
    private final Map<String, Set<String>> sections = new HashMap<>();
    private final Set<String> errorIds = new HashSet<>();

    SpecCitations(Path root) {
        this.root = root.toAbsolutePath().normalize();
        for (String file : FILES) {
            Path p = this.root.resolve("docs/spec").resolve(file);
            Set<String> found = new HashSet<>();
            if (Files.isRegularFile(p)) {
                for (String line : read(p)) {
                    Matcher h = HEADING.matcher(line);
                    if (h.find()) {
                        found.add(h.group(1));
                    }
                    Matcher cell = TABLE_FIRST_CELL.matcher(line);
                    if (file.equals("errors.md") && cell.find()) {
                        Matcher id = ERROR_ID.matcher(cell.group(1));
                        while (id.find()) {
                            errorIds.add(id.group(1) + "-" + id.group(2));
                        }
                    }
                }
            }
            sections.put(file, found);
        }
    }

    /** Every problem of the tree, one line each: {@code path:line: what}. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> !skipped(root.relativize(p)))
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".md"))
                    .sorted()
                    .forEach(p -> check(p, problems));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private void check(Path file, List<String> problems) {
        Path relative = root.relativize(file);
        boolean inSpec = relative.startsWith(Path.of("docs", "spec"));
        boolean markdown = file.toString().endsWith(".md");
        String self = inSpec && FILES.contains(relative.getFileName().toString())
                ? relative.getFileName().toString() : null;
        String lastCited = self;
        List<String> lines = read(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = relative.toString().replace('\\', '/') + ":" + (i + 1) + ": ";
            Set<Integer> explicit = new HashSet<>();
            Matcher name = FILE_NAME.matcher(line);
            while (name.find()) {
                String cited = name.group();
                if (!inSpec) {
                    lastCited = cited;
                }
                Matcher s = SECTIONS.matcher(line);
                s.region(name.end(), line.length());
                while (s.find()) {
                    explicit.add(line.indexOf('§', s.start()));
                    section(cited, s.group(1), where, problems);
                    if (s.group(2) != null) {
                        section(cited, s.group(2), where, problems); // "&sect;2.2–2.4": the end too
                    }
                    s.region(s.end(), line.length());
                }
            }
            Matcher bare = BARE_SECTION.matcher(line);
            while (bare.find()) {
                if (!explicit.contains(bare.start()) && lastCited != null && !lastCited.equals("errors.md")) {
                    section(lastCited, bare.group(1), where, problems);
                    if (bare.group(2) != null) {
                        section(lastCited, bare.group(2), where, problems);
                    }
                }
            }
            Matcher id = ERROR_ID.matcher(line);
            while (id.find()) {
                String cited = id.group(1) + "-" + id.group(2);
                if (!errorIds.contains(cited)) {
                    problems.add(where + "errors.md " + cited + " is not an entry of docs/spec/errors.md");
                }
            }
            for (String outside : OUTSIDE) {
                if (line.contains(outside) && (markdown || outside.equals(SHARED))) {
                    problems.add(where + "points outside the repository (" + outside + ")");
                    break;
                }
            }
            if (markdown) {
                Matcher link = MD_LINK.matcher(line);
                while (link.find()) {
                    String target = link.group(1);
                    if (target.contains("://") || target.startsWith("mailto:")) {
                        continue;
                    }
                    Path resolved = file.getParent().resolve(target).normalize();
                    if (!resolved.startsWith(root)) {
                        problems.add(where + "links outside the repository: " + target);
                    }
                }
            }
        }
    }

    private void section(String file, String number, String where, List<String> problems) {
        if (!sections.get(file).contains(number)) {
            problems.add(where + file + " §" + number + " is not a section of docs/spec/" + file);
        }
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
