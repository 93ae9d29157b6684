package io.multistep.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.multistep.engine.Engine;
import io.multistep.engine.RunOptions;
import io.multistep.test.internal.SharedDocker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * What the extension reports, seen from outside: test classes run through the JUnit test kit. The
 * nested classes are not run by Surefire on their own (it skips nested classes).
 */
class ExtensionBehaviourTest {

    /** A Docker test class. */
    @MultistepTest
    static class NeedsDocker {
        @Test
        void runsSomething(Engine engine, RunOptions.Builder options) {
            throw new AssertionError("must not run without an engine");
        }
    }

    /** Asks for injection into its constructor. */
    @MultistepTest(runtime = MultistepTest.Runtime.FAKE)
    static class ConstructorInjection {
        ConstructorInjection(Engine engine) {}

        @Test
        void test() {}
    }

    /** Names a context folder that does not exist. */
    @MultistepTest(runtime = MultistepTest.Runtime.FAKE)
    @TaskContext("no/such/folder")
    static class MissingContext {
        @Test
        void test(RunOptions.Builder options) {}
    }

    /** No context, no registry. */
    @MultistepTest(runtime = MultistepTest.Runtime.FAKE)
    static class Plain {
        @Test
        void test(RunOptions.Builder options) {
            RunOptions o = options.build();
            assertThat(o.context()).isEmpty();
            assertThat(o.registry()).isEmpty();
        }

        @Test
        void noDockerRuntimeOnFake(io.multistep.docker.DockerRuntime docker) {}
    }

    private static EngineExecutionResults run(Class<?> testClass, String... parameters) {
        var kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass));
        for (int i = 0; i < parameters.length; i += 2) {
            kit = kit.configurationParameter(parameters[i], parameters[i + 1]);
        }
        return kit.execute();
    }

    private static String message(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
    }

    @Test
    void dockerTestsAreSkippedWithAReasonWhenNoEngineAnswers() {
        EngineExecutionResults results = run(NeedsDocker.class, SharedDocker.DOCKER_HOST_PARAMETER, "tcp://127.0.0.1:1");

        results.testEvents().assertStatistics(s -> s.started(0).failed(0));
        List<Event> aborted = results.containerEvents().aborted().list();
        assertThat(aborted).hasSize(1);
        assertThat(message(aborted.get(0)))
                .contains("needs a Docker engine", "no Docker engine answers at tcp://127.0.0.1:1", "runtime = FAKE");
    }

    @Test
    void constructorInjectionIsRefusedWithAnExplanation() {
        EngineExecutionResults results = run(ConstructorInjection.class);
        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(message(results.testEvents().failed().list().get(0)))
                .contains("into test methods and @BeforeEach/@AfterEach methods only");
    }

    @Test
    void aMissingContextFolderFailsTheTestAndSaysWhereItLooked() {
        EngineExecutionResults results = run(MissingContext.class);
        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(message(results.testEvents().failed().list().get(0)))
                .contains("@TaskContext(\"no/such/folder\")", "src/test/resources/no/such/folder");
    }

    @Test
    void withoutContextOrRegistryTheOptionsHaveNone() {
        EngineExecutionResults results = run(Plain.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        assertThat(message(results.testEvents().failed().list().get(0))).contains("No ParameterResolver registered");
    }
}
