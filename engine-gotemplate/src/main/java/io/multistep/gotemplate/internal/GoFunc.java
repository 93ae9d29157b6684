package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import org.apiguardian.api.API;

/**
 * A template function with a Go-like signature: the executor converts and checks arguments
 * against {@link #params()} (and {@link #variadic()}) exactly where Go's reflection would.
 *
 * @param name function name (for error texts)
 * @param params fixed parameter kinds
 * @param variadic kind of the variadic tail, or null
 * @param body the implementation; receives fixed then variadic arguments
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record GoFunc(String name, P[] params, P variadic, Body body) {

    /** Parameter kinds, named after the Go types they stand for. */
    public enum P {
        /** interface{}. */
        ANY("interface {}"),
        /** string. */
        STRING("string"),
        /** int. */
        INT("int"),
        /** float64. */
        FLOAT64("float64"),
        /** bool. */
        BOOL("bool"),
        /** map[string]interface{}. */
        MAP("map[string]interface {}"),
        /** time.Time. */
        TIME("time.Time");

        private final String goType;

        P(String goType) {
            this.goType = goType;
        }

        /** The Go type name. */
        public String goType() {
            return goType;
        }
    }

    /** Implementation. */
    @FunctionalInterface
    public interface Body {
        /** Calls the function; throws {@link FuncError} for Go errors. */
        Object call(Object[] args);
    }

    /** Fixed-arity function. */
    public static GoFunc of(String name, Body body, P... params) {
        return new GoFunc(name, params, null, body);
    }

    /** Variadic function: the last kind is the variadic element kind. */
    public static GoFunc var(String name, Body body, P... params) {
        P[] fixed = java.util.Arrays.copyOf(params, params.length - 1);
        return new GoFunc(name, fixed, params[params.length - 1], body);
    }
}
