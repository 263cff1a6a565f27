package dev.berth.release;

import dev.berth.testing.Architecture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API boundary of every library module (STYLE point 9), checked as a rule over compiled classes rather
 * than a list of today's types: in every accessible class outside {@code …internal} packages, no public or protected
 * signature — methods, constructors, fields, record components, supertypes, type bounds, thrown exceptions — mentions
 * a type from an {@code internal} package (of any module) or from an implementation library (Jackson, RE2/J, Apache
 * HttpClient, commons-compress, snakeyaml). docker-java types may appear only in the documented escape hatches:
 * members named {@code dockerClient}, {@code customize} or {@code customizer}, and the canonical
 * constructor of a record with such a component. And every spec (a public class with a nested {@code Builder}) can
 * grow without breaking callers: a builder-only final class, or a small record, with {@code toBuilder()}.
 */
class PublicApiBoundaryTest {
    private static final String DOCKER_JAVA = "com.github.dockerjava.";
    private static final List<String> IMPLEMENTATION_LIBRARIES = List.of("com.fasterxml.", "org.apache.hc.",
            "org.apache.commons.compress.", "org.snakeyaml.", "com.google.re2j.");
    private static final Set<String> ESCAPE_HATCHES = Set.of("dockerClient", "customize", "customizer");
    /** Records with more components than this must become builder-only classes. */
    private static final int MAX_RECORD_COMPONENTS = 4;
    /** Classes whose builder configures a tool (the linter's rules and thresholds), not a value to run or create. */
    private static final Set<String> NOT_SPECS = Set.of("dev.berth.dockerfile.lint.DockerfileLinter");

    @Test
    void publicSignatures_ofEveryLibraryModule_stayInsideTheBoundary() throws Exception {
        Set<String> leaks = new TreeSet<>();
        int classes = 0;
        for (Reactor.Module module : Reactor.libraries()) {
            List<Class<?>> api = apiClasses(module.path().resolve("target/classes"));
            assertThat(api).as("public classes of %s", module.artifactId()).isNotEmpty();
            classes += api.size();
            for (Class<?> c : api) {
                check(c, leaks);
            }
        }
        assertThat(classes).as("public API classes checked").isGreaterThan(200);
        assertThat(leaks).as("internal or implementation types in public signatures").isEmpty();
    }

