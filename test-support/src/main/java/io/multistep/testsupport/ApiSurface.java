package io.multistep.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API check of a library module (docs/api.md): dumps the public API of the module's
 * exported packages (every package whose name has no {@code internal} segment) from its compiled
 * classes, and compares it with the dump checked in as {@code api/<artifactId>.api}.
 *
 * <p>The dump lists each public type with its {@code @API} status, kind, type parameters, supertypes
 * and permitted subtypes, then its public and protected members with generic signatures, sorted so
 * that it does not depend on declaration or reflection order. {@link #check} also fails when a public
 * top-level type of an exported package has no {@code org.apiguardian.api.API} marker, or when a
 * package under {@code src/main/java} has no {@code package-info.java}. With the system property
 * {@code api.update=true} it rewrites the dump instead of comparing.
 */
public final class ApiSurface {

    /** The annotation that marks a type's stability; read by name, so this module needs no dependency. */
    static final String API_ANNOTATION = "org.apiguardian.api.API";

    private ApiSurface() {}

    /**
     * Checks the module in the current directory (surefire runs tests in the module's directory).
     *
     * @param artifactId the module's artifact id, which names its dump
     * @throws AssertionError listing what differs and how to update the dump
     */
    public static void check(String artifactId) {
        check(Path.of("").toAbsolutePath(), artifactId, Boolean.getBoolean("api.update"));
    }

    /**
     * Checks a module: package-info files, markers, then the dump.
     *
     * @param moduleDir the module's directory (with {@code src/main/java}, {@code target/classes})
     * @param artifactId the module's artifact id
     * @param update whether to rewrite the dump instead of comparing
     * @throws AssertionError listing every problem found and how to fix it
     */
    public static void check(Path moduleDir, String artifactId, boolean update) {
        List<String> problems = new ArrayList<>();
        for (String pkg : packagesWithoutInfo(moduleDir.resolve("src/main/java"))) {
            problems.add("package " + pkg + " has no package-info.java (a one-paragraph Javadoc saying what it is for)");
        }
        List<Class<?>> types = exportedTypes(moduleDir.resolve("target/classes"));
        for (Class<?> type : types) {
            if (type.getEnclosingClass() == null && status(type) == null) {
                problems.add(type.getName() + " has no @API marker (run scripts/api-markers.py)");
            }
        }
        Path dumpFile = moduleDir.resolve("api").resolve(artifactId + ".api");
        String actual = dump(types);
        if (update) {
            write(dumpFile, actual);
        } else {
            String expected = Files.exists(dumpFile) ? read(dumpFile) : "";
            String diff = diff(expected, actual);
            if (!diff.isEmpty()) {
                problems.add("the public API differs from " + moduleDir.getFileName() + "/api/" + artifactId
                        + ".api (- in the dump, + compiled):\n" + diff
                        + "If the change is meant, update the dump and commit it: scripts/api-dump.sh "
                        + moduleDir.getFileName());
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Public API check of " + artifactId + ":\n  "
                    + String.join("\n  ", problems));
        }
    }

    /**
     * The packages under a source root that hold Java files but no {@code package-info.java}.
     *
     * @param sourceRoot a {@code src/main/java} directory
     * @return their names, sorted
     */
    public static List<String> packagesWithoutInfo(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java"))
                    .map(Path::getParent)
                    .distinct()
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .map(dir -> sourceRoot.relativize(dir).toString().replace('/', '.').replace('\\', '.'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The public types of the exported packages under a class directory, loaded by the context class
     * loader, in name order. A nested type counts when it and every type enclosing it are public or
     * protected.
     *
     * @param classes a {@code target/classes} directory
     * @return the types
     */
    public static List<Class<?>> exportedTypes(Path classes) {
        if (!Files.isDirectory(classes)) {
            return List.of();
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (Stream<Path> files = Files.walk(classes)) {
            List<String> names = files.map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".class") && !n.endsWith("package-info.class")
                            && !n.endsWith("module-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .filter(n -> !Arrays.asList(n.split("\\.")).contains("internal"))
                    .sorted()
                    .toList();
            List<Class<?>> types = new ArrayList<>();
            for (String name : names) {
                Class<?> type = Class.forName(name, false, loader);
                if (visible(type)) {
                    types.add(type);
                }
            }
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled class not on the test class path: " + e.getMessage(), e);
        }
    }

    private static boolean visible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
                return false;
            }
            int m = t.getModifiers();
            boolean nestedProtected = t.getEnclosingClass() != null && Modifier.isProtected(m);
            if (!Modifier.isPublic(m) && !nestedProtected) {
                return false;
            }
        }
        return true;
    }

    /**
     * The dump of some types: a header line per type, then its members indented by two spaces.
     *
     * @param types the types, in order
     * @return the dump's text, ending with a newline
     */
    public static String dump(List<Class<?>> types) {
        StringBuilder out = new StringBuilder();
        for (Class<?> type : types) {
            out.append(header(type)).append('\n');
            for (String member : members(type)) {
                out.append("  ").append(member).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String header(Class<?> type) {
        StringBuilder h = new StringBuilder();
        String status = status(type);
        if (status != null) {
            h.append("@API(").append(status).append(") ");
        }
        int mods = type.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL
                | Modifier.ABSTRACT);
        if (type.isInterface()) {
            mods &= ~(Modifier.ABSTRACT | Modifier.STATIC);
        }
        if (type.isEnum() || type.isRecord()) {
            mods &= ~(Modifier.FINAL | Modifier.STATIC);
        }
        String modifiers = Modifier.toString(mods);
        if (!modifiers.isEmpty()) {
            h.append(modifiers).append(' ');
        }
        if (type.isSealed()) {
            h.append("sealed ");
        }
        h.append(type.isAnnotation() ? "@interface" : type.isInterface() ? "interface"
                : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class");
        h.append(' ').append(type.getName()).append(typeParameters(type.getTypeParameters()));
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            h.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0 && !type.isAnnotation()) {
            h.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(interfaces)
                    .map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            h.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(Class::getName)
                    .sorted().collect(Collectors.joining(", ")));
        }
        return h.toString();
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Arrays.stream(variables).map(v -> {
            List<Type> bounds = Arrays.stream(v.getBounds()).filter(b -> b != Object.class).toList();
            return bounds.isEmpty() ? v.getName()
                    : v.getName() + " extends " + bounds.stream().map(Type::getTypeName)
                            .collect(Collectors.joining(" & "));
        }).collect(Collectors.joining(", ", "<", ">"));
    }

    static List<String> members(Class<?> type) {
        TreeSet<String> lines = new TreeSet<>();
        for (Field f : type.getDeclaredFields()) {
            if (shown(f)) {
                lines.add(f.toGenericString());
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (shown(c)) {
                lines.add(c.toGenericString());
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (shown(m) && !m.isBridge()) {
                lines.add(m.toGenericString());
            }
        }
        return List.copyOf(lines);
    }

    private static boolean shown(Member member) {
        int m = member.getModifiers();
        return !member.isSynthetic() && (Modifier.isPublic(m) || Modifier.isProtected(m)
                && !Modifier.isFinal(member.getDeclaringClass().getModifiers()));
    }

    /**
     * A type's own {@code @API} status.
     *
     * @param type the type
     * @return the status' name, or null when the type has no marker
     */
    static String status(Class<?> type) {
        for (Annotation a : type.getDeclaredAnnotations()) {
            if (a.annotationType().getName().equals(API_ANNOTATION)) {
                try {
                    return String.valueOf(a.annotationType().getMethod("status").invoke(a));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    /**
     * What differs between two dumps, type by type: the header of each type that changed, then its
     * lines only in the first ({@code -}) and only in the second ({@code +}).
     *
     * @param expected the checked-in dump
     * @param actual the compiled API's dump
     * @return the difference, empty when the dumps are equal
     */
    public static String diff(String expected, String actual) {
        Map<String, List<String>> before = parse(expected);
        Map<String, List<String>> after = parse(actual);
        TreeMap<String, Boolean> names = new TreeMap<>();
        before.keySet().forEach(k -> names.put(k, true));
        after.keySet().forEach(k -> names.put(k, true));
        StringBuilder out = new StringBuilder();
        for (String name : names.keySet()) {
            List<String> b = before.getOrDefault(name, List.of());
            List<String> a = after.getOrDefault(name, List.of());
            if (Objects.equals(b, a)) {
                continue;
            }
            out.append("    ").append(name).append('\n');
            for (String line : b) {
                if (!a.contains(line)) {
                    out.append("    - ").append(line).append('\n');
                }
            }
            for (String line : a) {
                if (!b.contains(line)) {
                    out.append("    + ").append(line).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Type name → its header and member lines, from a dump. */
    private static Map<String, List<String>> parse(String dump) {
        Map<String, List<String>> types = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : dump.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                current = new ArrayList<>();
                current.add(line);
                types.put(typeName(line), current);
            } else if (current != null) {
                current.add(line.strip());
            }
        }
        return types;
    }

    private static String typeName(String header) {
        String[] words = header.split(" ");
        for (int i = 0; i < words.length - 1; i++) {
            if (List.of("class", "interface", "enum", "record", "@interface").contains(words[i])) {
                String name = words[i + 1];
                int lt = name.indexOf('<');
                return lt < 0 ? name : name.substring(0, lt);
            }
        }
        return header;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
