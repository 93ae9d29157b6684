package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import io.multistep.gotemplate.internal.go.GoStringer;
import io.multistep.gotemplate.internal.go.GoStruct;
import io.multistep.gotemplate.internal.go.GoValues;
import static io.multistep.gotemplate.internal.GoFunc.P.ANY;
import static io.multistep.gotemplate.internal.GoFunc.P.STRING;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Masterminds/semver v1.5.0's {@code Version} as templates see it: {@code semver} returns a
 * {@link Pointer} ({@code *semver.Version}: prints through {@code String()}, has every method);
 * {@code IncPatch}, {@code SetPrerelease}, ... return a {@link Struct} ({@code semver.Version}, a
 * struct value: prints as {@code {1 3 4   v1.3.4}} and has only the value-receiver methods).
 */
final class SemverValue {

    private static final Pattern VALID_PRERELEASE = Pattern.compile("^([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*)$");

    private SemverValue() {
    }

    /** {@code *semver.Version}. */
    static final class Pointer implements GoStringer, GoMethods {
        private final Semver v;

        Pointer(Semver v) {
            this.v = v;
        }

        Semver version() {
            return v;
        }

        @Override
        public String goString() {
            return v.text();
        }

        @Override
        public String goType() {
            return "*semver.Version";
        }

        @Override
        public GoFunc method(String name) {
            switch (name) {
                case "String": return GoFunc.of(name, a -> v.text());
                case "Original": return GoFunc.of(name, a -> v.original());
                case "Major": return GoFunc.of(name, a -> v.major());
                case "Minor": return GoFunc.of(name, a -> v.minor());
                case "Patch": return GoFunc.of(name, a -> v.patch());
                case "Prerelease": return GoFunc.of(name, a -> v.pre());
                case "Metadata": return GoFunc.of(name, a -> v.meta());
                case "Compare": return GoFunc.of(name, a -> (long) v.compareTo(other(name, a[0])), ANY);
                case "LessThan": return GoFunc.of(name, a -> v.compareTo(other(name, a[0])) < 0, ANY);
                case "GreaterThan": return GoFunc.of(name, a -> v.compareTo(other(name, a[0])) > 0, ANY);
                case "Equal": return GoFunc.of(name, a -> v.compareTo(other(name, a[0])) == 0, ANY);
                default: return valueMethod(v, name);
            }
        }

        @Override
        public String toString() {
            return v.text();
        }
    }

    /** {@code semver.Version}: a struct value. */
    static final class Struct implements GoStruct, GoMethods {
        private final Semver v;

        Struct(Semver v) {
            this.v = v;
        }

        @Override
        public String goType() {
            return "semver.Version";
        }

        @Override
        public List<String> fieldNames() {
            return List.of("major", "minor", "patch", "pre", "metadata", "original");
        }

        @Override
        public List<Object> fieldValues() {
            return List.of(v.major(), v.minor(), v.patch(), v.pre(), v.meta(), v.original());
        }

        @Override
        public GoFunc method(String name) {
            return valueMethod(v, name);
        }
    }

    private static Semver other(String method, Object o) {
        if (o instanceof Pointer p) {
            return p.version();
        }
        // Go's reflection rejects the argument before the call.
        throw new FuncError("wrong type for value; expected *semver.Version; got " + GoValues.typeName(o)
                + " (argument of " + method + ")");
    }

    /** The methods with a value receiver, which both forms have. */
    private static GoFunc valueMethod(Semver v, String name) {
        switch (name) {
            case "IncPatch": return GoFunc.of(name, a -> new Struct(v.pre().isEmpty()
                    ? next(v, v.major(), v.minor(), v.patch() + 1, "", "") : next(v, v.major(), v.minor(), v.patch(), "", "")));
            case "IncMinor": return GoFunc.of(name, a -> new Struct(next(v, v.major(), v.minor() + 1, 0, "", "")));
            case "IncMajor": return GoFunc.of(name, a -> new Struct(next(v, v.major() + 1, 0, 0, "", "")));
            case "SetPrerelease": return GoFunc.of(name, a -> {
                String p = (String) a[0];
                if (!p.isEmpty() && !VALID_PRERELEASE.matcher(p).matches()) {
                    throw new FuncError("Invalid Prerelease string");
                }
                return new Struct(next(v, v.major(), v.minor(), v.patch(), p, v.meta()));
            }, STRING);
            case "SetMetadata": return GoFunc.of(name, a -> {
                String m = (String) a[0];
                if (!m.isEmpty() && !VALID_PRERELEASE.matcher(m).matches()) {
                    throw new FuncError("Invalid Metadata string");
                }
                return new Struct(next(v, v.major(), v.minor(), v.patch(), v.pre(), m));
            }, STRING);
            default: return null;
        }
    }

    // vNext.original = v.originalVPrefix() + vNext.String()
    private static Semver next(Semver v, long major, long minor, long patch, String pre, String meta) {
        Semver n = new Semver(major, minor, patch, pre, meta, "");
        String prefix = v.original().startsWith("v") ? "v" : "";
        return new Semver(major, minor, patch, pre, meta, prefix + n.text());
    }
}
