package io.multistep.runner;

import java.util.List;
import java.util.Random;

/** Random task files for {@link NoJavaErrorReachesTheUserTest}: every choice comes from the given {@link Random}. */
final class Generators {

    private Generators() {}

    private static final String VERBS = "bcdoOqxXUeEfFgGsvtTpw%!zé";
    private static final String FLAGS = "+-# 0";

    private static final List<String> ARGS = List.of("1", "-1", "-97", "0", "97", "3.5", "-2.25", "1e300", "-0.0",
            "1e-300", "\"str\"", "\"é€𝄞\"", "\"\"", "true", "false", "nil", "(list 1 2)", "(list)", "(dict \"a\" 1)",
            "(dict)", ".Values.v", ".Values.missing", ".Run.ID", ".Run", ".Values", ".", "(int64 -5)", "(float64 1)",
            "(toString 3)", "(atoi \"12\")", "9223372036854775807", "-9223372036854775808", "18446744073709551615",
            "'a'", "'\\n'", "0x1F", "0b101", "0o17", "1_000", "1i", "(semver \"1.2.3\")", "(now)", "(b64enc \"x\")",
            "(seq 3)", "(until 2)", "(splitList \",\" \"a,b\")", ".Secrets.tok", ".Secrets", "$", "(tuple 1 \"a\")",
            "\"%d\"", "\"2006-01-02\"", "(toDate \"2006-01-02\" \"2024-01-02\")", "(duration 90)", "(regexFind \"a\" \"b\")",
            "-1.5e9", "65535", "1114112", "-2147483649", "\"\\u00e9\"", "`raw`", "(index (list 1) 0)");

    private static final List<String> FUNCS = List.of("upper", "lower", "title", "trunc", "substr", "repeat", "indent",
            "nindent", "replace", "split", "splitList", "splitn", "join", "until", "untilStep", "seq", "add", "sub", "mul",
            "div", "mod", "max", "min", "maxf", "minf", "floor", "ceil", "round", "toJson", "toPrettyJson", "toRawJson",
            "fromJson", "b64dec", "b64enc", "b32dec", "quote", "squote", "default", "empty", "coalesce", "ternary",
            "first", "last", "rest", "initial", "reverse", "uniq", "sortAlpha", "hasKey", "pluck", "keys", "values",
            "get", "set", "unset", "dict", "list", "append", "prepend", "concat", "slice", "index", "len", "eq", "ne",
            "lt", "le", "gt", "ge", "and", "or", "not", "regexMatch", "regexFind", "regexFindAll", "regexReplaceAll",
            "regexSplit", "date", "dateInZone", "toDate", "ago", "duration", "durationRound", "dateModify", "int",
            "int64", "float64", "toString", "toStrings", "atoi", "semver", "semverCompare", "wrap", "wrapWith",
            "abbrev", "abbrevboth", "untitle", "camelcase", "snakecase", "kebabcase", "swapcase", "initials", "cat",
            "trim", "trimAll", "trimPrefix", "trimSuffix", "contains", "hasPrefix", "plural", "sha256sum",
            "adler32sum", "typeOf", "kindOf", "kindIs", "typeIs", "deepEqual", "dig", "chunk", "base", "dir", "ext",
            "clean", "isAbs", "print", "println", "printf", "html", "js", "urlquery", "call", "pick", "omit",
            "deepCopy", "toDecimal", "unixEpoch", "htmlDate", "tuple", "all", "any", "compact", "has", "without",
            "add1", "add1f", "addf", "subf", "mulf", "divf", "nospace", "shuffle", "required", "fail", "env",
            "expandenv", "urlParse", "urlJoin", "regexQuoteMeta", "mustRegexMatch", "mustFirst", "mustToJson");

