package io.multistep.gotemplate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded templates built from Go's builtins, literals of every kind, fields of the test data,
 * variables, pipelines and the control actions, plus malformed ones; each with a category that
 * says what it exercises (the differential report counts per category).
 */
final class TemplateGen {

    /** One generated template. */
    record Case(String category, String text) {
    }

    static final String[][] FIXED = {
        {"fixed", "{{index .L 10}}"}, {"fixed", "{{index .M \"a\"}}"}, {"fixed", "{{index .S 1}}"},
        {"fixed", "{{slice .S 1 3}}"}, {"fixed", "{{slice .L 1}}"}, {"fixed", "{{slice .S 3 1}}"},
        {"fixed", "{{len .S}} {{len .L}} {{len .M}}"}, {"fixed", "{{len 3}}"}, {"fixed", "{{html .H}}"},
        {"fixed", "{{js .H}}"}, {"fixed", "{{urlquery .U}}"}, {"fixed", "{{print 1 2 \"a\" \"b\" 3}}"},
        {"fixed", "{{println 1 \"a\"}}"}, {"fixed", "{{printf \"%d|%5.2f|%q|%v\" .I .F .S .L}}"},
        {"fixed", "{{printf \"%d %d\" 1}}"}, {"fixed", "{{printf \"%d\" 1 2}}"}, {"fixed", "{{printf \"%z\" 1}}"},
        {"fixed", "{{eq 1 1}} {{eq .I 3}} {{eq .S \"hello\"}} {{eq 1 2 3 1}}"}, {"fixed", "{{eq .F 1.5}}"},
        {"fixed", "{{lt 1 2}} {{lt \"a\" \"b\"}} {{lt 1.5 2.5}}"}, {"fixed", "{{lt 1 \"a\"}}"}, {"fixed", "{{lt .L .L}}"},
        {"fixed", "{{and 1 0 2}} {{or 0 \"\" 3}} {{not 0}}"}, {"fixed", "{{call .S}}"}, {"fixed", "{{call nil}}"},
        {"fixed", "{{.M.a}} {{.M.zz}} {{.Missing}} {{.Nil}}"}, {"fixed", "{{.Nil.x}}"}, {"fixed", "{{.S.x}}"},
        {"fixed", "{{range .L}}[{{.}}]{{end}}"}, {"fixed", "{{range $i, $e := .LS}}{{$i}}={{$e}};{{end}}"},
        {"fixed", "{{range .M}}{{.}},{{end}}"}, {"fixed", "{{range $k, $v := .M}}{{$k}}:{{$v}};{{end}}"},
        {"fixed", "{{range .I}}{{.}}{{end}}"}, {"fixed", "{{range .LE}}x{{else}}empty{{end}}"},
        {"fixed", "{{range .S}}{{.}}{{end}}"}, {"fixed", "{{with .E}}x{{else}}none{{end}}"},
        {"fixed", "{{if .B}}yes{{else if .I}}i{{else}}no{{end}}"}, {"fixed", "{{$x := 1}}{{$x = 2}}{{$x}}"},
        {"fixed", "{{$x}}"}, {"fixed", "{{foo}}"}, {"fixed", "{{.S | printf \"%s!\"}}"}, {"fixed", "{{1 | 2}}"},
        {"fixed", "{{end}}"}, {"fixed", "{{if}}x{{end}}"}, {"fixed", "{{if 1}}x"}, {"fixed", "{{\"abc}}"},
        {"fixed", "{{0x}}"}, {"fixed", "{{1e}}"}, {"fixed", "{{'ab'}}"}, {"fixed", "{{(1}}"}, {"fixed", "{{)}}"},
        {"fixed", "{{define \"x\"}}X{{.}}{{end}}{{template \"x\" 1}}"}, {"fixed", "{{template \"nope\"}}"},
        {"fixed", "{{block \"b\" .I}}b{{.}}{{end}}"}, {"fixed", "a {{- 1 -}} b"}, {"fixed", "{{/* c */}}x"},
        {"fixed", "{{1i}}"}, {"fixed", "{{0x1p4}}"}, {"fixed", "{{1_000}}"}, {"fixed", "{{0b101}} {{0o17}} {{017}}"},
        {"fixed", "{{'\\n'}} {{'\\x41'}} {{'é'}}"}, {"fixed", "{{\"\\u00e9\\t\"}}"}, {"fixed", "{{`raw\\n`}}"},
        {"fixed", "{{nil}}"}, {"fixed", "{{print nil}}"}, {"fixed", "{{index nil 1}}"}, {"fixed", "{{len nil}}"},
        {"fixed", "{{not}}"}, {"fixed", "{{and}}"}, {"fixed", "{{index}}"}, {"fixed", "{{slice}}"},
        {"fixed", "{{html}} {{js}} {{urlquery}} {{print}}"}, {"fixed", "{{eq}}"}, {"fixed", "{{eq 1}}"},
        {"fixed", "{{.I.x}}"}, {"fixed", "{{$.S}}"}, {"fixed", "{{.}}"}, {"fixed", "{{9223372036854775808}}"},
        {"fixed", "{{-9223372036854775808}}"}, {"fixed", "{{1e400}}"}, {"fixed", "{{printf \"%T %T %T\" .I .F .L}}"},
        {"fixed", "{{index .L -1}}"}, {"fixed", "{{index .L 1.5}}"}, {"fixed", "{{index .L \"a\"}}"},
        {"fixed", "{{index .M 1}}"}, {"fixed", "{{slice .L 1 2 3}}"}, {"fixed", "{{slice .S 1 2 3}}"},
        {"fixed", "{{range $i, $e := .I}}{{end}}"}, {"fixed", "{{range $a, $b, $c := .L}}{{end}}"},
        {"fixed", "{{with $x := .S}}{{$x}}{{end}}{{$x}}"},
    };

