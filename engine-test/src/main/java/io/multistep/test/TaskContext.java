package io.multistep.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * The folder every injected {@code RunOptions.Builder} uses as the run's context ({@code /workspace}
 * and the build context {@code .}). On a test method it overrides the one on the class.
 *
 * <p>The value is resolved in this order: an absolute path as it is; a folder on the test class path
 * (for example {@code "tasks/hello"} for {@code src/test/resources/tasks/hello}); a path relative to
 * the working directory (Maven runs tests in the module folder, so {@code "src/test/tasks/hello"}
 * works). A value that names no folder fails the test with a message saying where it looked.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface TaskContext {

    /** The folder. @return the path */
    String value();
}
