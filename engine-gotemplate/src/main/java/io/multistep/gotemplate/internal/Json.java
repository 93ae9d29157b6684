package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import io.multistep.gotemplate.internal.go.GoDates;
import io.multistep.gotemplate.internal.go.GoFmt;
import io.multistep.gotemplate.internal.go.GoStruct;
import io.multistep.gotemplate.internal.go.GoTime;
import io.multistep.gotemplate.internal.go.GoValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** Go {@code encoding/json} compatible writer (sorted keys, HTML escaping) and a small reader. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Json {

    private Json() {
    }

    /** Compact JSON as Go's {@code json.Marshal}; {@code escapeHtml} as the Encoder default. */
    public static String write(Object v, boolean escapeHtml) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, escapeHtml, null, "");
        return sb.toString();
    }

    /** Indented JSON as Go's {@code json.MarshalIndent(v, "", indent)}. */
    public static String writeIndent(Object v, String indent) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, true, indent, "");
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, boolean esc, String indent, String cur) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s, esc);
        } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer
                || v instanceof java.math.BigInteger) {
            sb.append(v);
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new FuncError("json: unsupported value: " + GoFmt.formatFloat(d, 'g', -1));
            }
            sb.append(floatString(d));
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            String next = indent == null ? null : cur + indent;
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                if (indent != null) {
                    sb.append('\n').append(next);
                }
                write(sb, l.get(i), esc, indent, next);
            }
            if (indent != null) {
                sb.append('\n').append(cur);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            String next = indent == null ? null : cur + indent;
            boolean first = true;
            for (Map.Entry<?, ?> e : GoValues.sortedEntries(m)) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                if (indent != null) {
                    sb.append('\n').append(next);
                }
                string(sb, String.valueOf(e.getKey()), esc);
                sb.append(indent != null ? ": " : ":");
                write(sb, e.getValue(), esc, indent, next);
            }
            if (indent != null) {
                sb.append('\n').append(cur);
            }
            sb.append('}');
        } else if (v instanceof GoStruct st) {
            // encoding/json writes a struct's exported fields (the ones of our structs are in name order)
            Map<String, Object> exported = new java.util.LinkedHashMap<>();
            for (int i = 0; i < st.fieldNames().size(); i++) {
                String name = st.fieldNames().get(i);
                if (Character.isUpperCase(name.charAt(0))) {
                    exported.put(name, st.fieldValues().get(i));
                }
            }
            write(sb, exported, esc, indent, cur);
        } else if (v instanceof GoTime t) {
            string(sb, GoDates.format(t.time(), "2006-01-02T15:04:05.999999999Z07:00"), esc);
        } else {
            string(sb, String.valueOf(v), esc);
        }
    }

    /** Go encoding/json float formatting. */
    static String floatString(double f) {
        double abs = Math.abs(f);
        char fmt = 'f';
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            fmt = 'e';
        }
        String s = GoFmt.formatFloat(f, fmt, -1);
        if (fmt == 'e') {
            int n = s.length();
            if (n >= 4 && s.charAt(n - 4) == 'e' && s.charAt(n - 3) == '-' && s.charAt(n - 2) == '0') {
                s = s.substring(0, n - 2) + s.substring(n - 1);
            }
        }
        return s;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void string(StringBuilder sb, String s, boolean esc) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20 || (esc && (c == '<' || c == '>' || c == '&')) || c == '\u2028' || c == '\u2029') {
                        sb.append("\\u00").append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                        if (c >= 0x100) {
                            sb.setLength(sb.length() - 6);
                            sb.append("\\u").append(String.format("%04x", (int) c));
                        }
                    } else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                            && Character.isHighSurrogate(s.charAt(i - 1)))) {
                        sb.append("\\ufffd");
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    // ------------------------------------------------------------------ reader

    /** Parses JSON as Go's {@code json.Unmarshal} into interface{} (numbers are float64). */
    public static Object read(String s) {
        Json.Reader r = new Json.Reader(s);
        r.ws();
        Object v = r.value(0);
        r.ws();
        if (r.i != s.length()) {
            throw new FuncError("invalid character " + GoFmt.quote(String.valueOf(s.charAt(r.i)))
                    .replace('"', '\'') + " after top-level value");
        }
        return v;
    }

    private static final class Reader {
        final String s;
        int i;

        Reader(String s) {
            this.s = s;
        }

        void ws() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        FuncError err() {
            if (i >= s.length()) {
                return new FuncError("unexpected end of JSON input");
            }
            return new FuncError("invalid character '" + s.charAt(i) + "' looking for beginning of value");
        }

        Object value(int depth) {
            if (depth > 10000) {
                throw new FuncError("exceeded max depth");
            }
            if (i >= s.length()) {
                throw err();
            }
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                ws();
                if (i < s.length() && s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    ws();
                    if (i >= s.length() || s.charAt(i) != '"') {
                        throw err();
                    }
                    String k = str();
                    ws();
                    if (i >= s.length() || s.charAt(i) != ':') {
                        throw err();
                    }
                    i++;
                    ws();
                    m.put(k, value(depth + 1));
                    ws();
                    if (i < s.length() && s.charAt(i) == ',') {
                        i++;
                        continue;
                    }
                    if (i < s.length() && s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    throw err();
                }
            }
            if (c == '[') {
                i++;
                List<Object> l = new ArrayList<>();
                ws();
                if (i < s.length() && s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    ws();
                    l.add(value(depth + 1));
                    ws();
                    if (i < s.length() && s.charAt(i) == ',') {
                        i++;
                        continue;
                    }
                    if (i < s.length() && s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    throw err();
                }
            }
            if (c == '"') {
                return str();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            int st = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (st == i) {
                throw err();
            }
            try {
                return Double.parseDouble(s.substring(st, i));
            } catch (NumberFormatException e) {
                i = st;
                throw err();
            }
        }

        String str() {
            i++;
            StringBuilder sb = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\' && i < s.length()) {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n': sb.append('\n'); break;
                        case 't': sb.append('\t'); break;
                        case 'r': sb.append('\r'); break;
                        case 'b': sb.append('\b'); break;
                        case 'f': sb.append('\f'); break;
                        case 'u': sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                        default: sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            throw new FuncError("unexpected end of JSON input");
        }
    }
}