    /** A v1.1.0 task whose step runs a random template expression (or a few). */
    static String template(Random r) {
        StringBuilder b = new StringBuilder("version: v1.1.0\n");
        if (r.nextInt(4) == 0) {
            b.append("secrets:\n  - id: tok\n    keyvault: https://example.vault.azure.net/secrets/tok\n");
        }
        b.append("steps:\n  - cmd: bash echo ");
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            b.append("{{ ").append(r.nextBoolean() ? printf(r) : call(r, 0)).append(" }}");
            if (r.nextInt(6) == 0) {
                b.append(' ');
            }
        }
        b.append('\n');
        return b.toString();
    }

    private static String printf(Random r) {
        StringBuilder f = new StringBuilder();
        int directives = 1 + r.nextInt(3);
        for (int i = 0; i < directives; i++) {
            if (r.nextInt(3) == 0) {
                f.append("x");
            }
            f.append('%');
            int flags = r.nextInt(3);
            for (int k = 0; k < flags; k++) {
                f.append(FLAGS.charAt(r.nextInt(FLAGS.length())));
            }
            if (r.nextInt(8) == 0) {
                f.append('[').append(r.nextInt(4)).append(']');
            }
            switch (r.nextInt(4)) {
                case 0 -> f.append(r.nextInt(25));
                case 1 -> f.append('*');
                default -> { }
            }
            switch (r.nextInt(4)) {
                case 0 -> f.append('.').append(r.nextInt(12));
                case 1 -> f.append(".*");
                case 2 -> f.append('.');
                default -> { }
            }
            if (r.nextInt(10) == 0) {
                f.append('[').append(r.nextInt(4)).append(']');
            }
            f.append(VERBS.charAt(r.nextInt(VERBS.length())));
        }
        StringBuilder b = new StringBuilder("printf \"").append(f).append('"');
        int args = r.nextInt(4);
        for (int i = 0; i < args; i++) {
            b.append(' ').append(arg(r, 1));
        }
        return b.toString();
    }

    private static String arg(Random r, int depth) {
        if (depth < 2 && r.nextInt(6) == 0) {
            return "(" + call(r, depth + 1) + ")";
        }
        return ARGS.get(r.nextInt(ARGS.size()));
    }

    /** Most functions take one or two arguments: choose those most often, so that calls get past the arity check. */
    private static final int[] ARITY = {0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3};

    private static String call(Random r, int depth) {
        String fn = FUNCS.get(r.nextInt(FUNCS.size()));
        StringBuilder b = new StringBuilder();
        if (r.nextInt(4) == 0) {
            b.append(arg(r, depth)).append(" | ");
        }
        b.append(fn);
        int args = ARITY[r.nextInt(ARITY.length)];
        for (int i = 0; i < args; i++) {
            b.append(' ').append(arg(r, depth));
        }
        return b.toString();
    }

    private static final List<String> BASES = List.of("""
            version: v1.1.0
            alias:
              values:
                repo: team/web
                greeting: "hello"
              directive: '#'
            secrets:
              - id: tok
                keyvault: https://example.vault.azure.net/secrets/tok
            volumes:
              - name: vol
                secret:
                  a.txt: aGk=
            networks:
              - name: net
                driver: bridge
            stepTimeout: 600
            workingDirectory: /src
            env: [A=1, B=2]
            steps:
              - id: build
                build: -t #Registry/#repo:#ID -f Dockerfile . --build-arg x={{.Values.v}}
                when: ["-"]
                timeout: 60
                retries: 2
                retryDelay: 3
              - id: run
                cmd: bash echo #greeting {{.Secrets.tok}}
                entryPoint: sh
                env:
                  - C=3
                volumeMounts:
                  - name: vol
                    mountPath: /v
                network: net
                detach: true
                keep: false
                ports: ["8080:80"]
                expose: ["80"]
                repeat: 2
                when: [build]
              - id: push
                push:
                  - #Registry/#repo:#ID
                when: [run]
            """, """
            version: v1.0.0
            steps:
              - build: -t {{.Run.Registry}}/app:{{.Run.ID}} .
              - cmd: {{.Run.Registry}}/app:{{.Run.ID}} echo {{ printf "%05d" 42 }}
                isolation: default
                user: root
                privileged: true
                disableWorkingDirectoryOverride: true
                ignoreErrors: true
                startDelay: 1
                downloadRetries: 1
                downloadRetryDelay: 1
              - push: ["{{.Run.Registry}}/app:{{.Run.ID}}"]
            """, """
            version: v1.1.0
            alias:
              values:
                img: busybox
            steps:
              - cmd: $img echo $ID $Registry $$ {{ .Values.v | default "x" }}
                id: a
              - cmd: bash -c 'echo "{{ range $i, $e := until 3 }}{{$i}}{{end}}"'
                when: [a]
            """);

    private static final List<String> SNIPPETS = List.of("[]", "{}", "null", "~", "-1", "1e999", "\"x\"", "'", "\"",
            "!!binary aGk=", "*a", "&a x", "? x", "!!int x", "0x", ".inf", "|", ">-", "<<: *a", "- ", ": ", "\t", "{{",
            "}}", "{{end}}", "{{ .Values.v }}", "#", "%", "@", "`", "!", "!!map", "!!seq", "[1, 2", "{a: b", "- - -",
            "...", "---", "\\", "\u0000", "\uFEFF", "\r", "é", "$", "$$", "#{", "{{/*", "*/}}", "{{- -}}", "key: [",
            "when: [x]", "id: run", "timeout: -5", "retries: 99999999999", "ports: 5", "env: {a: b}", "alias:",
            "  - x", "    y: z", "version: v9", "version: [v1]", "steps: 5", "steps: [[]]", "push: {}", "build:",
            "cmd:", "secret: x", "directive: ab", "src: 5", "values: [1]", "2024-01-02", "0o17", "1_000", "yes",
            "no", "on", "=", "<<", "&", "*", "!tag", "%YAML 1.1", "%TAG ! x", "'a''b'", "\"\\x\"", "\"\\u12\"");

    /** A valid task file with a few random edits: characters, lines and values swapped, cut or inserted. */
    static String mutatedTask(Random r) {
        String text = BASES.get(r.nextInt(BASES.size()));
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits; i++) {
            List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
            int at = r.nextInt(lines.size());
            String line = lines.get(at);
            switch (r.nextInt(8)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> lines.set(at, " ".repeat(r.nextInt(5)) + line.strip());
                case 3 -> {
                    int colon = line.indexOf(": ");
                    String snippet = SNIPPETS.get(r.nextInt(SNIPPETS.size()));
                    lines.set(at, colon < 0 ? line + snippet : line.substring(0, colon + 2) + snippet);
                }
                case 4 -> {
                    int pos = line.isEmpty() ? 0 : r.nextInt(line.length() + 1);
                    lines.set(at, line.substring(0, pos) + SNIPPETS.get(r.nextInt(SNIPPETS.size())) + line.substring(pos));
                }
                case 5 -> {
                    if (!line.isEmpty()) {
                        int pos = r.nextInt(line.length());
                        lines.set(at, line.substring(0, pos) + line.substring(pos + 1));
                    }
                }
                case 6 -> lines.add(at, " ".repeat(r.nextInt(7)) + SNIPPETS.get(r.nextInt(SNIPPETS.size())));
                default -> {
                    int other = r.nextInt(lines.size());
                    lines.set(at, lines.get(other));
                    lines.set(other, line);
                }
            }
            text = String.join("\n", lines);
        }
        return text;
    }

    /** Random bytes, sometimes behind a valid start (so that the bytes reach the YAML parser and the templates). */
    static byte[] bytes(Random r) {
        byte[] noise = new byte[r.nextInt(200)];
        r.nextBytes(noise);
        if (r.nextBoolean()) {
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (byte) (32 + Math.floorMod(noise[i], 95)); // printable ASCII: YAML and template syntax
            }
        }
        byte[] head = (r.nextBoolean() ? "version: v1.1.0\nsteps:\n  - cmd: bash echo " : "").getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + noise.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(noise, 0, out, head.length, noise.length);
        return out;
    }
}
