package io.multistep.spec.internal;

import io.multistep.spec.Problem;
import io.multistep.spec.SourceLocation;
import io.multistep.spec.render.Aliases;
import io.multistep.spec.render.RenderContext;
import io.multistep.spec.render.RenderedTask;
import io.multistep.spec.render.SourceMap;
import io.multistep.spec.render.TaskRenderer;
import io.multistep.gotemplate.TemplateException;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * The real pre-YAML stage: the templating layer's {@link TaskRenderer} (comment removal, version
 * detection, aliases, Go templates), with positions mapped through its {@link SourceMap}. It stops
 * after the first pass of a document that uses secrets ({@link FirstPass}); the loader resolves them.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TemplateFrontend implements Frontend {

    private final RenderContext context;

    /** @param context run variables, values and image aliases */
    public TemplateFrontend(RenderContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Pass render(String authored, String sourceName) throws Failure {
        return renderOn(new TaskRenderer(context).start(authored, sourceName), authored, sourceName);
    }

    /** Renders up to the next stop: a first pass with secrets to resolve, or the text for the parser. */
    private Pass renderOn(TaskRenderer.Rendering rendering, String authored, String sourceName) throws Failure {
        TaskRenderer.Rendering.Next next;
        try {
            next = rendering.next();
        } catch (TemplateException e) {
            SourceLocation where = e.location() == null ? new SourceLocation(sourceName, 0, 0) : TemplateErrors.location(e);
            if (where.file().isEmpty()) {
                where = new SourceLocation(sourceName, where.line(), where.column());
            }
            throw new Failure(List.of(Problem.error(where, e.referenceMessage())));
        }
        if (next instanceof TaskRenderer.Rendering.SecretsNeeded first) {
            return new FirstPass(first.firstPassText(), locator(first.map(), authored), secrets -> {
                rendering.provide(secrets);
                return renderOn(rendering, authored, sourceName);
            });
        }
        RenderedTask rt = ((TaskRenderer.Rendering.Done) next).task();
        UnaryOperator<String> expand = rt.aliasesEnabled()
                ? cmd -> Aliases.expandCommandAlias(cmd, rt.aliases()) : null;
        return new Rendered(rt.text(), locator(rt.sourceMap(), authored), rt.aliasesEnabled(), expand);
    }

    /** Rendered → authored positions; the rendered line is kept when templating changed it. */
    public static Locator locator(SourceMap map, String authored) {
        String[][] lines = new String[2][];
        return (line, column) -> {
            SourceLocation loc = map.locate(line, column);
            if (lines[0] == null) {
                lines[0] = authored.split("\n", -1);
                lines[1] = map.renderedText().split("\n", -1);
            }
            String rendered = line >= 1 && line <= lines[1].length ? lines[1][line - 1] : null;
            String original = loc.line() >= 1 && loc.line() <= lines[0].length ? lines[0][loc.line() - 1] : null;
            return new Locator.Located(loc, rendered != null && !rendered.equals(original) ? rendered : null);
        };
    }
}