    private static final String[] BUILTINS = {
        "and", "or", "not", "len", "index", "slice", "print", "printf", "println", "eq", "ne", "lt", "le", "gt",
        "ge", "html", "js", "urlquery", "call",
    };

    private static final String[] LITERALS = {
        "0", "1", "-2", "3", "42", "0x1F", "0o17", "017", "0b11", "1_000", "1.5", "-0.5", "2.0", "1e3", "1E-2", ".5",
        "'a'", "'\\n'", "'é'", "\"\"", "\"str\"", "\"a\\tb\"", "\"<&>\"", "`raw`", "true", "false", "nil", "+1",
        "0x10", "9999999999", "1i",
    };

    private static final String[] FIELDS = {
        ".", ".S", ".E", ".I", ".Z", ".N", ".Big", ".F", ".G", ".B", ".F0", ".Nil", ".L", ".LE", ".LS", ".M", ".ME",
        ".H", ".U", ".M.a", ".M.b", ".M.c", ".M.d", ".M.zz", ".Missing", "$", "$.S", "$.L", ".Nil.x", ".S.x",
    };

    private static final String[] FORMATS = {
        "%d", "%s", "%v", "%q", "%x", "%X", "%5.2f", "%-4d|", "%t", "%c", "%U", "%e", "%g", "%o", "%b", "%08.3f",
        "%+d", "%#v", "%T", "%%", "%6s|", "%-6s|", "%.1s", "%d %d", "%v %v %v", "%z", "%!", "%*d", "%[1]v", "%.0f",
    };

    private final Random r;
    private final List<String> vars = new ArrayList<>();

    TemplateGen(Random r) {
        this.r = r;
    }