    @Test
    void specs_ofEveryLibraryModule_areBuilderOnlyClassesThatCanGrow() {
        List<String> specs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Reactor.Module module : Reactor.libraries()) {
            Architecture classes = Architecture.of(module.path().resolve("target/classes"));
            classes.specsWithBuilders().forEach(c -> specs.add(c.getSimpleName()));
            problems.addAll(classes.specProblems(MAX_RECORD_COMPONENTS, NOT_SPECS));
        }
        assertThat(specs).contains("ContainerSpec", "NetworkSpec", "VolumeSpec", "BuildSpec", "EngineConfig",
                "PruneSpec", "EndpointSpec", "LoadOptions", "ServiceSpec", "SwarmInit", "OverlayNetworkSpec", "NodeSpec");
        assertThat(problems).isEmpty();
    }

    @Test
    void specRule_catchesWhatItIsMeantToCatch() {
        assertThat(Architecture.specProblems(BigRecord.class, MAX_RECORD_COMPONENTS))
                .anyMatch(p -> p.contains("is a record of 5 components")).anyMatch(p -> p.contains("no toBuilder()"));
        assertThat(Architecture.specProblems(OpenSpec.class, MAX_RECORD_COMPONENTS))
                .anyMatch(p -> p.contains("not final or has a public constructor"))
                .anyMatch(p -> p.contains("OpenSpec.image is not private final"))
                .anyMatch(p -> p.contains("does not declare equals"));
        assertThat(Architecture.specProblems(SmallRecord.class, MAX_RECORD_COMPONENTS)).isEmpty();
    }

    /** A spec record too big to grow compatibly, without toBuilder(). */
    public record BigRecord(String a, String b, String c, String d, String e) {
        public static final class Builder {
        }
    }

    /** A small record spec: allowed. */
    public record SmallRecord(String a) {
        public Builder toBuilder() {
            return new Builder();
        }

        public static final class Builder {
        }
    }

    /** A spec class that callers could construct and change. */
    public static class OpenSpec {
        public String image;

        public OpenSpec() {
        }

        public static Builder builder() {
            return new Builder();
        }

        public Builder toBuilder() {
            return new Builder();
        }

        public static final class Builder {
        }
    }

    /**
     * Code that must not use docker-java or Jackson at all, not even inside: the Dockerfile model and linter (pure
     * text, usable without an engine) and swarm's public package (its engine calls live in swarm.internal).
     */
    @Test
    void engineFreePackages_doNotUseDockerJavaOrJackson() throws IOException {
        Map<Path, Boolean> packages = Map.of(
                Reactor.ROOT.resolve("core/src/main/java/dev/berth/dockerfile"), true,
                Reactor.ROOT.resolve("swarm/src/main/java/dev/berth/swarm"), false);
        List<String> offenders = new ArrayList<>();
        for (Map.Entry<Path, Boolean> pkg : packages.entrySet()) {
            assertThat(pkg.getKey()).isDirectory();
            try (Stream<Path> files = pkg.getValue() ? Files.walk(pkg.getKey()) : Files.list(pkg.getKey())) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    if (text.contains("com.github.dockerjava") || text.contains("com.fasterxml")) {
                        offenders.add(Reactor.ROOT.relativize(f).toString());
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void rule_catchesWhatItIsMeantToCatch() {
        Set<String> leaks = new TreeSet<>();
        check(Leaky.class, leaks);
        assertThat(leaks).anyMatch(l -> l.contains("Leaky#client") && l.contains("com.github.dockerjava.api.DockerClient"))
                .anyMatch(l -> l.contains("Leaky#json") && l.contains("com.fasterxml.jackson"))
                .anyMatch(l -> l.contains("Leaky#<init>") && l.contains("dev.berth.release.internal.Hidden"))
                .noneMatch(l -> l.contains("Leaky#dockerClient"))
                .noneMatch(l -> l.contains("hidden"));
    }

    /** A class that breaks the rule in several ways, to show the check sees each. */
    public static class Leaky {
        public Leaky(dev.berth.release.internal.Hidden hidden) {
        }

        public com.github.dockerjava.api.DockerClient client() {
            return null;
        }

        public com.github.dockerjava.api.DockerClient dockerClient() {
            return null;
        }

        public List<? extends com.fasterxml.jackson.databind.JsonNode> json() {
            return List.of();
        }

        com.github.dockerjava.api.DockerClient hidden() {
            return null;
        }
    }

    private static void check(Class<?> c, Set<String> leaks) {
        String owner = c.getName();
        if (c.getGenericSuperclass() != null) {
            report(owner + " extends", c.getGenericSuperclass(), false, leaks);
        }
        for (Type t : c.getGenericInterfaces()) {
            report(owner + " implements", t, false, leaks);
        }
        for (TypeVariable<?> v : c.getTypeParameters()) {
            report(owner + "<" + v.getName() + ">", v, false, leaks);
        }
        Set<String> hatchComponents = new HashSet<>();
        if (c.isRecord()) {
            for (RecordComponent r : c.getRecordComponents()) {
                if (ESCAPE_HATCHES.contains(r.getName())) {
                    hatchComponents.add(r.getName());
                }
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (visible(m) && !m.isSynthetic() && !m.isBridge()) {
                boolean hatch = ESCAPE_HATCHES.contains(m.getName());
                report(owner + "#" + m.getName(), m.getGenericReturnType(), hatch, leaks);
                checkExecutable(owner + "#" + m.getName(), m, hatch, leaks);
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (visible(k) && !k.isSynthetic()) {
                checkExecutable(owner + "#<init>", k, !hatchComponents.isEmpty(), leaks);
            }
        }
        for (Field f : c.getDeclaredFields()) {
            if (visible(f) && !f.isSynthetic()) {
                report(owner + "#" + f.getName(), f.getGenericType(), ESCAPE_HATCHES.contains(f.getName()), leaks);
            }
        }
    }

    private static void checkExecutable(String where, Executable e, boolean hatch, Set<String> leaks) {
        for (Type t : e.getGenericParameterTypes()) {
            report(where, t, hatch, leaks);
        }
        for (Type t : e.getGenericExceptionTypes()) {
            report(where, t, false, leaks);
        }
        for (TypeVariable<?> v : e.getTypeParameters()) {
            report(where, v, hatch, leaks);
        }
    }

    private static void report(String where, Type type, boolean escapeHatch, Set<String> leaks) {
        Set<Class<?>> mentioned = new HashSet<>();
        collect(type, mentioned, new HashSet<>());
        for (Class<?> m : mentioned) {
            String name = m.getName();
            boolean internal = ("." + m.getPackageName() + ".").contains(".internal.");
            boolean dockerJava = name.startsWith(DOCKER_JAVA) && !escapeHatch;
            boolean library = IMPLEMENTATION_LIBRARIES.stream().anyMatch(name::startsWith);
            if (internal || dockerJava || library) {
                leaks.add(where + ": " + name);
            }
        }
    }

    private static void collect(Type t, Set<Class<?>> out, Set<Type> seen) {
        if (!seen.add(t)) {
            return;
        }
        if (t instanceof Class<?> c) {
            out.add(c.isArray() ? c.getComponentType() : c);
        } else if (t instanceof ParameterizedType p) {
            collect(p.getRawType(), out, seen);
            if (p.getOwnerType() != null) {
                collect(p.getOwnerType(), out, seen);
            }
            for (Type a : p.getActualTypeArguments()) {
                collect(a, out, seen);
            }
        } else if (t instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds())).forEach(b -> collect(b, out, seen));
        } else if (t instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), out, seen);
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                collect(b, out, seen);
            }
        }
    }

    private static boolean visible(Member m) {
        return Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers());
    }

    /** Accessible classes outside internal packages: public top-level ones and their public or protected members. */
    private static List<Class<?>> apiClasses(Path classes) throws IOException {
        if (!Files.isDirectory(classes)) {
            throw new AssertionError(classes + " is missing; build the reactor (mvn verify) so every module is compiled");
        }
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (("." + name).contains(".internal.") || name.endsWith("package-info") || name.endsWith("module-info")
                        || name.contains("$")) {
                    continue;
                }
                Class<?> c = load(name);
                if (Modifier.isPublic(c.getModifiers())) {
                    addWithMembers(c, out);
                }
            }
        }
        return out;
    }

    private static void addWithMembers(Class<?> c, List<Class<?>> out) {
        out.add(c);
        for (Class<?> nested : c.getDeclaredClasses()) {
            if (Modifier.isPublic(nested.getModifiers()) || Modifier.isProtected(nested.getModifiers())) {
                addWithMembers(nested, out);
            }
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublicApiBoundaryTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " is compiled but not on the test classpath; release-check must depend on"
                    + " every library module", e);
        }
    }
}
