package io.multistep.gotemplate;

import io.multistep.gotemplate.internal.Interpreter;
import io.multistep.gotemplate.internal.go.FuncError;
import io.multistep.gotemplate.internal.FunctionSet;
import io.multistep.gotemplate.internal.GoError;
import io.multistep.gotemplate.internal.GoFunc;
import io.multistep.gotemplate.internal.Sprig;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A general-purpose Go {@code text/template} with the Sprig functions and
 * {@code missingkey=zero}. Unlike engine-spec's task renderer it does not delete {@code <no value>}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GoTemplate {

    private final Interpreter.Compiled compiled;
    private final TemplateLimits limits;

    private GoTemplate(Interpreter.Compiled compiled, TemplateLimits limits) {
        this.compiled = compiled;
        this.limits = limits;
    }

    /** Parses with the reference's functions only (Sprig v2.22 and Go's built-ins). */
    public static GoTemplate parse(String name, String text) throws TemplateException {
        return parse(name, text, Map.of());
    }

    /**
     * Parses {@code text} as template {@code name}.
     *
     * @param extraFuncs additional functions (override Sprig functions of the same name)
     * @throws TemplateException with Go's parse error text
     */
    public static GoTemplate parse(String name, String text, Map<String, TemplateFunction> extraFuncs)
            throws TemplateException {
        return parse(name, text, extraFuncs, false);
    }

    /**
     * Parses {@code text} as template {@code name}.
     *
     * @param extraFuncs additional functions (override Sprig functions of the same name)
     * @param templateExtras whether Multistep's functions beyond Sprig v2.22 are defined
     * @throws TemplateException with Go's parse error text
     */
    public static GoTemplate parse(String name, String text, Map<String, TemplateFunction> extraFuncs,
                                   boolean templateExtras) throws TemplateException {
        Map<String, GoFunc> all = Sprig.funcs(new Sprig.Context(Clock.systemUTC(), ZoneOffset.UTC,
                System.getenv(), TemplateLimits.DEFAULT.maxListSize()));
        Map<String, GoFunc> funcs = new HashMap<>(FunctionSet.select(all, templateExtras));
        for (Map.Entry<String, TemplateFunction> e : extraFuncs.entrySet()) {
            TemplateFunction f = e.getValue();
            funcs.put(e.getKey(), GoFunc.var(e.getKey(), a -> {
                try {
                    return f.call(a);
                } catch (RuntimeException ex) {
                    throw ex;
                } catch (Exception ex) {
                    throw new FuncError(String.valueOf(ex.getMessage()));
                }
            }, GoFunc.P.ANY));
        }
        try {
            return new GoTemplate(Interpreter.parse(name, text, funcs, TemplateLimits.DEFAULT.maxParseDepth()),
                    TemplateLimits.DEFAULT);
        } catch (GoError e) {
            throw new TemplateException(TemplateException.Stage.RENDER, location(name, text, e.pos()),
                    e.getMessage() + FunctionSet.hint(e.getMessage(), all));
        }
    }

    /**
     * Executes with {@code data} as dot.
     *
     * @throws TemplateException with Go's execution error text
     */
    public String execute(Object data) throws TemplateException {
        try {
            return Interpreter.execute(compiled, data, limits.maxTemplateDepth(), limits.maxOutputChars(),
                    limits.maxRangeIterations()).text();
        } catch (GoError e) {
            throw new TemplateException(TemplateException.Stage.RENDER,
                    location(compiled.name(), compiled.text(), e.pos()), e.getMessage());
        }
    }

    static TemplateLocation location(String name, String text, int pos) {
        if (pos < 0) {
            return new TemplateLocation(name, 0, 0);
        }
        int p = Math.min(pos, text.length());
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < p; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new TemplateLocation(name, line, p - lineStart + 1);
    }
}
