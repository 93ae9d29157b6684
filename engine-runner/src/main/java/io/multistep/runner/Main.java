package io.multistep.runner;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code multistep} command line: a drop-in for the reference's {@code acb exec} and
 * {@code acb render}, plus {@code validate}, {@code graph} and {@code prune}.
 *
 * <p>Exit status: 0 success; 1 the run failed; 2 invalid input or usage; 130 cancelled.
 */
@Command(name = "multistep",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Runs ACR multi-step task files (acb.yaml) on a Docker engine.",
        subcommands = {ExecCommand.class, RenderCommand.class, ValidateCommand.class, GraphCommand.class,
            PruneCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    /** The run succeeded. */
    static final int OK = 0;
    /** The run failed. */
    static final int FAILED = 1;
    /** The input or the command line was invalid. */
    static final int INVALID = 2;
    /** The run was cancelled by SIGINT or SIGTERM. */
    static final int CANCELLED = 130;

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit status (for tests and embedding).
     *
     * @param args the arguments
     * @return the exit status
     */
    static int run(String... args) {
        return run(new CommandLine(new Main()), args);
    }

    /** Runs a command line with the runner's exit codes and error handlers. */
    static int run(CommandLine cli, String... args) {
        // Usage errors are "invalid input" (2), like problems in the task file.
        cli.setExitCodeExceptionMapper(e -> INVALID);
        cli.setParameterExceptionHandler((ex, argv) -> {
            // picocli quotes the arguments it could not match, which may be secret values.
            ex.getCommandLine().getErr().println("error: " + ArgumentSecrets.masker(argv).mask(ex.getMessage()));
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return INVALID;
        });
        // A bug must not show the user a stack trace or a Java class name: one line, still exit 2.
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(INTERNAL_ERROR);
            return INVALID;
        });
        try {
            return cli.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli hands only Exceptions to the handler above; an Error (no memory, no stack) ends here.
            System.err.println(INTERNAL_ERROR);
            return INVALID;
        }
    }

    /** What the user sees when a command fails on a bug (the exception's text may hold secrets or Java names). */
    static final String INTERNAL_ERROR = "error: internal error in multistep; please report it with the command line"
            + " and the task file";

    /** {@code multistep} without a command: a usage error, so the usage goes to stderr. */
    @Override
    public Integer call() {
        System.err.println("error: a command is required");
        CommandLine.usage(this, System.err);
        return INVALID;
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"multistep " + (v == null ? "(development build)" : v)};
        }
    }
}
