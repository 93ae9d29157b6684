package io.multistep.runner;

import io.multistep.spec.TaskFiles;
import io.multistep.spec.render.SecretsLookup;
import io.multistep.spec.render.TaskRenderer;
import io.multistep.gotemplate.TemplateException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code multistep render}: prints exactly the text the YAML parser would receive. Like the
 * reference's {@code acb render} it removes comment lines and renders templates; with
 * {@code --aliases} it also applies alias preprocessing, as {@code exec} does for v1.1.0 files.
 * It takes every input of {@code exec} that changes the rendered text; secret values given are
 * used and masked in the output.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Prints the rendered task file (like 'acb render'); nothing else goes to stdout.")
final class RenderCommand implements Callable<Integer> {

    @Mixin
    TaskFlags task;

    @Option(names = "--aliases",
            description = "Also apply alias preprocessing as 'exec' does for v1.1.0 files (acb render does not).")
    boolean aliases;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        TaskInputs inputs;
        SecretFlags.Given secrets;
        try {
            inputs = task.inputs();
            task.contextDir();
            secrets = task.secrets.given();
        } catch (IllegalArgumentException | IOException e) {
            err.println(e.getMessage());
            return Main.INVALID;
        }
        try (MaskedOutput masked = new MaskedOutput(secrets.masker(), System.out, err)) {
            TaskRenderer renderer = new TaskRenderer(inputs.renderContext());
            SecretsLookup lookup = TaskFiles.secretsLookup(inputs.text(), secrets.lookup(true));
            try {
                String text = aliases
                        ? renderer.render(inputs.text(), inputs.sourceName(), lookup).text()
                        : renderer.renderOnly(inputs.text(), inputs.sourceName(), lookup).text();
                masked.out().print(text);
                return Main.OK;
            } catch (TemplateException e) {
                masked.err().println(e.getMessage());
                return Main.INVALID;
            }
        }
    }
}
