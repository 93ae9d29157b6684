package io.multistep.test;

import io.multistep.docker.DockerRuntime;
import io.multistep.engine.Engine;
import io.multistep.engine.RunOptions;
import io.multistep.engine.testing.FakeRuntime;
import io.multistep.test.internal.Contexts;
import io.multistep.test.internal.SharedDocker;
import io.multistep.test.internal.TestRuns;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link MultistepTest}; see there. Register it with the annotation
 * (or {@code @ExtendWith(MultistepExtension.class)}, which means {@code runtime = DOCKER}).
 *
 * <p>The Docker engine can be chosen with the JUnit configuration parameter (or system property)
 * {@value io.multistep.test.internal.SharedDocker#DOCKER_HOST_PARAMETER}; by default it is
 * {@code DOCKER_HOST}, else the local socket.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MultistepExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MultistepExtension.class);
    private static final String TEST_RUNS = "test-runs";

    /** Created by JUnit. */
    public MultistepExtension() {}

    @Override
    public void beforeAll(ExtensionContext context) {
        if (settings(context).runtime() == MultistepTest.Runtime.DOCKER) {
            assumeDockerReachable(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        testRuns(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        TestRuns runs = context.getStore(NAMESPACE).remove(TEST_RUNS, TestRuns.class);
        if (runs != null) {
            runs.cleanUp();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == Engine.class || type == RunOptions.Builder.class) {
            return true;
        }
        MultistepTest.Runtime runtime = settings(context).runtime();
        return (type == FakeRuntime.class && runtime == MultistepTest.Runtime.FAKE)
                || (type == DockerRuntime.class && runtime == MultistepTest.Runtime.DOCKER);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("@MultistepTest injects " + parameter.getParameter().getType()
                    .getSimpleName() + " into test methods and @BeforeEach/@AfterEach methods only, not into "
                    + "constructors or @BeforeAll methods (each test gets its own run ids and clean-up)");
        }
        TestRuns runs = testRuns(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Engine.class) {
            return runs.engine();
        }
        if (type == RunOptions.Builder.class) {
            return runs.newOptions();
        }
        if (type == FakeRuntime.class) {
            return runs.fake().orElseThrow();
        }
        return runs.docker().orElseThrow();
    }

    private TestRuns testRuns(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(TEST_RUNS, k -> createTestRuns(context),
                TestRuns.class);
    }

    private TestRuns createTestRuns(ExtensionContext context) {
        Settings settings = settings(context);
        Optional<Path> taskContext = taskContext(context);
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        if (settings.runtime() == MultistepTest.Runtime.FAKE) {
            return TestRuns.fake(name, settings.registry(), taskContext);
        }
        SharedDocker docker = assumeDockerReachable(context);
        return TestRuns.docker(name, docker.runtime(), settings.registry(), taskContext);
    }

    private static SharedDocker assumeDockerReachable(ExtensionContext context) {
        String host = context.getConfigurationParameter(SharedDocker.DOCKER_HOST_PARAMETER).orElse(null);
        SharedDocker docker = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                "docker " + (host == null ? "<default>" : host), k -> SharedDocker.connect(host), SharedDocker.class);
        Assumptions.assumeTrue(docker.unreachable().isEmpty(),
                () -> "Skipped: this @MultistepTest needs a Docker engine, but " + docker.unreachable().orElse(""));
        return docker;
    }

    private record Settings(MultistepTest.Runtime runtime, String registry) {}

    private static Settings settings(ExtensionContext context) {
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            MultistepTest annotation = c.getAnnotation(MultistepTest.class);
            if (annotation != null) {
                return new Settings(annotation.runtime(), annotation.registry());
            }
        }
        // Registered with @ExtendWith(MultistepExtension.class) alone.
        return new Settings(MultistepTest.Runtime.DOCKER, "");
    }

    private static Optional<Path> taskContext(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<TaskContext> onMethod = context.getTestMethod().map(m -> m.getAnnotation(TaskContext.class));
        if (onMethod.isPresent()) {
            return Optional.of(Contexts.resolve(onMethod.get().value(), testClass));
        }
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            TaskContext annotation = ((AnnotatedElement) c).getAnnotation(TaskContext.class);
            if (annotation != null) {
                return Optional.of(Contexts.resolve(annotation.value(), testClass));
            }
        }
        return Optional.empty();
    }
}
