package io.multistep.examples;

import io.multistep.engine.Engine;
import io.multistep.engine.RunHandle;
import io.multistep.engine.RunOptions;
import io.multistep.engine.RunResult;
import io.multistep.engine.SecretResolvers;
import io.multistep.engine.StepResult;
import io.multistep.engine.TaskSource;
import io.multistep.engine.spi.ContainerRuntime;
import io.multistep.engine.spi.RunSetup;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeSession;
import io.multistep.engine.spi.SecretResolutionException;
import io.multistep.engine.spi.SecretResolver;
import io.multistep.engine.spi.StepAttempt;
import io.multistep.engine.spi.StepOutcome;
import io.multistep.engine.spi.StepOutput;
import io.multistep.spec.CmdStep;
import io.multistep.spec.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The code snippets of docs/java-api.md and docs/extending.md, compiled (and partly run by
 * {@link DocsExamplesTest}) so the documents cannot drift from the API. Each region between
 * {@code // tag::name[]} and {@code // end::name[]} appears verbatim in a document.
 */
final class DocsExamples {

    private DocsExamples() {}

    static Engine engineWithSecrets(ContainerRuntime runtime) {
        // tag::engine-builder[]
        Engine engine = Engine.builder()
                .runtime(runtime)                                             // where steps run (required)
                .secretResolver(SecretResolvers.fromEnvironment("ACB_SECRET_")) // {{.Secrets.x}} from $ACB_SECRET_X
                .secretResolver(SecretResolvers.fromMap(Map.of("token", "s3cr3t")))
                .maxParallelSteps(4)                                          // default: unlimited
                .build();
        // end::engine-builder[]
        return engine;
    }

    static RunResult runWithOptions(Engine engine, Path folder) {
        // tag::run-options[]
        RunOptions options = RunOptions.builder()
                .runId("build-42")                   // {{.Run.ID}}, $ID (default: a random UUID)
                .registry("127.0.0.1:5000")          // {{.Run.Registry}}, $Registry
                .value("tag", "v1")                  // {{.Values.tag}}
                .set("env=prod")                     // like --set: always a string, wins over value(...)
                .context(folder)                     // /workspace of every step, build context "."
                .totalTimeout(Duration.ofMinutes(10)) // the whole run
                .build();
        RunResult result = engine.run(TaskSource.file(folder.resolve("acb.yaml")), options);
        // end::run-options[]
        return result;
    }

    static void printResult(RunResult result) {
        // tag::results[]
        System.out.println("run " + result.runId() + ": " + result.status() + " in " + result.duration());
        result.failureMessage().ifPresent(System.out::println);   // failed to run step ID: test: exit status 1
        for (StepResult step : result.steps()) {                  // every step, in file order, skipped ones too
            System.out.println(step.summaryLine());
            step.failure().ifPresent(f -> System.out.println("  " + f.reason() + ": " + f.message()));
            step.outputTail().forEach(line -> System.out.println("  | " + line)); // last 50 lines, masked
        }
        result.images().forEach(image -> System.out.println(image.reference() + " " + image.digest()));
        // end::results[]
    }

    static RunResult startAndCancel(Engine engine, String taskText) throws InterruptedException, ExecutionException {
        // tag::cancel[]
        RunHandle handle = engine.start(TaskSource.text(taskText, "acb.yaml"), RunOptions.defaults());
        try {
            return handle.result().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            handle.cancel();                    // stops running steps, skips the rest, removes the run's resources
            return handle.result().get();       // status CANCELLED
        }
        // end::cancel[]
    }

    // tag::secret-resolver[]
    /** Resolves secrets whose keyvault URL starts with "vault://" from an in-house vault client. */
    static final class InHouseVaultResolver implements SecretResolver {
        private final Map<String, String> vault; // stands in for a real client

        InHouseVaultResolver(Map<String, String> vault) {
            this.vault = Map.copyOf(vault);
        }

        @Override
        public boolean supports(Secret secret) {
            return secret.keyvault().startsWith("vault://");
        }

        @Override
        public String resolve(Secret secret) throws SecretResolutionException {
            String name = secret.keyvault().substring("vault://".length());
            String value = vault.get(name);
            if (value == null) {
                // Name the secret, never a value: messages end up in logs.
                throw new SecretResolutionException("no secret " + name + " in the vault (secret ID " + secret.id() + ")");
            }
            return value;
        }
    }
    // end::secret-resolver[]

    // tag::container-runtime[]
    /** A runtime that "runs" cmd steps by printing their command: a starting point for a real one. */
    static final class EchoRuntime implements ContainerRuntime {
        @Override
        public RuntimeSession open(RunSetup setup) {
            // Create the run's networks, workspace and volumes here, labelled with setup.runId().
            return new RuntimeSession() {
                @Override
                public StepOutcome execute(StepAttempt attempt, StepOutput output)
                        throws RuntimeFailure, InterruptedException {
                    if (!(attempt.step() instanceof CmdStep cmd)) {
                        throw new RuntimeFailure(RuntimeFailure.Kind.UNSUPPORTED,
                                "step " + attempt.step().id() + ": only cmd steps are supported");
                    }
                    output.containerStarted("echo-" + attempt.step().id());
                    output.line(StepOutput.Stream.STDOUT, cmd.cmd());
                    if (Thread.interrupted()) {     // the engine interrupts on timeout and cancellation
                        throw new InterruptedException();
                    }
                    return StepOutcome.exited(0);   // non-zero codes are reported, not thrown
                }

                @Override
                public void stop(String stepId) {
                    // Stop and remove the step's container; safe to call at any time, more than once.
                }

                @Override
                public void close() {
                    // Remove everything the run created (except kept containers); never throw.
                }
            };
        }

        @Override
        public String describe() {
            return "echo runtime";
        }
    }
    // end::container-runtime[]
}
