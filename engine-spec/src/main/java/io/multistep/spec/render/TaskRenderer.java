package io.multistep.spec.render;

import io.multistep.gotemplate.TemplateException;
import io.multistep.gotemplate.TemplateLimits;
import io.multistep.spec.internal.TemplateErrors;
import io.multistep.spec.SourceLocation;
import io.multistep.gotemplate.internal.Interpreter;
import io.multistep.gotemplate.internal.go.FuncError;
import io.multistep.gotemplate.internal.FunctionSet;
import io.multistep.gotemplate.internal.GoError;
import io.multistep.gotemplate.internal.GoFunc;
import io.multistep.gotemplate.internal.Json;
import io.multistep.gotemplate.internal.Mapped;
import io.multistep.gotemplate.internal.OffsetMap;
import io.multistep.gotemplate.internal.OutBuffer;
import io.multistep.spec.render.Preprocessor;
import io.multistep.gotemplate.internal.Sprig;
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
     * Full pipeline up to (not including) YAML parsing, with {@code secrets} answering between the
     * passes: {@link #start} driven to its end.
     *
     * @param authoredText the task file as loaded
     * @param sourceName the template name (file path as given, or {@code decoded})
     * @param secrets called with the first-pass text only when the template contains {@code secrets}
     * @return the rendered text, its source map and the alias state
     * @throws TemplateException for any stage failure (see {@link TemplateException#stage()})
     */
    public RenderedTask render(String authoredText, String sourceName, SecretsLookup secrets)
            throws TemplateException {
        return drive(start(authoredText, sourceName), secrets);
    }

    /**
     * What {@code acb render} does: comments removed and rendered, no alias preprocessing.
     *
     * @throws TemplateException on a rendering failure
     */
    public RenderedTask renderOnly(String authoredText, String sourceName, SecretsLookup secrets)
            throws TemplateException {
        return drive(new Rendering(authoredText, sourceName, true), secrets);
    }

    private static RenderedTask drive(Rendering rendering, SecretsLookup secrets) throws TemplateException {
        Rendering.Next next = rendering.next();
        while (next instanceof Rendering.SecretsNeeded first) {
            rendering.provide(secrets.resolve(first.firstPassText(), first.map()));
            next = rendering.next();
        }
        return ((Rendering.Done) next).task();
    }

    /**
     * Starts the full pipeline of a task file as a {@link Rendering}, which stops after the first
     * pass of each document whose text uses {@code secrets} so that its caller can parse that text
     * and resolve the secrets before the second pass. Nothing runs until {@link Rendering#next()}.
     *
     * @param authoredText the task file as loaded
     * @param sourceName the template name (file path as given, or {@code decoded})
     * @return the rendering, not yet begun
     */
    public Rendering start(String authoredText, String sourceName) {
        return new Rendering(authoredText, sourceName, false);
    }

    /**
     * A task file being rendered: its documents (the alias block of a v1.1.0+ file, then the rest)
     * in order, each rendered once, or twice when its text uses {@code secrets} (templating.md §4).
     * Not thread-safe; use once.
     */
    public final class Rendering {

        /** What the caller of {@link #next()} gets. */
        public sealed interface Next {}

        /**
         * The first pass of a document that uses {@code secrets} is done: resolve them from its text
         * and {@link #provide} the values for the second pass.
         *
         * @param firstPassText the text rendered with an empty {@code .Secrets}
         * @param map the source map of that text
         */
        public record SecretsNeeded(String firstPassText, SourceMap map) implements Next {}

        /** Every document is rendered. @param task the result */
        public record Done(RenderedTask task) implements Next {}

        private final String authoredText;
        private final String sourceName;
        private final boolean renderOnly;
        private boolean started;
        private boolean aliasesOn;
        private boolean inAliasBlock;
        private SourceMap base;
        private Preprocessor.Separated separated;
        private SourceMap aliasBase;
        private Document document;
        private Map<String, String> secretValues;
        private Map<String, String> aliases = Map.of();
        private Done result;

        private Rendering(String authoredText, String sourceName, boolean renderOnly) {
            this.authoredText = authoredText;
            this.sourceName = sourceName;
            this.renderOnly = renderOnly;
        }

        /**
         * Renders up to the next stop: a first pass that needs secrets, or the end (returned again
         * by later calls).
         *
         * @return what to do next
         * @throws TemplateException for any stage failure (see {@link TemplateException#stage()})
         */
        public Next next() throws TemplateException {
            if (result != null) {
                return result;
            }
            if (!started) {
                started = true;
                begin();
            }
            while (true) {
                if (document.firstPass() != null && secretValues == null) {
                    return new SecretsNeeded(document.firstPass().renderedText(), document.firstPass());
                }
                SourceMap out = finish(document, secretValues == null ? Map.of() : secretValues);
                secretValues = null;
                if (!inAliasBlock) {
                    result = new Done(new RenderedTask(out.renderedText(), out, aliasesOn,
                            aliasesOn ? aliases : Map.of()));
                    document = null;
                    return result;
                }
                inAliasBlock = false;
                SourceLocation aliasWhere = separated.alias().text().isEmpty() ? new SourceLocation(sourceName, 0, 0)
                        : aliasBase.locateOffset(0);
                Aliases.Resolved resolved = Aliases.build(out.renderedText(), ctx.imageAliases(), aliasWhere,
                        out::locate);
                aliases = resolved.aliases();
                Mapped substituted = Preprocessor.substitute(separated.rest().text(), resolved.aliases(),
                        resolved.directive());
                SourceMap docBase = base.then(substituted.text(), separated.rest().map(), substituted.map());
                document = open(substituted.text(), sourceName, docBase, TemplateException.Stage.RENDER);
            }
        }

        /**
         * The secret values for the second pass of the document whose first pass {@link #next()} returned.
         *
         * @param values secret id to value
         * @throws IllegalStateException when no first pass is waiting for them
         */
        public void provide(Map<String, String> values) {
            if (document == null || document.firstPass() == null || secretValues != null) {
                throw new IllegalStateException("no first pass is waiting for secrets");
            }
            secretValues = values;
        }

        /** Comment lines, version, and the first document: the alias block (v1.1.0+) or the whole file. */
        private void begin() throws TemplateException {
            Mapped stripped = Preprocessor.stripComments(authoredText);
            base = new SourceMap(sourceName, authoredText, stripped.text(), List.of(stripped.map()));
            if (renderOnly) {
                document = open(stripped.text(), sourceName, base, TemplateException.Stage.RENDER);
                return;
            }
            String version = Preprocessor.findVersion(stripped.text());
            aliasesOn = version.compareTo("v1.1.0") >= 0;
            if (!aliasesOn) {
                document = open(stripped.text(), sourceName, base, TemplateException.Stage.RENDER);
                return;
            }
            separated = Preprocessor.separate(stripped.text());
            aliasBase = base.then(separated.alias().text(), separated.alias().map());
            inAliasBlock = true;
            document = open(separated.alias().text(), "aliasData", aliasBase, TemplateException.Stage.ALIAS_RENDER);
        }
    }

    /**
     * One document, parsed; {@code firstPass} is its first-pass output when its text uses
     * {@code secrets}, {@code done} the output of an empty document.
     */
    private record Document(Interpreter.Compiled compiled, SourceMap base, String name, TemplateException.Stage stage,
                            Map<String, Object> values, String valuesJson, String runJson, SourceMap firstPass,
                            SourceMap done) {}

    /** Parses {@code text} (whose map to the authored file is {@code base}) and runs its first pass if it has one. */
    private Document open(String text, String name, SourceMap base, TemplateException.Stage stage)
            throws TemplateException {
        if (text.isEmpty()) {
            return new Document(null, base, name, stage, null, null, null, null, base.then("", new OffsetMap()));
        }
        // acb computes the values (and their JSON) before rendering: a values error comes first.
        Map<String, Object> values = ctx.values();
        String valuesJson;
        String runJson;
        try {
            valuesJson = shellQuote(Json.write(values, true));
            runJson = shellQuote(Json.write(run, true));
        } catch (FuncError e) {
            throw TemplateErrors.at(TemplateException.Stage.VALUES, SourceLocation.UNKNOWN,
                    "failed to override values: failed to serialize Values: " + e.getMessage());
        }
        // When the text contains "secrets", acb renders it a first time inside renderAndResolveSecrets,
        // so a parse/execution failure surfaces there: "failed to resolve secrets in the task with
        // error: failed to render the template: <engine error>" (templating/base_render_options.go).
        boolean secretsPass = text.contains("secrets");
        String failurePrefix = secretsPass ? SECRETS_FAILURE + "failed to render the template: "
                : "error while rendering templates: ";
        Interpreter.Compiled compiled;
        try {
            compiled = Interpreter.parse(name, text, funcs, ctx.limits().maxParseDepth());
        } catch (GoError e) {
            throw TemplateErrors.at(stage, where(base, e.pos()), failurePrefix + "failed to "
                    + "parse template: " + name + ". Err: " + e.getMessage()
                    + FunctionSet.hint(e.getMessage(), allFuncs));
        }
        SourceMap first = null;
        if (secretsPass) {
            first = execute(compiled, base, name, values, valuesJson, runJson, Map.of(), stage, failurePrefix);
            if (first.renderedText().isEmpty()) {
                throw TemplateErrors.at(stage, new SourceLocation(base.sourceName(), 1, 1), // the whole file: its start
                        SECRETS_FAILURE + "rendered template was empty");
            }
        }
        return new Document(compiled, base, name, stage, values, valuesJson, runJson, first, null);
    }

    /** The (second, or only) pass of a document; returns the output's map. */
    private SourceMap finish(Document d, Map<String, String> secretValues) throws TemplateException {
        if (d.done() != null) {
            return d.done();
        }
        SourceMap result = execute(d.compiled(), d.base(), d.name(), d.values(), d.valuesJson(), d.runJson(),
                secretValues, d.stage(), "error while rendering templates: ");
        if (result.renderedText().isEmpty()) {
            throw TemplateErrors.at(d.stage(), new SourceLocation(d.base().sourceName(), 1, 1), // the whole file: its start
                    "rendered template was empty");
        }
        return result;
    }

    private SourceMap execute(Interpreter.Compiled compiled, SourceMap base, String name, Map<String, Object> values,
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
            out = Interpreter.execute(compiled, data, l.maxTemplateDepth(), l.maxOutputChars(), l.maxRangeIterations());
        } catch (GoError e) {
            throw TemplateErrors.at(stage, where(base, e.pos()), failurePrefix + "failed to "
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
