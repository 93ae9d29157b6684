package io.multistep.testsupport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API check on small modules compiled here: what it accepts and what it catches. */
class ApiSurfaceTest {

    private static final String MARKER = """
            package org.apiguardian.api;
            import java.lang.annotation.*;
            @Retention(RetentionPolicy.RUNTIME)
            public @interface API {
                enum Status { INTERNAL, EXPERIMENTAL, MAINTAINED, STABLE }
                Status status();
                String since() default "";
            }
            """;

    private static final String WIDGET = """
            package p;
            import org.apiguardian.api.API;
            @API(status = API.Status.STABLE, since = "0.1")
            public final class Widget<T extends Comparable<T>> {
                public java.util.List<T> items(int max) { return java.util.List.of(); }
                void hidden() {}
                public record Part(String name) {}
            }
            """;

    private static final String INFO = "/** p. */\npackage p;\n";

    @TempDir
    Path dir;

    @Test
    void anUnchangedApiPassesAgainstItsDump() throws Exception {
        Path module = module("one", Map.of("p/Widget.java", WIDGET, "p/package-info.java", INFO));
        run(module, true);
        String dump = Files.readString(module.resolve("api/demo.api"));
        assertTrue(dump.contains("@API(STABLE) public final class p.Widget<T extends java.lang.Comparable<T>>"), dump);
        assertTrue(dump.contains("  public java.util.List<T> p.Widget.items(int)"), dump);
        assertTrue(!dump.contains("hidden"), dump);
        assertDoesNotThrow(() -> run(module, false));
    }

    @Test
    void aChangedSignatureFailsWithTheDiffAndHowToUpdate() throws Exception {
        Path before = module("before", Map.of("p/Widget.java", WIDGET, "p/package-info.java", INFO));
        run(before, true);
        Path after = module("after", Map.of("p/Widget.java", WIDGET.replace("items(int max)", "items(long max)"),
                "p/package-info.java", INFO));
        Files.createDirectories(after.resolve("api"));
        Files.copy(before.resolve("api/demo.api"), after.resolve("api/demo.api"));
        AssertionError e = assertThrows(AssertionError.class, () -> run(after, false));
        assertTrue(e.getMessage().contains("- public java.util.List<T> p.Widget.items(int)"), e.getMessage());
        assertTrue(e.getMessage().contains("+ public java.util.List<T> p.Widget.items(long)"), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/api-dump.sh"), e.getMessage());
    }

    @Test
    void aPublicTypeWithoutMarkerAndAPackageWithoutInfoFail() throws Exception {
        Path module = module("bare", Map.of("p/Widget.java", WIDGET.replace("@API(status = API.Status.STABLE, since = \"0.1\")", "")));
        AssertionError e = assertThrows(AssertionError.class, () -> run(module, true));
        assertTrue(e.getMessage().contains("p.Widget has no @API marker"), e.getMessage());
        assertTrue(e.getMessage().contains("package p has no package-info.java"), e.getMessage());
    }

    @Test
    void internalPackagesAreNotPartOfTheDump() throws Exception {
        Path module = module("inner", Map.of("p/internal/Gear.java", "package p.internal; public class Gear {}",
                "p/internal/package-info.java", "package p.internal;"));
        run(module, true);
        assertEquals("", Files.readString(module.resolve("api/demo.api")));
    }

    private Path module(String name, Map<String, String> sources) throws IOException {
        Path module = dir.resolve(name);
        Path src = module.resolve("src/main/java");
        Path markerSrc = module.resolve("marker-src");
        List<String> files = new ArrayList<>();
        for (var e : sources.entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f.toString());
        }
        Path marker = markerSrc.resolve("org/apiguardian/api/API.java");
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, MARKER);
        Path markerClasses = module.resolve("marker-classes");
        Path classes = module.resolve("target/classes");
        Files.createDirectories(markerClasses);
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", markerClasses.toString(), marker.toString()));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", markerClasses.toString()));
        args.addAll(files);
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)));
        return module;
    }

    private static void run(Path module, boolean update) throws Exception {
        URL[] path = {module.resolve("target/classes").toUri().toURL(), module.resolve("marker-classes").toUri().toURL()};
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(loader);
            ApiSurface.check(module, "demo", update);
        } finally {
            thread.setContextClassLoader(saved);
        }
    }
}
