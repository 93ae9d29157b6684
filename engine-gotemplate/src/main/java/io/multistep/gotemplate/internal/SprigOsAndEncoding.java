package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import io.multistep.gotemplate.internal.go.GoPath;
import static io.multistep.gotemplate.internal.GoFunc.P.ANY;
import static io.multistep.gotemplate.internal.GoFunc.P.STRING;
import static io.multistep.gotemplate.internal.SprigStrings.strval;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Sprig's environment, path, encoding, UUID and semver functions ({@code functions.go}, {@code crypto.go}'s encodings, {@code semver.go}). */
final class SprigOsAndEncoding extends SprigGroup {

    SprigOsAndEncoding(Map<String, GoFunc> m, Sprig.Context ctx) {
        super(m, ctx);
    }

    @Override
    void register() {
        f("env", a -> ctx.env() == null ? "" : ctx.env().getOrDefault(s(a[0]), ""), STRING);
        f("expandenv", a -> ctx.env() == null ? s(a[0]) : expandEnv(s(a[0]), ctx.env()), STRING);
        f("base", a -> GoPath.base(s(a[0])), STRING);
        f("dir", a -> GoPath.dir(s(a[0])), STRING);
        f("clean", a -> GoPath.clean(s(a[0])), STRING);
        f("ext", a -> GoPath.ext(s(a[0])), STRING);
        f("isAbs", a -> s(a[0]).startsWith("/"), STRING);
        f("osBase", a -> GoPath.base(s(a[0])), STRING);
        f("osDir", a -> GoPath.dir(s(a[0])), STRING);
        f("osClean", a -> GoPath.clean(s(a[0])), STRING);
        f("osExt", a -> GoPath.ext(s(a[0])), STRING);
        f("osIsAbs", a -> s(a[0]).startsWith("/"), STRING);
        // acb replaces Sprig's b64enc: nil → "", otherwise base64 of the string form.
        f("b64enc", a -> a[0] == null ? "" : Base64.getEncoder().encodeToString(
                strval(a[0]).getBytes(StandardCharsets.UTF_8)), ANY);
        f("b64dec", a -> {
            try {
                return new String(GoBase.decode64(s(a[0])), StandardCharsets.UTF_8);
            } catch (FuncError e) {
                return e.getMessage();
            }
        }, STRING);
        f("b32enc", a -> GoBase.encode32(s(a[0]).getBytes(StandardCharsets.UTF_8)), STRING);
        f("b32dec", a -> {
            try {
                return new String(GoBase.decode32(s(a[0])), StandardCharsets.UTF_8);
            } catch (FuncError e) {
                return e.getMessage();
            }
        }, STRING);
        f("uuidv4", a -> java.util.UUID.randomUUID().toString());
        f("semver", a -> Semver.parse(s(a[0])).pointer(), STRING);
        f("semverCompare", a -> Semver.compare(s(a[0]), s(a[1])), STRING, STRING);
    }

    /** Go's {@code os.Expand} with the given environment. */
    static String expandEnv(String str, Map<String, String> env) {
        StringBuilder sb = new StringBuilder();
        int k = 0;
        while (k < str.length()) {
            char c = str.charAt(k);
            if (c != '$' || k + 1 >= str.length()) {
                sb.append(c);
                k++;
                continue;
            }
            char nx = str.charAt(k + 1);
            if (nx == '{') {
                int close = str.indexOf('}', k + 2);
                if (close < 0) {
                    // Go: bad syntax, eats "${"
                    k = str.length();
                    continue;
                }
                String name = str.substring(k + 2, close);
                if (name.isEmpty()) {
                    k = close + 1;
                    continue;
                }
                sb.append(env.getOrDefault(name, ""));
                k = close + 1;
            } else if ("*#$@!?-0123456789".indexOf(nx) >= 0) {
                sb.append(env.getOrDefault(String.valueOf(nx), ""));
                k += 2;
            } else {
                int e = k + 1;
                while (e < str.length() && (Character.isLetterOrDigit(str.charAt(e)) || str.charAt(e) == '_')
                        && str.charAt(e) < 0x80) {
                    e++;
                }
                if (e == k + 1) {
                    sb.append('$');
                    k++;
                    continue;
                }
                sb.append(env.getOrDefault(str.substring(k + 1, e), ""));
                k = e;
            }
        }
        return sb.toString();
    }
}
