package io.multistep.gotemplate.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Sprig's {@code TxtFuncMap()} (v2.22 semantics, plus the later additions that exist in the
 * function map), with acb's {@code b64enc} override: the one registry that assembles the groups
 * (one class per Sprig source file: {@link SprigStrings}, {@link SprigRegex}, {@link SprigLists},
 * {@link SprigDicts}, {@link SprigMath}, {@link SprigDefaults}, {@link SprigDates},
 * {@link SprigOsAndEncoding}, {@link SprigCrypto}). {@code getHostByName} is not provided.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Sprig {

    /**
     * What the environment-dependent functions may see.
     *
     * @param clock source of {@code now}
     * @param zone zone Go's {@code time.Local} stands for
     * @param env environment for env/expandenv, or null when those are switched off
     * @param maxListSize bound for until/untilStep/seq/repeat results
     */
    public record Context(Clock clock, ZoneId zone, Map<String, String> env, long maxListSize) {
    }

    private Sprig() {
    }

    /** Builds the function map. */
    public static Map<String, GoFunc> funcs(Context ctx) {
        Map<String, GoFunc> m = new HashMap<>();
        // The order of the groups is kept: a later definition of a name replaces an earlier one.
        for (SprigGroup g : List.of(new SprigStrings(m, ctx), new SprigRegex(m, ctx), new SprigLists(m, ctx),
                new SprigDicts(m, ctx), new SprigMath(m, ctx), new SprigDefaults(m, ctx),
                new SprigDates(m, ctx), new SprigOsAndEncoding(m, ctx))) {
            g.register();
        }
        SprigCrypto.addTo(m);
        return Collections.unmodifiableMap(m);
    }
}
