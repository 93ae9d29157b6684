package io.multistep.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class that runs task files. Test methods (and {@code @BeforeEach} methods)
 * may then take these parameters:
 *
 * <ul>
 *   <li>{@link io.multistep.engine.Engine} — an engine on the chosen {@link #runtime()}; the runtime
 *       is shared by the whole test run, the engine records which runs the test started;</li>
 *   <li>{@link io.multistep.engine.RunOptions.Builder} — fresh options for one run: a new run id
 *       for each parameter, the {@link #registry()} and the {@link TaskContext} folder if given;</li>
 *   <li>{@link io.multistep.engine.testing.FakeRuntime} — with {@link Runtime#FAKE}, the scripted
 *       runtime behind the engine (a new one per test), to say what each step prints and returns;</li>
 *   <li>{@link io.multistep.docker.DockerRuntime} — with {@link Runtime#DOCKER}, the shared runtime.</li>
 * </ul>
 *
 * <p>With {@link Runtime#DOCKER}, the tests of the class are <em>skipped</em> (a JUnit assumption,
 * not a failure) when no Docker engine answers; after each test, every container, network and
 * volume of the test's runs is removed, and the test fails if any could not be.
 *
 * <pre>{@code
 * @MultistepTest
 * @TaskContext("src/test/tasks/hello")
 * class HelloTaskTest {
 *     @Test
 *     void greets(Engine engine, RunOptions.Builder options) {
 *         RunResult result = engine.run(TaskSource.file(Path.of("src/test/tasks/hello/acb.yaml")), options.build());
 *         assertThat(result).succeeded().step("hello").outputContains("Hello");
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(MultistepExtension.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface MultistepTest {

    /** Where the steps run. @return the runtime, {@link Runtime#DOCKER} by default */
    Runtime runtime() default Runtime.DOCKER;

    /**
     * The registry every injected {@code RunOptions.Builder} starts with ({@code $Registry},
     * {@code {{.Run.Registry}}}), for example {@code 127.0.0.1:5000}.
     *
     * @return the registry, empty by default
     */
    String registry() default "";

    /** The runtimes a {@link MultistepTest} can run on. */
    enum Runtime {
        /** A real Docker engine ({@code DOCKER_HOST}, else the local socket); tests skip when it does not answer. */
        DOCKER,
        /** The scripted {@link io.multistep.engine.testing.FakeRuntime}: no containers, milliseconds per test. */
        FAKE
    }
}
