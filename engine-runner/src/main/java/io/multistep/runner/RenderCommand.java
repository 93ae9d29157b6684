package io.multistep.runner;

import io.multistep.spec.template.SecretsLookup;
import io.multistep.spec.template.TaskRenderer;
import io.multistep.spec.template.TemplateException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code multistep render}: prints exactly the text the YAML parser would receive. Like the
 * reference's {@code acb render} it removes comment lines and renders templates; with
 * {@code --aliases} it also applies alias preprocessing, as {@code exec} does for v1.1.0 files.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Prints the rendered task file (like 'acb render'); nothing else goes to stdout.")
final class RenderCommand implements Callable<Integer> {

    @Mixin
    RenderFlags render;

    @Option(names = "--aliases",
            description = "Also apply alias preprocessing as 'exec' does for v1.1.0 files (acb render does not).")
    boolean aliases;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        if (render.file == null && render.encodedFile == null) {
            err.println("a task file or base64 encoded task file is required");
            return Main.INVALID;
        }
        TaskInputs inputs;
        try {
            inputs = TaskInputs.from(render, new ModelFlags(), "");
        } catch (IllegalArgumentException | IOException e) {
            err.println(e.getMessage());
            return Main.INVALID;
        }
        TaskRenderer renderer = new TaskRenderer(inputs.renderContext());
        try {
            String text = aliases
                    ? renderer.render(inputs.text(), inputs.sourceName(), SecretsLookup.NONE).text()
                    : renderer.renderOnly(inputs.text(), inputs.sourceName(), SecretsLookup.NONE).text();
            System.out.write(text.getBytes(StandardCharsets.UTF_8));
            System.out.flush();
            return Main.OK;
        } catch (TemplateException e) {
            err.println(e.getMessage());
            return Main.INVALID;
        } catch (IOException e) {
            err.println(e.getMessage());
            return Main.FAILED;
        }
    }
}
