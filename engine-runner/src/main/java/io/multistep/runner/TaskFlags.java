package io.multistep.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Every input of {@code exec} that decides what a task file renders to and which model it becomes:
 * the rendering flags, the model flags, the task name, the secrets and the context folder. One
 * mixin for {@code exec}, {@code render}, {@code validate} and {@code graph}, so that one command
 * line works for all four and they all see the task as {@code exec} would.
 */
final class TaskFlags {

    @Mixin
    RenderFlags render;

    @Mixin
    ModelFlags model;

    @Mixin
    SecretFlags secrets;

    @Option(names = "--name", paramLabel = "NAME", description = "The task name ({{.Run.TaskName}}).")
    String name = "";

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONTEXT",
            description = "The run's source folder: /workspace of every step and the build context '.' (default: .).")
    Path context;

    /**
     * The task text and the run variables these flags give.
     *
     * @throws IllegalArgumentException with the reference's message for bad input
     * @throws IOException when a file cannot be read
     */
    TaskInputs inputs() throws IOException {
        return TaskInputs.from(render, model, name);
    }

    /**
     * The context folder, absolute.
     *
     * @throws IllegalArgumentException when it is not a folder
     */
    Path contextDir() {
        Path dir = (context == null ? Path.of(".") : context).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("the context " + dir + " is not a folder");
        }
        return dir;
    }
}
