package io.multistep.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the Java code in {@code docs/*.md} compiled: every {@code ```java} block must follow a marker
 * {@code <!-- snippet: path/to/File.java#name -->} (path from the repository root) and equal the region
 * between {@code // tag::name[]} and {@code // end::name[]} in that file, de-indented. Fix a failure by
 * copying the region this test prints into the document (or changing the code, if the document is right).
 */
class DocsSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern MARKER = Pattern.compile("<!--\\s*snippet:\\s*([^#\\s]+)#([A-Za-z0-9_.-]+)\\s*-->\\s*$");
    private static final Pattern TAG_LINE = Pattern.compile("^\\s*//\\s*(tag|end)::[A-Za-z0-9_.-]+\\[]\\s*$");

    /** The guides whose every java block must be a snippet (other documents: only their marked blocks are checked). */
    private static final List<String> GUIDES = List.of("getting-started.md", "task-format.md", "templating.md",
            "java-api.md", "extending.md", "testing.md", "cli.md");

    private record Snippet(Path doc, int line, String path, String name, String block) {}

    static Path root() {
        return Path.of(System.getProperty("multistep.root", "..")).toAbsolutePath().normalize();
    }

    private static List<Path> docs() throws IOException {
        try (Stream<Path> files = Files.list(root().resolve("docs"))) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static List<Snippet> snippets(Path doc) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<Snippet> out = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(text);
        while (m.find()) {
            int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            String before = text.substring(0, m.start()).stripTrailing();
            String lastLine = before.substring(before.lastIndexOf('\n') + 1);
            Matcher marker = MARKER.matcher(lastLine);
            if (marker.find()) {
                out.add(new Snippet(doc, line, marker.group(1), marker.group(2), m.group(1)));
            } else {
                out.add(new Snippet(doc, line, null, null, m.group(1)));
            }
        }
        return out;
    }

    /**
     * The lines between {@code // tag::name[]} and {@code // end::name[]}, other tag lines dropped,
     * common indentation removed.
     */
    static String region(Path file, String name) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (start < 0 && t.equals("// tag::" + name + "[]")) {
                start = i + 1;
            } else if (start >= 0 && t.equals("// end::" + name + "[]")) {
                end = i;
                break;
            }
        }
        if (start < 0 || end < 0) {
            throw new AssertionError(file + " has no region // tag::" + name + "[] ... // end::" + name + "[]");
        }
        List<String> body = lines.subList(start, end).stream().filter(l -> !TAG_LINE.matcher(l).matches()).toList();
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String l : body) {
            sb.append(l.isBlank() ? "" : l.substring(indent).stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockInTheDocsIsATaggedRegionOfCompiledCode() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : docs()) {
            boolean guide = GUIDES.contains(doc.getFileName().toString());
            for (Snippet s : snippets(doc)) {
                if (s.path() == null && !guide) {
                    continue;
                }
                String where = root().relativize(doc) + ":" + s.line();
                tests.add(DynamicTest.dynamicTest(where + (s.path() == null ? "" : " " + s.path() + "#" + s.name()), () -> {
                    assertThat(s.path()).as("%s: a ```java block needs a <!-- snippet: path#name --> line before it, "
                            + "naming a tagged region of compiled code", where).isNotNull();
                    Path source = root().resolve(s.path());
                    assertThat(source).as("%s: the snippet's file", where).isRegularFile();
                    String expected = region(source, s.name());
                    assertThat(s.block())
                            .as("%s: the block must equal the region %s#%s; the region is:%n%s", where, s.path(),
                                    s.name(), expected)
                            .isEqualTo(expected);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theGuidesHaveCompiledSnippets() throws IOException {
        long marked = 0;
        for (Path doc : docs()) {
            marked += snippets(doc).stream().filter(s -> s.path() != null).count();
        }
        assertThat(marked).as("marked java snippets in docs/*.md").isGreaterThanOrEqualTo(5);
    }

    @Test
    void regionsAreDeindentedAndDropNestedTagLines(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = dir.resolve("A.java");
        Files.writeString(f, String.join("\n", "class A {", "    // tag::outer[]", "    void a() {",
                "        // tag::inner[]", "        int x = 1;", "        // end::inner[]", "    }", "    // end::outer[]",
                "}", ""));
        assertThat(region(f, "outer")).isEqualTo("void a() {\n    int x = 1;\n}\n");
        assertThat(region(f, "inner")).isEqualTo("int x = 1;\n");
    }
}
