package io.multistep.docker.internal;

import io.multistep.gotemplate.internal.go.GoPath;
import io.multistep.testsupport.go.Differential;
import io.multistep.testsupport.go.GoOracle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link DockerIgnore} against moby's patternmatcher and the CLI's {@code .dockerignore} reader
 * (through the Go oracle), on a few thousand seeded pattern lists, each checked with a handful
 * of paths. Every case must match.
 */
class DockerIgnoreDifferentialTest {

    private static final long SEED = 20261203L;

    /** Pattern pieces: wildcards, classes, escapes, regexp characters, malformed forms. */
    private static final String[] TOKENS = {
        "a", "b", "c", "x", "ab", "a.txt", ".", "-", "_", "~", "é", "*", "*", "**", "?", "?", "[a-z]", "[!x]", "[^x]",
        "[abc]", "[a-]", "[]a]", "[\\]]", "[*]", "[?]", "[/]", "[a", "a]", "]", "[", "\\*", "\\?", "\\[", "\\]", "\\\\",
        "\\a", "\\x", "\\d", "\\w", "\\s", "\\b", "\\y", "\\.", "\\-", "\\ ", "\\é", "!", "^", "$", "+", "(", ")",
        "{", "}", "|", "&", " ", "[-]", "[x-]", "[-x]", "[a-b-c]", "[z-a]", "[[:alpha:]]", "[[:digit:]x]",
        "[[:foo:]]", "[[:^alpha:]]", "[\\d]", "[\\x41]", "[[]", "[^]]", "[]]", "[^/]", "\\x41", "\\101", "\\1",
        "\\x{61}", "[a-c-]", "[^a-c]", "\\",
    };

    private static final String[] SEGMENTS = {
        "a", "b", "c", "x", "ab", "abc", "a.txt", "b.log", "A", "-", "_", "^", "$", "a*b", "a?b", "a[b", "a]b",
        "a\\b", "a b", "é", "\n", "d1", "!", ".", "ax", "xa", "ba", "a-b", "(", "+", "{}", "~", "[a]",
    };

    @Test
    void dockerignoreMatchesAsTheDockerCliDoes() {
        Random r = new Random(SEED);
        List<Map<String, Object>> requests = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (String fixed : FIXED) {
            requests.add(request("i" + requests.size(), fixed, paths(r)));
            categories.add("fixed");
        }
        for (int i = 0; i < 3000; i++) {
            String category = switch (i % 3) {
                case 0 -> "one-pattern";
                case 1 -> "pattern-list";
                default -> "with-exceptions";
            };
            int count = category.equals("one-pattern") ? 1 : 2 + r.nextInt(3);
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < count; k++) {
                text.append(line(r, category.equals("with-exceptions") && k > 0 && r.nextBoolean())).append(r.nextInt(6) == 0 ? "\r\n" : "\n");
            }
            requests.add(request("i" + requests.size(), text.toString(), paths(r)));
            categories.add(category);
        }
        List<Map<String, Object>> answers = GoOracle.answer(requests);
        Differential report = new Differential(".dockerignore");
        for (int i = 0; i < requests.size(); i++) {
            Map<String, Object> a = answers.get(i);
            String go = a.get("err") != null ? "error: " + a.get("err") : String.valueOf(a.get("matches"));
            String text = (String) requests.get(i).get("text");
            @SuppressWarnings("unchecked")
            List<String> paths = (List<String>) requests.get(i).get("paths");
            report.compare((String) a.get("id"), categories.get(i), show(text) + " with paths " + show(paths.toString()), go,
                    java(text, paths));
        }
        report.assertConforms();
    }

    private static String java(String text, List<String> paths) {
        DockerIgnore ignore;
        try {
            ignore = DockerIgnore.parse(text);
        } catch (DockerIgnore.PatternError e) {
            return "error: " + e.goMessage();
        }
        List<String> out = new ArrayList<>();
        for (String p : paths) {
            try {
                out.add(String.valueOf(ignore.excludes(p)));
            } catch (DockerIgnore.PatternError e) {
                out.add("error: " + e.goMessage());
            }
        }
        return out.toString();
    }

    private static final String[] FIXED = {
        "a\\*b", "a\\?b", "a\\[b", "[-]", "[x-]", "[-x]", "[a-b-c]", "a\\", "!", "! ", "#a\n a", "\uFEFFa", "/a", "./a",
        "a/../b", "!/a", "**", "**/", "**/a", "a/**", "a/**/b", "*", "?", "[z-a]", "a*[-]", "[!x]", "[^x]", "\\d",
        "*\\y", "a\\yb", "[[:alpha:]]", "[[:foo:]]", "*\n!a", "a\n!a/b", "a*\n!ab\n*b", "  a  ", "\ta\t", "!  a",
        "a\u001Fb", "\u001Fa", "a^b", "*a^b", "*$", "a$", "(a)", "*(a)", "a|b", "*a|b", "{a}", "*{a}", "a+", "*a+",
        "*a{2}", "*a{1,}", "*a{1,2}", "*a{2,1}", "*a{1001}", "*a{01}", "*{", "*}", "*|", "|", "*\\0", "*\\12",
        "[[:alpha:]", "*[^\\d]", "*[\\s]", "*\\b", "*a\\B", "*a**b", "a/**/", "*.txt\n!a.txt", "*\\A", "*\\z",
    };

    private static Map<String, Object> request(String id, String text, List<String> paths) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", "ignore");
        m.put("text", text);
        m.put("paths", paths);
        return m;
    }

    private static String line(Random r, boolean exception) {
        StringBuilder sb = new StringBuilder();
        if (exception) {
            sb.append(r.nextInt(4) == 0 ? "! " : "!");
        }
        switch (r.nextInt(12)) {
            case 0 -> sb.append('/');
            case 1 -> sb.append("./");
            case 2 -> sb.append(' ');
            case 3 -> sb.append("# ");
            default -> {
            }
        }
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0 && r.nextInt(3) == 0) {
                sb.append('/');
            }
            sb.append(TOKENS[r.nextInt(TOKENS.length)]);
        }
        if (r.nextInt(8) == 0) {
            sb.append(r.nextBoolean() ? "/" : " ");
        }
        return sb.toString();
    }

    private static List<String> paths(Random r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int depth = 1 + r.nextInt(3);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < depth; k++) {
                if (k > 0) {
                    sb.append('/');
                }
                sb.append(SEGMENTS[r.nextInt(SEGMENTS.length)]);
            }
            String p = GoPath.clean(sb.toString());
            if (!p.equals(".") && !p.startsWith("..")) {
                out.add(p);
            }
        }
        return out;
    }

    private static String show(String s) {
        return "'" + s + "'"; // the report escapes control characters
    }
}
