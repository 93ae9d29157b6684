package io.multistep.engine.internal;

import io.multistep.engine.RunOptions;
import io.multistep.engine.TaskLoadException;
import io.multistep.engine.TaskSource;
import io.multistep.spec.LoadResult;
import io.multistep.spec.Problem;
import io.multistep.spec.Task;
import io.multistep.spec.TaskFiles;
import io.multistep.spec.render.Aliases;
import io.multistep.spec.render.RenderContext;
import io.multistep.gotemplate.TemplateException;
import io.multistep.spec.render.Values;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Collectors;

/** Turns a {@link TaskSource} into a {@link Task}: the one place where the engine loads task text. */
final class TaskLoading {

    private TaskLoading() {}

    /**
     * Loads the task of a run, resolving its secrets through {@code secrets} (which remembers the
     * values for masking).
     */
    static Task load(TaskSource source, RunOptions options, EngineConfig config, Secrets secrets, String runId,
            Instant date) {
        if (source instanceof TaskSource.Loaded loaded) {
            secrets.resolveForMasking(loaded.task().secrets());
            return loaded.task();
        }
        TaskFiles.Loader loader = loader(options, config, secrets, runId, date);
        LoadResult result;
        if (source instanceof TaskSource.Text t) {
            result = loader.load(t.text(), t.name());
        } else {
            result = loader.load(((TaskSource.File) source).path());
        }
        if (result.hasErrors() || result.task() == null) {
            List<String> problems = result.problems().stream().map(Problem::toString).toList();
            String message = result.errors().stream().map(Problem::toString).collect(Collectors.joining("\n"));
            throw new TaskLoadException(message.isEmpty() ? "the task could not be loaded" : message, problems, null);
        }
        return result.task();
    }

    /** The engine-spec loader configured with the run's inputs: run variables, values and image aliases. */
    private static TaskFiles.Loader loader(RunOptions options, EngineConfig config, Secrets secrets, String runId,
            Instant date) {
        Map<String, Object> values;
        try {
            values = Values.applySets(options.values(), options.setPairs());
        } catch (TemplateException e) {
            throw new TaskLoadException(e.getMessage(), List.of(e.getMessage()), e);
        }
        Map<String, String> aliases = new LinkedHashMap<>(Aliases.defaultImageAliases());
        aliases.putAll(config.imageAliases());
        RenderContext context = RenderContext.builder()
                .run(options.run().toBuilder().id(runId).date(date).build())
                .values(values)
                .imageAliases(aliases)
                .envFunctions(config.environmentFunctions())
                .templateExtras(options.templateExtras())
                .build();
        return TaskFiles.loader()
                .strict(options.strict())
                .renderContext(context)
                .secrets(secrets::resolveStrict)
                .workingDirectoryDefault(options.workingDirectoryDefault())
                .networkDefault(options.networkDefault())
                .envDefaults(options.envDefaults())
                .build();
    }
}
