package io.multistep.spec.internal;

import io.multistep.spec.Problem;
import io.multistep.spec.SourceLocation;
import io.multistep.spec.render.Aliases;
import io.multistep.spec.render.RenderContext;
import io.multistep.spec.render.RenderedTask;
import io.multistep.spec.render.SecretsLookup;
import io.multistep.spec.render.SourceMap;
import io.multistep.spec.render.TaskRenderer;
import io.multistep.gotemplate.TemplateException;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The real pre-YAML stage: the templating layer's {@link TaskRenderer} (comment removal, version
 * detection, aliases, Go templates, two-pass secrets), with positions mapped through its
 * {@link SourceMap}.
 */
public final class TemplateFrontend implements Frontend {

    private final RenderContext context;

    /** @param context run variables, values and image aliases */
    public TemplateFrontend(RenderContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Rendered render(String authored, String sourceName, SecondPass secondPass) throws Failure {
        Failure[] firstPassFailure = new Failure[1];
        SecretsLookup lookup = (text, map) -> {
            try {
                return secondPass.secrets(text, locator(map, authored));
            } catch (Failure f) {
                // Keep every problem; the renderer only carries one message through.
                firstPassFailure[0] = f;
                Problem p = f.problems().get(0);
                throw TemplateErrors.at(TemplateException.Stage.RENDER, p.location(), p.message());
            }
        };
        try {
            RenderedTask rt = new TaskRenderer(context).render(authored, sourceName, lookup);
            UnaryOperator<String> expand = rt.aliasesEnabled()
                    ? cmd -> Aliases.expandCommandAlias(cmd, rt.aliases()) : null;
            return new Rendered(rt.text(), locator(rt.sourceMap(), authored), rt.aliasesEnabled(), expand);
        } catch (TemplateException e) {
            if (firstPassFailure[0] != null) {
                throw firstPassFailure[0];
            }
            SourceLocation where = e.location() == null ? new SourceLocation(sourceName, 0, 0) : TemplateErrors.location(e);
            if (where.file().isEmpty()) {
                where = new SourceLocation(sourceName, where.line(), where.column());
            }
            throw new Failure(List.of(Problem.error(where, e.referenceMessage())));
        }
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
