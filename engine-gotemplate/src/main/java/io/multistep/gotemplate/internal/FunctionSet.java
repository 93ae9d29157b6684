package io.multistep.gotemplate.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Which template functions a render offers. By default exactly the reference's: Sprig v2.22.0's
 * {@code genericMap} (functions.go at tag v2.22.0; {@code getHostByName} is not provided) plus
 * Go's built-ins. The functions Multistep adds beyond that (later Sprig versions' {@code dig},
 * {@code fromJson}, {@code must*}, ...) are offered only with the template-extras option.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FunctionSet {

    /** Sprig v2.22.0's function names. */
    static final Set<String> SPRIG_V2_22 = Set.of(
            "abbrev", "abbrevboth", "add", "add1", "adler32sum", "ago", "append", "atoi", "b32dec", "b32enc",
            "b64dec", "b64enc", "base", "biggest", "buildCustomCert", "camelcase", "cat", "ceil", "clean",
            "coalesce", "compact", "concat", "contains", "date", "dateInZone", "dateModify", "date_in_zone",
            "date_modify", "decryptAES", "deepCopy", "deepEqual", "default", "derivePassword", "dict", "dir",
            "div", "empty", "encryptAES", "env", "expandenv", "ext", "fail", "first", "float64", "floor",
            "genCA", "genPrivateKey", "genSelfSignedCert", "genSignedCert", "has", "hasKey", "hasPrefix",
            "hasSuffix", "hello", "htmlDate", "htmlDateInZone", "indent", "initial", "initials", "int",
            "int64", "isAbs", "join", "kebabcase", "keys", "kindIs", "kindOf", "last", "list", "lower", "max",
            "merge", "mergeOverwrite", "min", "mod", "mul", "nindent", "nospace", "now", "omit", "pick",
            "pluck", "plural", "prepend", "quote", "randAlpha", "randAlphaNum", "randAscii", "randNumeric",
            "regexFind", "regexFindAll", "regexMatch", "regexReplaceAll", "regexReplaceAllLiteral",
            "regexSplit", "repeat", "replace", "rest", "reverse", "round", "semver", "semverCompare", "set",
            "sha1sum", "sha256sum", "shuffle", "slice", "snakecase", "sortAlpha", "split", "splitList",
            "splitn", "squote", "sub", "substr", "swapcase", "ternary", "title", "toDate", "toDecimal",
            "toJson", "toPrettyJson", "toString", "toStrings", "trim", "trimAll", "trimPrefix", "trimSuffix",
            "trimall", "trunc", "tuple", "typeIs", "typeIsLike", "typeOf", "uniq", "unixEpoch", "unset",
            "until", "untilStep", "untitle", "upper", "urlJoin", "urlParse", "uuidv4", "values", "without",
            "wrap", "wrapWith");

    private static final Pattern NOT_DEFINED = Pattern.compile("function \"([^\"]+)\" not defined");

    private FunctionSet() {
    }

    /** The functions of {@code all} to offer: the reference's set, or all of them with extras. */
    public static Map<String, GoFunc> select(Map<String, GoFunc> all, boolean extras) {
        if (extras) {
            return all;
        }
        Map<String, GoFunc> m = new HashMap<>();
        all.forEach((k, v) -> {
            if (SPRIG_V2_22.contains(k)) {
                m.put(k, v);
            }
        });
        return Collections.unmodifiableMap(m);
    }

    /** Whether {@code name} is one of Multistep's functions that the reference does not have. */
    public static boolean isExtra(String name, Map<String, GoFunc> all) {
        return all.containsKey(name) && !SPRIG_V2_22.contains(name);
    }

    /**
     * The hint to add to a Go error that names an undefined function available with the
     * template-extras option, or the empty string.
     */
    public static String hint(String goMessage, Map<String, GoFunc> all) {
        Matcher m = NOT_DEFINED.matcher(goMessage);
        if (m.find() && isExtra(m.group(1), all)) {
            return " (Sprig v2.22 has no " + m.group(1) + "; multistep provides it with --template-extras)";
        }
        return "";
    }
}
