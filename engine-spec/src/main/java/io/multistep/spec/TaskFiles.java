package io.multistep.spec;

import io.multistep.spec.internal.TemplateErrors;
import io.multistep.spec.internal.Frontend;
import io.multistep.spec.internal.Locator;
import io.multistep.spec.internal.PlainFrontend;
import io.multistep.spec.internal.Problems;
import io.multistep.spec.internal.RawTask;
import io.multistep.spec.internal.TaskAssembler;
import io.multistep.spec.internal.TaskReader;
import io.multistep.spec.internal.TemplateFrontend;
import io.multistep.spec.render.RenderContext;
import io.multistep.spec.render.RenderedTask;
import io.multistep.spec.render.SecretsLookup;
import io.multistep.spec.render.TaskRenderer;
import io.multistep.gotemplate.TemplateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Loads task files: render, parse (YAML 1.1 as Go's yaml.v2), validate every rule, apply the
 * reference's defaults and build the step graph.
 *
 * <pre>{@code
 * Task task = TaskFiles.parse(Path.of("acb.yaml"));               // throws TaskFileException
 * LoadResult r = TaskFiles.loader().strict(true).build().load(text, "acb.yaml");
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class TaskFiles {

    private TaskFiles() {}

    /**
     * Loads a task file with the default settings.
     *
     * @throws TaskFileException listing every problem when the file has errors or cannot be read
     */
    public static Task parse(Path path) {
        return loader().build().load(path).orThrow();
    }

    /**
     * Loads task text with the default settings.
     *
     * @param text the authored text
     * @param sourceName the name used in locations (a path, or {@code decoded})
     * @throws TaskFileException listing every problem when the text has errors
     */
    public static Task parse(String text, String sourceName) {
        return loader().build().load(text, sourceName).orThrow();
    }

    /**
     * Renders task text as {@code acb render} does (comment lines removed, Go templates rendered,
     * no alias preprocessing, no YAML parsing), for the CLI's {@code render} command.
     *
     * @param text the authored text
     * @param sourceName the name used in locations
     * @param context run variables and values
     * @param secrets resolves secret values between the render passes
     * @return the rendered text
     * @throws TaskFileException when rendering fails (or the first pass of a secrets file is invalid)
     */
    public static String render(String text, String sourceName, RenderContext context, SecretValues secrets) {
        try {
            RenderedTask rt = new TaskRenderer(context).renderOnly(text, sourceName, secretsLookup(text, secrets));
            return rt.text();
        } catch (TemplateException e) {
            throw new TaskFileException(List.of(Problem.error(TemplateErrors.location(e), e.referenceMessage())));
        }
    }

    /**
     * The step between the render passes as {@link #render} and the loader run it: parse and check
     * the first-pass text, then resolve the secrets of its definitions. For callers of
     * {@link TaskRenderer} that print rendered text, such as the CLI's {@code render}.
     *
     * @param text the authored text (for positions)
     * @param secrets resolves secret values
     * @return the lookup; its failures are located template errors
     */
    public static SecretsLookup secretsLookup(String text, SecretValues secrets) {
        Loader loader = loader().secrets(secrets).build();
        return (firstPass, map) -> {
            try {
                return loader.resolveSecrets(firstPass, TemplateFrontend.locator(map, text));
            } catch (Frontend.Failure f) {
                Problem p = f.problems().get(0);
                throw TemplateErrors.at(TemplateException.Stage.RENDER, p.location(), p.message());
            }
        };
    }

    /** A builder for a configured {@link Loader}. */
    public static LoaderBuilder loader() {
        return new LoaderBuilder();
    }

    /** Configures a {@link Loader}; every setting has the reference's default. */
    public static final class LoaderBuilder {
        private boolean strict;
        private SecretValues secrets = SecretValues.NONE;
        private String workingDirectory = "";
        private String network = "";
        private List<String> env = List.of();
        private RenderContext renderContext = RenderContext.builder().build();
        private boolean templating = true;
        private Frontend frontend;

        private LoaderBuilder() {}

        /** Strict mode reports warnings (unknown keys, duplicate keys, ...) as errors. @return this builder */
        public LoaderBuilder strict(boolean value) {
            this.strict = value;
            return this;
        }

        /** Resolves secret values between the two render passes. @return this builder */
        public LoaderBuilder secrets(SecretValues value) {
            this.secrets = Objects.requireNonNull(value, "secrets");
            return this;
        }

        /** The CLI {@code --working-directory}: used when the file has no task working directory. @return this builder */
        public LoaderBuilder workingDirectoryDefault(String value) {
            this.workingDirectory = value == null ? "" : value;
            return this;
        }

        /** The CLI {@code --network}: appended as an external default network. @return this builder */
        public LoaderBuilder networkDefault(String value) {
            this.network = value == null ? "" : value;
            return this;
        }

        /** The CLI {@code --env} items (each may be comma-joined); the file's values win. @return this builder */
        public LoaderBuilder envDefaults(List<String> value) {
            this.env = List.copyOf(value);
            return this;
        }

        /** Run variables, values and image aliases for rendering. @return this builder */
        public LoaderBuilder renderContext(RenderContext value) {
            this.renderContext = Objects.requireNonNull(value, "renderContext");
            return this;
        }

        /**
         * Whether the text is rendered as a Go template with aliases (the default, as the
         * reference does). {@code false} treats it as plain YAML: only comment lines are removed.
         * @return this builder
         */
        public LoaderBuilder templating(boolean value) {
            this.templating = value;
            return this;
        }

        /** For tests and tools: a different pre-YAML stage. @return this builder */
        LoaderBuilder frontend(Frontend value) {
            this.frontend = Objects.requireNonNull(value, "frontend");
            return this;
        }

        /** Builds the loader. */
        public Loader build() {
            return new Loader(this);
        }
    }

    /** Loads task text with fixed settings; thread-safe and reusable. */
    public static final class Loader {
        private final boolean strict;
        private final SecretValues secrets;
        private final String workingDirectory;
        private final String network;
        private final List<String> env;
        private final Frontend frontend;

        private Loader(LoaderBuilder b) {
            this.strict = b.strict;
            this.secrets = b.secrets;
            this.workingDirectory = b.workingDirectory;
            this.network = b.network;
            this.env = b.env;
            this.frontend = b.frontend != null ? b.frontend
                    : b.templating ? new TemplateFrontend(b.renderContext) : new PlainFrontend();
        }

        /** Reads and loads a file; an unreadable file is a problem (C-1), not an exception. */
        public LoadResult load(Path path) {
            String text;
            try {
                text = SourceText.read(path);
            } catch (InvalidTextException e) {
                return new LoadResult(null, List.of(Problem.error(e.location(), e.problem())), null);
            } catch (IOException | RuntimeException e) {
                String reason = e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                        : String.valueOf(e.getMessage());
                return new LoadResult(null, List.of(Problem.error(new SourceLocation(path.toString(), 0, 0),
                        "failed to load template at path " + path + ": " + reason)), null);
            }
            return load(text, path.toString());
        }

        /**
         * Renders, parses, validates and normalises task text.
         *
         * @param text the authored text
         * @param sourceName the name used in locations
         * @return the task (or {@code null}) with every problem
         */
        public LoadResult load(String text, String sourceName) {
            if (text.length() > TaskReader.CODE_POINT_LIMIT) {
                // Checked before rendering: nothing this large is a task file.
                return new LoadResult(null, List.of(Problem.error(new SourceLocation(sourceName, 1, 1),
                        "yaml: the document is too large: " + text.length() + " characters (the limit is "
                                + TaskReader.CODE_POINT_LIMIT + ")")), null);
            }
            Frontend.Rendered rendered;
            try {
                // A document that uses secrets renders twice: first pass → parse → resolve secrets → second pass.
                Frontend.Pass pass = frontend.render(text, sourceName);
                while (pass instanceof Frontend.FirstPass first) {
                    Map<String, String> secretValues = resolveSecrets(first.text(), first.locator());
                    pass = first.secondPass().render(secretValues);
                }
                rendered = (Frontend.Rendered) pass;
            } catch (Frontend.Failure f) {
                return new LoadResult(null, f.problems(), null);
            } catch (RuntimeException e) {
                // A bug below us must not surface as a stack trace to the user.
                return new LoadResult(null, List.of(Problem.error(new SourceLocation(sourceName, 0, 0),
                        "unable to render task: internal error")), null);
            }
            Problems problems = new Problems(sourceName, rendered.locator(), strict, rendered.text());
            RawTask raw = TaskReader.read(rendered.text(), problems, rendered.aliasesEnabled());
            Task task = null;
            if (raw != null) {
                TaskAssembler.Settings settings = new TaskAssembler.Settings(workingDirectory, network, env,
                        rendered.cmdAliases());
                task = TaskAssembler.assemble(raw, problems, settings, rendered.locator());
            }
            return new LoadResult(problems.hasErrors() ? null : task, problems.list(), rendered.text());
        }

        /**
         * Between the render passes (templating.md §4): parses the first-pass text, runs the task-level
         * checks, then resolves the secret values. When the first pass has errors the reference stops
         * here with R-6 ("failed to resolve secrets in the task with error: failed to parse template
         * to create task: …"), so only those errors are reported, wrapped.
         */
        Map<String, String> resolveSecrets(String firstPassText, Locator locator) throws Frontend.Failure {
            String sourceName = locator.locate(1, 1).location().file();
            Problems problems = new Problems(sourceName, locator, false, firstPassText);
            RawTask raw = TaskReader.read(firstPassText, problems, false);
            if (raw != null && !problems.hasErrors()) {
                // NewTaskFromBytes: a yaml.Unmarshal error returns before Validate runs
                TaskAssembler.validateTaskLevel(raw, problems);
            }
            if (problems.hasErrors()) {
                // The reference stops here: NewTaskFromString's yaml/Validate error, wrapped.
                List<Problem> wrapped = problems.list().stream().filter(Problem::isError)
                        .map(p -> new Problem(p.severity(), p.location(), TaskRenderer.SECRETS_FAILURE
                                + "failed to parse template to create task: " + p.message(), p.renderedLine()))
                        .toList();
                throw new Frontend.Failure(withStepProblems(wrapped, problems.list(), raw, firstPassText, sourceName,
                        locator));
            }
            List<Secret> definitions = TaskAssembler.secrets(raw, problems, locator);
            if (definitions.isEmpty()) {
                return Map.of();
            }
            try {
                Map<String, String> values = secrets.resolve(definitions);
                return values == null ? Map.of() : values;
            } catch (Exception e) {
                List<Problem> failure = List.of(Problem.error(definitions.get(0).location(),
                        "failed to resolve secrets in the task with error: " + e.getMessage()));
                throw new Frontend.Failure(withStepProblems(failure, List.of(), raw, firstPassText, sourceName,
                        locator));
            }
        }

        /**
         * The reference stops at the first-pass failure; we also report the other problems of the
         * first-pass text (steps, graph, env...), so that every problem shows at once. Those come
         * after the reference's own errors and are not repeated.
         */
        private List<Problem> withStepProblems(List<Problem> first, List<Problem> alreadySeen, RawTask raw,
                String firstPassText, String sourceName, Locator locator) {
            if (raw == null) {
                return first; // a YAML error: nothing else can be checked
            }
            Problems all = new Problems(sourceName, locator, strict, firstPassText);
            TaskAssembler.assemble(raw, all, new TaskAssembler.Settings(workingDirectory, network, env, null),
                    locator);
            java.util.Set<String> seen = new java.util.HashSet<>();
            alreadySeen.forEach(p -> seen.add(p.location() + " " + p.message()));
            List<Problem> out = new java.util.ArrayList<>(first);
            for (Problem p : all.list()) {
                if (p.isError() && seen.add(p.location() + " " + p.message())) {
                    out.add(p);
                }
            }
            return List.copyOf(out);
        }
    }
}
