package io.multistep.test.internal;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Resolves a {@code @TaskContext} value to a folder. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Contexts {
    private Contexts() {}

    /**
     * Resolves the folder: absolute path, then a folder on the test class path, then a path relative
     * to the working directory.
     *
     * @param value the annotation's value
     * @param testClass the test class (for its class loader)
     * @return the folder, absolute and normalized
     * @throws ExtensionConfigurationException when no such folder exists
     */
    public static Path resolve(String value, Class<?> testClass) {
        if (value == null || value.isBlank()) {
            throw new ExtensionConfigurationException("@TaskContext needs a folder, got an empty value on " + testClass.getName());
        }
        Path given = Path.of(value);
        if (given.isAbsolute()) {
            if (Files.isDirectory(given)) {
                return given.normalize();
            }
            throw new ExtensionConfigurationException("@TaskContext(\"" + value + "\") on " + testClass.getName()
                    + ": no such folder");
        }
        String resource = value.replace('\\', '/');
        while (resource.startsWith("/")) {
            resource = resource.substring(1);
        }
        ClassLoader loader = testClass.getClassLoader();
        URL url = loader == null ? null : loader.getResource(resource);
        if (url != null && "file".equals(url.getProtocol())) {
            try {
                Path dir = Path.of(url.toURI());
                if (Files.isDirectory(dir)) {
                    return dir.toAbsolutePath().normalize();
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // fall through to the working directory
            }
        }
        Path relative = given.toAbsolutePath().normalize();
        if (Files.isDirectory(relative)) {
            return relative;
        }
        throw new ExtensionConfigurationException("@TaskContext(\"" + value + "\") on " + testClass.getName()
                + ": no such folder on the test class path (for example src/test/resources/" + resource
                + ") nor at " + relative);
    }
}