    Case next() {
        vars.clear();
        switch (r.nextInt(14)) {
            case 0:
                return new Case("literal", "{{" + pick(LITERALS) + "}}");
            case 1:
                return new Case("field", "{{" + pick(FIELDS) + "}}");
            case 2:
            case 3:
            case 4: {
                String f = pick(BUILTINS);
                return new Case("builtin-" + f, "{{" + call(f, 0) + "}}");
            }
            case 5:
                return new Case("pipeline", "{{" + operand(1) + " | " + call(pick(BUILTINS), 1) + "}}");
            case 6:
                return new Case("printf", "{{printf " + quote(pick(FORMATS) + (r.nextBoolean() ? "" : pick(FORMATS)))
                        + args(1, 3) + "}}");
            case 7:
                return new Case("if", "{{if " + pipeline(1) + "}}T{{"
                        + (r.nextBoolean() ? "else if " + pipeline(1) : "else") + "}}E{{end}}");
            case 8:
                return new Case("range", r.nextBoolean()
                        ? "{{range " + pipeline(1) + "}}[{{.}}]{{else}}none{{end}}"
                        : "{{range $i, $e := " + pipeline(1) + "}}{{$i}}={{$e}};{{end}}");
            case 9:
                return new Case("with", "{{with " + pipeline(1) + "}}[{{.}}]{{else}}none{{end}}");
            case 10: {
                String first = "{{$x := " + pipeline(1) + "}}";
                vars.add("$x");
                return new Case("variable", first + "{{" + pipeline(1) + "}}"
                        + (r.nextBoolean() ? "{{$x = " + pipeline(1) + "}}{{$x}}" : ""));
            }
            case 11:
                return new Case("trim-comment", (r.nextBoolean() ? "a " : "a\n") + "{{" + (r.nextBoolean() ? "- " : "")
                        + operand(1) + (r.nextBoolean() ? " -" : "") + "}}" + (r.nextBoolean() ? " b" : "\nb")
                        + (r.nextBoolean() ? "{{/* c */}}" : "{{- /* c */ -}} c"));
            case 12:
                return new Case("nested", "{{" + pipeline(0) + "}}");
            default:
                return new Case("malformed", malformed());
        }
    }

    private String malformed() {
        String good = "{{" + pipeline(1) + "}}";
        int cut = 1 + r.nextInt(good.length() - 1);
        return switch (r.nextInt(6)) {
            case 0 -> good.substring(0, cut);
            case 1 -> good.substring(cut);
            case 2 -> good.substring(0, cut)
                    + pick(new String[] {"(", ")", "|", "\"", "'", "$", "{{", "}}", " := ", ",", "@"}) + good.substring(cut);
            case 3 -> "{{if " + pipeline(1) + "}}x";
            case 4 -> "{{range " + pipeline(1) + "}}x{{else}}y{{else}}z{{end}}";
            default -> "{{" + pick(new String[] {"end", "else", "define", "template", "block", "break", "continue"}) + "}}";
        };
    }

    private String pipeline(int depth) {
        String p = r.nextInt(3) == 0 ? call(pick(BUILTINS), depth) : operand(depth);
        if (r.nextInt(4) == 0) {
            p += " | " + call(pick(BUILTINS), depth + 1);
        }
        return p;
    }

    private String operand(int depth) {
        int k = r.nextInt(depth >= 2 ? 3 : 5);
        if (k == 0 && !vars.isEmpty()) {
            return pick(vars.toArray(String[]::new));
        }
        if (k <= 1) {
            return pick(LITERALS);
        }
        if (k == 2) {
            return pick(FIELDS);
        }
        return "(" + call(pick(BUILTINS), depth + 1) + ")";
    }

    private String call(String f, int depth) {
        if (f.equals("printf") && r.nextInt(3) > 0) {
            return "printf " + quote(pick(FORMATS)) + args(depth, 2);
        }
        return f + args(depth, f.equals("not") || f.equals("len") || f.equals("html") ? 1 : 3);
    }

    private String args(int depth, int max) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(max + 1);
        if (r.nextInt(4) > 0 && n == 0) {
            n = 1;
        }
        for (int i = 0; i < n; i++) {
            sb.append(' ').append(operand(depth + 1));
        }
        return sb.toString();
    }

    private String pick(String[] a) {
        return a[r.nextInt(a.length)];
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
