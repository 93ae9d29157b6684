package io.multistep.spec.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.spec.CmdStep;
import io.multistep.spec.LoadResult;
import io.multistep.spec.Problem;
import io.multistep.spec.Task;
import io.multistep.spec.TaskFiles;
import io.multistep.spec.render.RenderContext;
import io.multistep.spec.render.SecretsLookup;
import io.multistep.spec.render.TaskRenderer;
import io.multistep.gotemplate.TemplateException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Shared helpers of the conformance tests (fixed run data, so outputs are exact). */
final class Conf {

    private Conf() {}

    static final Instant DATE = Instant.parse("2024-03-05T07:08:09Z");

    static RenderContext.Builder ctx() {
        return RenderContext.builder().date(DATE).os("linux").architecture("amd64");
    }

    static RenderContext ctx(Map<String, Object> values) {
        return ctx().values(values).build();
    }

    /** What {@code acb render} prints (no aliases). */
    static String render(String text) throws TemplateException {
        return new TaskRenderer(ctx().build()).renderOnly(text, "acb.yaml", SecretsLookup.NONE).text();
    }

    static String render(String text, RenderContext c) throws TemplateException {
        return new TaskRenderer(c).renderOnly(text, "acb.yaml", SecretsLookup.NONE).text();
    }

    /** The full exec pipeline up to YAML parsing (aliases included). */
    static String pipeline(String text) throws TemplateException {
        return new TaskRenderer(ctx().build()).render(text, "acb.yaml", SecretsLookup.NONE).text();
    }

    static String pipeline(String text, RenderContext c) throws TemplateException {
        return new TaskRenderer(c).render(text, "acb.yaml", SecretsLookup.NONE).text();
    }

    static TemplateException renderError(String text) {
        try {
            pipeline(text);
        } catch (TemplateException e) {
            return e;
        }
        throw new AssertionError("no error for:\n" + text);
    }

    static LoadResult load(String text) {
        return TaskFiles.loader().renderContext(ctx().build()).build().load(text, "acb.yaml");
    }

    static LoadResult load(String text, RenderContext c) {
        return TaskFiles.loader().renderContext(c).build().load(text, "acb.yaml");
    }

    static Task ok(String text) {
        LoadResult r = load(text);
        assertThat(r.errors()).as("errors of:\n" + text).isEmpty();
        return r.task();
    }

    static List<String> errors(String text) {
        LoadResult r = load(text);
        assertThat(r.task()).as("task of a file with errors:\n" + text).isNull();
        return r.errors().stream().map(Problem::message).toList();
    }

    /** The first error message (the reference stops at the first error). */
    static String firstError(String text) {
        List<String> e = errors(text);
        assertThat(e).as("errors of:\n" + text).isNotEmpty();
        return e.get(0);
    }

    static String cmd(Task t, int i) {
        return ((CmdStep) t.steps().get(i)).cmd();
    }
}
