package io.multistep.spec.template;

import io.multistep.spec.SourceLocation;
import io.multistep.spec.template.internal.Engine;
import io.multistep.spec.template.internal.FuncError;
import io.multistep.spec.template.internal.FunctionSet;
import io.multistep.spec.template.internal.GoError;
import io.multistep.spec.template.internal.GoFunc;
import io.multistep.spec.template.internal.Json;
import io.multistep.spec.template.internal.Mapped;
import io.multistep.spec.template.internal.OffsetMap;
import io.multistep.spec.template.internal.OutBuffer;
import io.multistep.spec.template.internal.Preprocessor;
import io.multistep.spec.template.internal.Sprig;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The task-file pipeline up to (not including) YAML parsing, as {@code acb exec} runs it
 * (templating.md §1): comment removal, version detection, alias block rendering and
 * substitution (version ≥ v1.1.0), Go-template rendering with two-pass secrets.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TaskRenderer {

    private static final DateTimeFormatter RUN_DATE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'z'")
            .withZone(ZoneOffset.UTC);

    /** The wrapper acb puts around every failure between the two secret passes (errors.md ). */
    public static final String SECRETS_FAILURE = "failed to resolve secrets in the task with error: ";

    private final RenderContext ctx;
    private final Map<String, GoFunc> funcs;
    private final Map<String, GoFunc> allFuncs;
    private final Map<String, Object> run;

    /** Creates a renderer for one run. */
    public TaskRenderer(RenderContext ctx) {
        this.ctx = ctx;
        this.allFuncs = Sprig.funcs(new Sprig.Context(ctx.clock(), ZoneOffset.UTC,
                ctx.envFunctions() ? ctx.environment() : null, ctx.limits().maxListSize()));
        this.funcs = FunctionSet.select(allFuncs, ctx.templateExtras());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ID", ctx.id());
        r.put("Commit", ctx.commit());
        r.put("Repository", ctx.repository());
        r.put("Branch", ctx.branch());
        r.put("GitTag", ctx.gitTag());
        r.put("TriggeredBy", ctx.triggeredBy());
        r.put("Registry", ctx.registry());
        r.put("RegistryName", ctx.registryName());
        r.put("Date", RUN_DATE.format(ctx.clock().instant()));
        r.put("SharedVolume", ctx.sharedVolume());
        r.put("OS", ctx.os());
        r.put("OSVersion", ctx.osVersion());
        r.put("Architecture", ctx.architecture());
        r.put("TaskName", ctx.taskName());
        this.run = java.util.Collections.unmodifiableMap(r);
    }

    /**
     * Full pipeline up to (not including) YAML parsing.
     *
     * @param authoredText the task file as loaded
     * @param sourceName the template name (file path as given, or {@code decoded})
     * @param secrets called with the first-pass text only when the template contains {@code secrets}
     * @return the rendered text, its source map and the alias state
     * @throws TemplateException for any stage failure (see {@link TemplateException#stage()})
     */
    public RenderedTask render(String authoredText, String sourceName, SecretsLookup secrets)
            throws TemplateException {
        Mapped stripped = Preprocessor.stripComments(authoredText);
        SourceMap base = new SourceMap(sourceName, authoredText, stripped.text(), List.of(stripped.map()));
        String version = Preprocessor.findVersion(stripped.text());
        boolean aliasesOn = version.compareTo("v1.1.0") >= 0;
        if (!aliasesOn) {
            SourceMap out = renderDocument(stripped.text(), sourceName, base, secrets, TemplateException.Stage.RENDER);
            return new RenderedTask(out.renderedText(), out, false, Map.of());
        }
        Preprocessor.Separated sep = Preprocessor.separate(stripped.text());
        SourceMap aliasBase = base.then(sep.alias().text(), sep.alias().map());
        SourceMap aliasRendered = renderDocument(sep.alias().text(), "aliasData", aliasBase, secrets,
                TemplateException.Stage.ALIAS_RENDER);
        SourceLocation aliasWhere = sep.alias().text().isEmpty() ? new SourceLocation(sourceName, 0, 0)
                : aliasBase.locateOffset(0);
        Aliases.Resolved resolved = Aliases.build(aliasRendered.renderedText(), ctx.imageAliases(), aliasWhere,
                aliasRendered::locate);
        Mapped substituted = Preprocessor.substitute(sep.rest().text(), resolved.aliases(), resolved.directive());
        SourceMap docBase = base.then(substituted.text(), sep.rest().map(), substituted.map());
        SourceMap out = renderDocument(substituted.text(), sourceName, docBase, secrets, TemplateException.Stage.RENDER);
        return new RenderedTask(out.renderedText(), out, true, resolved.aliases());
    }

    /**
     * What {@code acb render} does: comments removed and rendered, no alias preprocessing.
     *
     * @throws TemplateException on a rendering failure
     */
    public RenderedTask renderOnly(String authoredText, String sourceName, SecretsLookup secrets)
            throws TemplateException {
        Mapped stripped = Preprocessor.stripComments(authoredText);
        SourceMap base = new SourceMap(sourceName, authoredText, stripped.text(), List.of(stripped.map()));
        SourceMap out = renderDocument(stripped.text(), sourceName, base, secrets, TemplateException.Stage.RENDER);
        return new RenderedTask(out.renderedText(), out, false, Map.of());
    }

    /** Renders {@code text} (whose map to the authored file is {@code base}); returns the output's map. */
    private SourceMap renderDocument(String text, String name, SourceMap base, SecretsLookup secrets,
                                     TemplateException.Stage stage) throws TemplateException {
        if (text.isEmpty()) {
            return base.then("", new OffsetMap());
        }
        // acb computes the values (and their JSON) before rendering: a values error comes first.
        Map<String, Object> values = ctx.values();
        String valuesJson;
        String runJson;
        try {
            valuesJson = shellQuote(Json.write(values, true));
            runJson = shellQuote(Json.write(run, true));
        } catch (FuncError e) {
            throw new TemplateException(TemplateException.Stage.VALUES, SourceLocation.UNKNOWN,
                    "failed to override values: failed to serialize Values: " + e.getMessage());
        }
        // When the text contains "secrets", acb renders it a first time inside renderAndResolveSecrets,
        // so a parse/execution failure surfaces there: "failed to resolve secrets in the task with
        // error: failed to render the template: <engine error>" (templating/base_render_options.go).
        boolean secretsPass = text.contains("secrets");
        String failurePrefix = secretsPass ? SECRETS_FAILURE + "failed to render the template: "
                : "error while rendering templates: ";
        Engine.Compiled compiled;
        try {
            compiled = Engine.parse(name, text, funcs, ctx.limits().maxParseDepth());
        } catch (GoError e) {
            throw new TemplateException(stage, where(base, e.pos()), failurePrefix + "failed to "
                    + "parse template: " + name + ". Err: " + e.getMessage()
                    + FunctionSet.hint(e.getMessage(), allFuncs));
        }
        Map<String, String> secretValues = Map.of();
        if (secretsPass) {
            SourceMap first = execute(compiled, base, name, values, valuesJson, runJson, Map.of(), stage,
                    failurePrefix);
            if (first.renderedText().isEmpty()) {
                throw new TemplateException(stage, new SourceLocation(base.sourceName(), 1, 1), // the whole file: its start
                        SECRETS_FAILURE + "rendered template was empty");
            }
            secretValues = secrets.resolve(first.renderedText(), first);
        }
        SourceMap result = execute(compiled, base, name, values, valuesJson, runJson, secretValues, stage,
                "error while rendering templates: ");
        if (result.renderedText().isEmpty()) {
            throw new TemplateException(stage, new SourceLocation(base.sourceName(), 1, 1), // the whole file: its start
                    "rendered template was empty");
        }
        return result;
    }

    private SourceMap execute(Engine.Compiled compiled, SourceMap base, String name, Map<String, Object> values,
                              String valuesJson, String runJson, Map<String, String> secrets,
                              TemplateException.Stage stage, String failurePrefix) throws TemplateException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("Run", run);
        data.put("Build", Map.of("ID", ctx.id()));
        data.put("Values", values);
        data.put("ValuesJSON", valuesJson);
        data.put("RunJSON", runJson);
        data.put("Secrets", new LinkedHashMap<String, Object>(secrets));
        OutBuffer out;
        TemplateLimits l = ctx.limits();
        try {
            out = Engine.execute(compiled, data, l.maxTemplateDepth(), l.maxOutputChars(), l.maxRangeIterations());
        } catch (GoError e) {
            throw new TemplateException(stage, where(base, e.pos()), failurePrefix + "failed to "
                    + "execute template: " + name + ". Err: " + e.getMessage());
        }
        Mapped cleaned = Preprocessor.deleteNoValue(out.text());
        return base.then(cleaned.text(), out.map(), cleaned.map());
    }

    private static SourceLocation where(SourceMap base, int pos) {
        if (pos < 0) {
            return new SourceLocation(base.sourceName(), 0, 0);
        }
        return base.locateOffset(pos);
    }

    /** Shell quoting of {@code .ValuesJSON}/{@code .RunJSON} (templating.md §3.4). */
    static String shellQuote(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "_^@=+%,:./-".indexOf(c) >= 0;
            if (!safe) {
                return "'" + s.replace("'", "'\"'\"'") + "'";
            }
        }
        return s;
    }
}
