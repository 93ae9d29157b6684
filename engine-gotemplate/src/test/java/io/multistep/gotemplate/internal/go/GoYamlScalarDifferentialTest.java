package io.multistep.gotemplate.internal.go;

import io.multistep.gotemplate.internal.go.GoYamlScalar;
import io.multistep.testsupport.go.Differential;
import io.multistep.testsupport.go.GoOracle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link GoYamlScalar#plain} against yaml.v2's own resolver (through the Go oracle), on a few
 * thousand seeded plain scalars of every resolver class. Every case must match.
 */
class GoYamlScalarDifferentialTest {

    private static final long SEED = 20261203L;

    @Test
    void plainScalarsResolveAsYamlV2ResolvesThem() {
        List<String[]> cases = generate(new Random(SEED)); // {category, text}
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", "y" + i);
            m.put("kind", "yaml");
            m.put("text", cases.get(i)[1]);
            requests.add(m);
        }
        List<Map<String, Object>> answers = GoOracle.answer(requests);
        Differential report = new Differential("yaml.v2 plain scalar");
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> a = answers.get(i);
            String go = a.get("tag") + " " + a.get("type") + " " + a.get("value");
            report.compare("y" + i, cases.get(i)[0], "'" + cases.get(i)[1] + "'", go, java(cases.get(i)[1]));
        }
        report.assertConforms();
    }

    /** The Java side's answer in the oracle's words: tag, Go type, value (float as its bits). */
    static String java(String text) {
        GoYamlScalar s = GoYamlScalar.plain(text);
        String type;
        String value;
        switch (s.kind()) {
            case NULL -> {
                type = "<nil>";
                value = "<nil>";
            }
            case BOOL -> {
                type = "bool";
                value = String.valueOf(s.boolValue());
            }
            case INT -> {
                type = "int";
                value = Long.toString(s.longValue());
            }
            case UINT -> {
                type = "uint64";
                value = Long.toUnsignedString(s.longValue());
            }
            case FLOAT -> {
                type = "float64";
                value = Double.isNaN(s.doubleValue()) ? "NaN"
                        : String.format("%016x", Double.doubleToRawLongBits(s.doubleValue()));
            }
            default -> {
                type = "string";
                value = s.text();
            }
        }
        return s.tag() + " " + type + " " + value;
    }

    private static final String[] FIXED = {
        "", "~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "false", "yes", "Yes", "YES", "yEs",
        "no", "No", "NO", "on", "On", "ON", "oN", "off", "Off", "OFF", "y", "Y", "n", "N", "t", "f",
        ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".iNf", "inf", "+inf", "Inf",
        "infinity", "-Infinity", ".nan", ".NaN", ".NAN", ".nAn", "nan", "NaN", "+.nan", "-.nan",
        "1e400", "-1e400", "+1e400", "1E400", "1.5e308", "1.8e308", "1.7976931348623157e308", "1e-400", "-1e-400",
        "4.9e-324", "2e-324", ".1e400", "0x1F", "0X1F", "0x", "0x_1", "-0x1F", "+0x1F", "0o17", "0O17", "0o", "-0o17",
        "017", "08", "09.5", "0b101", "0B101", "-0b101", "0b", "0b2", "0", "-0", "+0", "00", "0.", "-.5", "+.5", ".5",
        "5.", "1_000", "1__0", "_1", "1_", "0x_1F", "1_0.5", "1.5_0", "1e1_0", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
        "18446744073709551616", "0xFFFFFFFFFFFFFFFF", "0x10000000000000000", "-0x8000000000000000",
        "-0x8000000000000001", "0b1111111111111111111111111111111111111111111111111111111111111111",
        "0x1p-2", "0x1.8p1", "1e", "1e+", "e1", "1.2.3", "1,000", "12:30", "12:30:45", "190:20:30", "-12:30",
        "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43.10Z", "2001-12-14 21:59:43.10 -5",
        "2001-12-14 21:59:43.10", "2001-12-15 2:59:43.10", "2002-12-14", "2001-1-2", "2001-13-01", "2001-02-30",
        "2001-12-14T21:59:43Z", "2001-12-14T21:59:43+05:00", "2001-12-14T21:59:43+0500", "2001-12-14T21:59",
        "2001-12-14 ", "20011-12-14", "201-12-14", "2001-12", "2001-12-14T25:00:00Z", "1e0", "1E+2", "-1.5E-3",
        "+12", "-12", "+-12", "--1", "0.0", "-0.0", ".0", "0e0", "<<", "=", "~~", "-", "+", ".", "..", ".e1",
        ".1e", "1..2", "0x1F.5", "1 ", " 1", "1\t", "٣", "１２", "0x１", "١e1",
        "2001-12-14T21:59:43+-1:+2", "2001-12-14  21:59:43.123456789", "2001-12-14 21:59:43.1234567890",
        "2000-02-29", "2001-02-29", "1900-02-29", "2001-001-01", "2001-12-14 21:60:00", "+0XFFFFFFFFFFFFFFFF",
        "._9", ".9_", ".9__7", ".9_7", "1e1_0", ".5e1_0",
    };

    private static List<String[]> generate(Random r) {
        List<String[]> out = new ArrayList<>();
        for (String f : FIXED) {
            out.add(new String[] {"fixed", f});
        }
        String digits = "0123456789";
        String hex = "0123456789abcdefABCDEF";
        for (int i = 0; i < 600; i++) {
            out.add(new String[] {"int-decimal", sign(r) + digitsOf(r, digits, 1 + r.nextInt(21))});
        }
        for (int i = 0; i < 300; i++) {
            String[] prefixes = {"0x", "0X", "0o", "0O", "0b", "0B", "0"};
            String p = prefixes[r.nextInt(prefixes.length)];
            String alphabet = p.equalsIgnoreCase("0x") ? hex : p.equalsIgnoreCase("0b") ? "01" : "01234567";
            if (r.nextInt(8) == 0) {
                alphabet = hex; // digits out of the base
            }
            out.add(new String[] {"int-prefixed", sign(r) + p + digitsOf(r, alphabet, 1 + r.nextInt(p.equalsIgnoreCase("0b") ? 66 : 18))});
        }
        for (int i = 0; i < 300; i++) {
            out.add(new String[] {"int-underscores", sign(r) + withUnderscores(r, digitsOf(r, digits, 1 + r.nextInt(12)))});
        }
        for (int i = 0; i < 600; i++) {
            String mant = switch (r.nextInt(4)) {
                case 0 -> digitsOf(r, digits, 1 + r.nextInt(5)) + "." + digitsOf(r, digits, r.nextInt(5));
                case 1 -> "." + digitsOf(r, digits, 1 + r.nextInt(5));
                case 2 -> digitsOf(r, digits, 1 + r.nextInt(20));
                default -> digitsOf(r, digits, 1 + r.nextInt(3)) + "." + digitsOf(r, digits, 15 + r.nextInt(10));
            };
            String exp = r.nextBoolean() ? "" : (r.nextBoolean() ? "e" : "E") + (r.nextInt(3) == 0 ? "" : r.nextBoolean() ? "-" : "+")
                    + (r.nextInt(4) == 0 ? 300 + r.nextInt(40) : r.nextInt(30));
            String s = sign(r) + mant + exp;
            if (r.nextInt(10) == 0) {
                s = withUnderscores(r, s);
            }
            out.add(new String[] {"float", s});
        }
        for (int i = 0; i < 300; i++) {
            String s = (1900 + r.nextInt(200)) + "-" + (r.nextInt(14)) + "-" + (r.nextInt(33));
            if (r.nextBoolean()) {
                String sep = switch (r.nextInt(4)) {
                    case 0 -> "T";
                    case 1 -> "t";
                    case 2 -> " ";
                    default -> "  ";
                };
                s += sep + r.nextInt(26) + ":" + pad(r.nextInt(61)) + ":" + pad(r.nextInt(61));
                if (r.nextBoolean()) {
                    s += "." + digitsOf(r, digits, r.nextInt(10));
                }
                s += switch (r.nextInt(5)) {
                    case 0 -> "Z";
                    case 1 -> "+" + pad(r.nextInt(15)) + ":00";
                    case 2 -> "-" + r.nextInt(13);
                    case 3 -> " Z";
                    default -> "";
                };
            }
            if (r.nextInt(4) == 0) {
                s = s.replaceFirst("-(\\d)-", "-0$1-");
            }
            out.add(new String[] {"timestamp", s});
        }
        String fuzz = "0123456789+-._eExXoObB:TtZ yYnN~infaINFA";
        for (int i = 0; i < 900; i++) {
            out.add(new String[] {"fuzz", digitsOf(r, fuzz, 1 + r.nextInt(8)).strip()});
        }
        return out;
    }

    private static String sign(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> "-";
            case 1 -> "+";
            default -> "";
        };
    }

    private static String pad(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String digitsOf(Random r, String alphabet, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String withUnderscores(Random r, String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (r.nextInt(4) == 0) {
                sb.append('_');
            }
            sb.append(s.charAt(i));
        }
        return sb.toString();
    }
}
