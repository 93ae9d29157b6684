package io.multistep.runner;

import io.multistep.engine.RunOptions;
import io.multistep.engine.TaskSource;
import io.multistep.spec.InvalidTextException;
import io.multistep.spec.SourceText;
import io.multistep.spec.SecretValues;
import io.multistep.spec.TaskFiles;
import io.multistep.spec.render.RunVariables;
import io.multistep.spec.render.Aliases;
import io.multistep.spec.render.RenderContext;
import io.multistep.gotemplate.TemplateException;
import io.multistep.spec.render.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the command-line flags say about a task: its text, the run variables, the values and
 * the image aliases, turned into the engine's and the parser's inputs. One place, so that
 * {@code exec}, {@code render}, {@code validate} and {@code graph} agree.
 */
record TaskInputs(
        String text,
        String sourceName,
        RunVariables run,
        RenderContext renderContext,
        Map<String, Object> values,
        Map<String, String> imageAliases,
        RenderFlags render,
        ModelFlags model) {

    /**
     * Reads the task text and the values as the reference does.
     *
     * @throws IllegalArgumentException with the reference's message for bad input
     * @throws IOException when a file cannot be read
     */
    static TaskInputs from(RenderFlags render, ModelFlags model, String taskName) throws IOException {
        String sourceName;
        String text;
        if (render.file == null && render.encodedFile != null) {
            sourceName = "decoded";
            text = decode(render.encodedFile, "failed to decode Base64 template", sourceName);
        } else {
            sourceName = render.file == null ? "acb.yaml" : render.file;
            try {
                text = SourceText.read(Path.of(sourceName));
            } catch (InvalidTextException e) {
                throw new IllegalArgumentException(e.location() + ": error: " + e.problem());
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("failed to load template at path " + sourceName
                        + ": stat " + sourceName + ": no such file or directory");
            } catch (IOException e) {
                throw new IllegalArgumentException("failed to load template at path " + sourceName + ": " + e.getMessage());
            }
        }
        Map<String, Object> values;
        try {
            Map<String, Object> fileValues = Map.of();
            if (render.values != null) {
                if (!Files.exists(Path.of(render.values))) {
                    throw new IllegalArgumentException("error while loading exec steps: failed to load values file at path "
                            + render.values + ": open " + render.values + ": no such file or directory");
                }
                fileValues = Values.load(Path.of(render.values));
            } else if (render.encodedValues != null) {
                fileValues = Values.parse(decode(render.encodedValues, "failed to decode Base64 config", "decoded values"),
                        "decoded values");
            }
            values = Values.applySets(fileValues, render.sets);
        } catch (TemplateException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Map<String, String> aliases = new LinkedHashMap<>(Aliases.defaultImageAliases());
        for (String a : render.aliases) {
            String[] kv = ExecCommand.splitPair(a, "--alias", "NAME=IMAGE");
            aliases.put(kv[0], kv[1]);
        }
        Instant date = date(render.date);
        RunVariables run = RunVariables.builder()
                .id(render.id)
                .commit(render.commit)
                .repository(render.repository)
                .branch(render.branch)
                .gitTag(render.gitTag)
                .triggeredBy(render.triggeredBy)
                .registry(render.registry)
                .osVersion(render.osVersion)
                .taskName(taskName)
                .sharedVolume(render.homeVolume)
                .date(date)
                .build();
        RenderContext ctx = RenderContext.builder()
                .run(run)
                .values(values)
                .imageAliases(aliases)
                .templateExtras(render.templateExtras)
                .build();
        return new TaskInputs(text, sourceName, run, ctx, values, Map.copyOf(aliases), render, model);
    }

    /** The engine's task source. */
    TaskSource source() {
        return new TaskSource.Text(text, sourceName);
    }

    /** The engine's run options for these inputs (without the exec-only ones). */
    RunOptions.Builder runOptions() {
        return RunOptions.builder()
                .run(run.toBuilder().id(run.id().isEmpty() ? generatedRunId() : run.id()).build())
                .values(values)
                .envDefaults(model.env)
                .workingDirectoryDefault(model.workingDirectory)
                .networkDefault(model.network)
                .templateExtras(render.templateExtras);
    }

    /** The parser configured like a run of these inputs would be, without secret values. */
    TaskFiles.Loader loader(boolean strict) {
        return loader(strict, SecretValues.NONE);
    }

    /** The parser configured like a run of these inputs would be, with these secret values. */
    TaskFiles.Loader loader(boolean strict, SecretValues secrets) {
        return TaskFiles.loader()
                .strict(strict)
                .secrets(secrets)
                .renderContext(renderContext)
                .workingDirectoryDefault(model.workingDirectory)
                .networkDefault(model.network)
                .envDefaults(model.env)
                .build();
    }

    private static String generatedRunId() {
        // The reference's run ids are short; ours are unique enough for parallel runs on one engine.
        return "run-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Instant date(String text) {
        if (text == null || text.isEmpty()) {
            return Instant.now();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("--date expects an ISO-8601 instant such as 2024-03-05T07:08:09Z, found '"
                        + text + "'");
            }
        }
    }

    private static String decode(String base64, String what, String sourceName) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
        try {
            return SourceText.decode(bytes, sourceName);
        } catch (InvalidTextException e) {
            throw new IllegalArgumentException(e.location() + ": error: " + e.problem());
        }
    }

    /** The values as given, for the optional JSON model output. */
    Optional<List<String>> sets() {
        return render.sets.isEmpty() ? Optional.empty() : Optional.of(render.sets);
    }
}
