package io.multistep.runner;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The flags of the reference's {@code acb exec} that change the task model after rendering:
 * default env, network and working directory. Shared by {@code exec}, {@code validate} and
 * {@code graph} so all three see the same model.
 */
final class ModelFlags {

    @Option(names = "--env", paramLabel = "K=V[,K=V...]",
            description = "Default env for every step (repeatable; commas separate items; the task file's own env wins).")
    List<String> env = new ArrayList<>();

    @Option(names = "--network", paramLabel = "NAME",
            description = "An existing network to use as the default network.")
    String network = "";

    @Option(names = "--working-directory", paramLabel = "DIR",
            description = "The default working directory of the task.")
    String workingDirectory = "";
}
