package dev.berth.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the public API free of docker-java (STYLE point 9): outside {@code …internal} packages, no public member's
 * signature mentions a docker-java type, except the documented escape hatches listed here.
 */
class ApiBoundaryTest {
    private static final Set<String> ESCAPE_HATCHES = Set.of(
            "dev.berth.Engine#dockerClient",
            "dev.berth.container.ContainerSpec$Builder#customize",
            "dev.berth.container.ContainerSpec#customizer",
            "dev.berth.container.ContainerSpec#<init>");

    @Test
    void publicSignatures_doNotExposeDockerJava() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : publicApiClasses()) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                    check(c, m.getName(), m.getGenericReturnType(), leaks);
                    for (Parameter p : m.getParameters()) {
                        check(c, m.getName(), p.getParameterizedType(), leaks);
                    }
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (Modifier.isPublic(k.getModifiers())) {
                    for (Parameter p : k.getParameters()) {
                        check(c, "<init>", p.getParameterizedType(), leaks);
                    }
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers())) {
                    check(c, f.getName(), f.getGenericType(), leaks);
                }
            }
        }
        assertThat(leaks).as("docker-java types in public API signatures").isEmpty();
    }

    @Test
    void dockerfilePackage_isFreeOfDockerJava() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/berth/dockerfile"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("com.github.dockerjava");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList()).isEmpty();
        }
    }

    private static void check(Class<?> owner, String member, Type type, List<String> leaks) {
        if (type.getTypeName().contains("com.github.dockerjava")
                && !ESCAPE_HATCHES.contains(owner.getName() + "#" + member)) {
            leaks.add(owner.getName() + "#" + member + ": " + type.getTypeName());
        }
    }

    private static List<Class<?>> publicApiClasses() throws Exception {
        Path root = Path.of("target/classes");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains(".internal") || name.endsWith("package-info")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, ApiBoundaryTest.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers())) {
                    out.add(c);
                }
            }
        }
        assertThat(out).hasSizeGreaterThan(50);
        return out;
    }
}
