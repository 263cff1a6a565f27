package dev.berth.junit.internal;

import dev.berth.compose.LoadOptions;
import dev.berth.container.ContainerSpec;
import dev.berth.container.Mount;
import dev.berth.container.NetworkAttachment;
import dev.berth.junit.FixtureException;
import dev.berth.junit.Managed;
import dev.berth.network.NetworkSpec;
import dev.berth.volume.VolumeSpec;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the {@code @Managed} fields of a test class into fixtures, adds the dependencies their specs imply (a
 * container joining a network fixture's network or mounting a volume fixture's volume), checks the declarations and
 * orders them so dependencies come first.
 */
public final class FixtureGraph {
    private FixtureGraph() {
    }

    /** The static fixtures of the class, dependencies first. */
    public static List<Fixture> ofClass(Class<?> testClass) {
        return order(read(testClass, null, ModifierSupport::isStatic), Map.of(), "class " + testClass.getSimpleName());
    }

    /** The instance fixtures of a test instance, dependencies first; they may depend on the class's static ones. */
    public static List<Fixture> ofInstance(Object instance) {
        Class<?> c = instance.getClass();
        List<Fixture> declared = read(c, instance, ModifierSupport::isNotStatic);
        if (declared.isEmpty()) {
            return declared; // most classes: only static fixtures, read once per class
        }
        Map<String, Fixture> outside = new LinkedHashMap<>();
        read(c, null, ModifierSupport::isStatic).forEach(f -> outside.put(f.field(), f));
        return order(declared, outside, "class " + c.getSimpleName());
    }

    private static List<Fixture> read(Class<?> c, Object instance, Predicate<Field> which) {
        List<Fixture> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Field field : AnnotationSupport.findAnnotatedFields(c, Managed.class, which, HierarchyTraversalMode.TOP_DOWN)) {
            String where = "field '" + field.getName() + "' of " + c.getSimpleName();
            if (!names.add(field.getName())) {
                throw new FixtureException("Two @Managed fields are named '" + field.getName() + "' in the hierarchy of "
                        + c.getSimpleName() + "; rename one, since dependsOn and injection go by name");
            }
            Managed m = field.getAnnotation(Managed.class);
            if (!m.value().isEmpty()) {
                throw new FixtureException("@Managed(\"" + m.value() + "\") on " + where + ": the value names a field"
                        + " only on parameters; drop it here");
            }
            Object value = ReflectionSupport.tryToReadFieldValue(field, instance)
                    .getOrThrow(e -> new FixtureException("Cannot read " + where, e));
            out.add(fixture(field.getName(), value, m, where));
        }
        return out;
    }

    private static Fixture fixture(String name, Object value, Managed m, String where) {
        Set<String> deps = Set.of(m.dependsOn());
        Duration timeout = Duration.ofSeconds(m.startTimeoutSeconds());
        if (m.startTimeoutSeconds() <= 0) {
            throw new FixtureException("@Managed(startTimeoutSeconds = " + m.startTimeoutSeconds() + ") on " + where
                    + " must be positive");
        }
        boolean containerOnly = m.waitForPorts().length > 0 || !m.waitForLog().isEmpty();
        if (containerOnly && !(value instanceof ContainerSpec)) {
            throw new FixtureException("waitForPorts and waitForLog on " + where + " apply to containers only");
        }
        if (value instanceof ContainerSpec spec) {
            return new ContainerFixture(name, spec, Arrays.stream(m.waitForPorts()).boxed().toList(), m.waitForLog(),
                    timeout, m.reuse(), deps);
        }
        if (value instanceof NetworkSpec spec) {
            return new NetworkFixture(name, spec, m.reuse(), deps);
        }
        if (value instanceof VolumeSpec spec) {
            return new VolumeFixture(name, spec, m.reuse(), deps);
        }
        if (value instanceof LoadOptions options) {
            return new ComposeFixture(name, options, timeout, m.reuse(), deps);
        }
        throw new FixtureException((value == null ? "@Managed " + where + " is null"
                : "@Managed " + where + " holds a " + value.getClass().getName())
                + "; a @Managed field holds what to start: a ContainerSpec, NetworkSpec, VolumeSpec or Compose"
                + " LoadOptions (the started Container, Network, Volume or ComposeProject is injected as a parameter)");
    }

    /** Adds implied dependencies, checks every dependency, and sorts dependencies first. */
    static List<Fixture> order(List<Fixture> declared, Map<String, Fixture> outside, String owner) {
        Map<String, Fixture> all = new LinkedHashMap<>(outside);
        declared.forEach(f -> all.put(f.field(), f));
        Map<String, Fixture> byField = new LinkedHashMap<>();
        for (Fixture f : declared) {
            byField.put(f.field(), f.withDependencies(implied(f, declared)));
        }
        for (Fixture f : byField.values()) {
            for (String d : f.dependsOn()) {
                Fixture dep = all.get(d);
                if (dep == null || d.equals(f.field())) {
                    throw new FixtureException("Fixture '" + f.field() + "' of " + owner + " depends on '" + d
                            + "', which is " + (dep == null ? "not a @Managed field of " + owner : "itself")
                            + "; fixtures " + new java.util.TreeSet<>(all.keySet()) + " can be named in dependsOn");
                }
                if (f.reuse() && !dep.reuse()) {
                    throw new FixtureException("Reusable fixture '" + f.field() + "' of " + owner + " depends on '" + d
                            + "', which is removed after the run; mark '" + d + "' reuse = true too");
                }
            }
        }
        List<Fixture> sorted = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        Set<String> done = new HashSet<>();
        for (Fixture f : byField.values()) {
            visit(f, byField, visiting, done, sorted, owner);
        }
        return sorted;
    }

    // Tracks fields by name, not fixtures by equals: a record's first equals costs a cold JVM ~10 ms.
    private static void visit(Fixture f, Map<String, Fixture> scope, Set<String> path, Set<String> done,
                              List<Fixture> sorted, String owner) {
        if (done.contains(f.field())) {
            return;
        }
        if (!path.add(f.field())) {
            throw new FixtureException("The fixtures of " + owner + " depend on each other in a cycle through '"
                    + f.field() + "' (" + path + "); break it in dependsOn");
        }
        for (String d : f.dependsOn()) {
            Fixture dep = scope.get(d);
            if (dep != null) {
                visit(dep, scope, path, done, sorted, owner);
            }
        }
        path.remove(f.field());
        done.add(f.field());
        sorted.add(f);
    }

    /** Network and volume fixtures of the same scope that a container's spec names. */
    private static Set<String> implied(Fixture f, List<Fixture> scope) {
        if (!(f instanceof ContainerFixture c)) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        c.spec().networks().stream().map(NetworkAttachment::network).forEach(names::add);
        c.spec().mounts().stream().filter(m -> m instanceof Mount.Volume).map(m -> ((Mount.Volume) m).name())
                .flatMap(java.util.Optional::stream).forEach(names::add);
        Set<String> deps = new HashSet<>();
        for (Fixture other : scope) {
            if ((other instanceof NetworkFixture || other instanceof VolumeFixture)
                    && !other.referenceName().isEmpty() && names.contains(other.referenceName())) {
                deps.add(other.field());
            }
        }
        return deps;
    }
}
