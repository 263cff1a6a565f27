package dev.berth.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Architecture rules checked on a module's compiled classes (an ArchUnit-style test without ArchUnit): class-level
 * dependencies are read from each class file's constant pool (class entries, and the descriptors and generic
 * signatures of every field, method and local type), public signatures by reflection.
 *
 * <p>The layering it keeps: {@code …internal} packages sit below the public API of their own module. Internal code may
 * use the module's <em>value types</em> (records, enums, sealed value interfaces, exceptions, annotations, the
 * builder-only spec classes, and the few immutable classes a test names) — never {@code Engine}, handles, queries,
 * commands or builders, which are the layer above. It also finds the specs and says what keeps one from growing
 * compatibly; release-check's {@code PublicApiBoundaryTest} applies that to every library module.
 */
public final class Architecture {
    private static final Pattern DESCRIPTOR = Pattern.compile("L(dev/berth/[\\w/$]+)[;<]");

    private final Path classes;
    private final Map<String, Set<String>> dependencies = new TreeMap<>();
    private final Map<String, Set<String>> calls = new TreeMap<>();

    private Architecture(Path classes) {
        this.classes = classes;
        read(classes);
    }

    /** The module whose compiled main classes are in {@code target/classes} of the working directory. */
    public static Architecture ofThisModule() {
        return of(Path.of("target/classes"));
    }

    /** The module whose compiled main classes are in {@code classes}; they must be on this class's class path. */
    public static Architecture of(Path classes) {
        return new Architecture(classes);
    }

    /** Every class of the module, by binary name, with the dev.berth classes it refers to. */
    public Map<String, Set<String>> dependencies() {
        return dependencies;
    }

    /**
     * Every dependency of an internal class on a public class of this module that is not a value type, as
     * {@code "internal.Class -> public.Class"}; {@code alsoValues} names further immutable value classes. A spec's
     * {@code Builder} counts as a value where it is only used to make the spec (every method called on it returns the
     * builder or the spec): that is how internal code constructs a spec, never calling a terminal verb.
     */
    public List<String> internalDependenciesOnTheLayerAbove(Set<String> alsoValues) {
        List<String> out = new ArrayList<>();
        dependencies.forEach((from, tos) -> {
            if (!internal(from)) {
                return;
            }
            for (String to : tos) {
                if (dependencies.containsKey(to) && !internal(to) && !alsoValues.contains(outer(to))
                        && !isValue(load(to)) && !buildsSpecOnly(from, to)) {
                    out.add(from + " -> " + to);
                }
            }
        });
        return out;
    }

    /** Whether {@code to} is a value spec's Builder and {@code from} only calls its value-making methods. */
    private boolean buildsSpecOnly(String from, String to) {
        if (!to.endsWith("$Builder") || !isValue(load(outer(to)))) {
            return false;
        }
        String builder = "L" + to.replace('.', '/') + ";";
        String spec = "L" + outer(to).replace('.', '/') + ";";
        return calls.getOrDefault(from, Set.of()).stream().filter(c -> c.startsWith(to + "#"))
                .allMatch(c -> c.endsWith(")" + builder) || c.endsWith(")" + spec) || c.contains("#<init>("));
    }

    /** The public classes outside internal packages that declare a nested {@code Builder} (the specs). */
    public List<Class<?>> specsWithBuilders() {
        List<Class<?>> out = new ArrayList<>();
        for (String name : dependencies.keySet()) {
            if (!internal(name) && dependencies.containsKey(name + "$Builder")) {
                Class<?> c = load(name);
                if (Modifier.isPublic(c.getModifiers())) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /**
     * What is wrong with the module's specs (public classes with a nested {@code Builder}), by
     * {@link #specProblems(Class, int)}; {@code notSpecs} names classes whose builder configures a tool rather than a
     * value.
     */
    public List<String> specProblems(int maxRecordComponents, Set<String> notSpecs) {
        List<String> out = new ArrayList<>();
        for (Class<?> c : specsWithBuilders()) {
            if (!notSpecs.contains(c.getName())) {
                out.addAll(specProblems(c, maxRecordComponents));
            }
        }
        return out;
    }

    /**
     * What is wrong with one spec: a spec is a builder-only final class (no public constructor, a static
     * {@code builder…} factory, {@code toBuilder()}, private final fields, value equality), so it can grow without
     * breaking callers; only a small record (at most {@code maxRecordComponents} components) may stay a record, and it
     * too offers {@code toBuilder()}.
     */
    public static List<String> specProblems(Class<?> c, int maxRecordComponents) {
        List<String> out = new ArrayList<>();
        String n = c.getName();
        if (!hasPublicMethod(c, "toBuilder", false)) {
            out.add(n + " has no toBuilder()");
        }
        if (c.isRecord()) {
            if (c.getRecordComponents().length > maxRecordComponents) {
                out.add(n + " is a record of " + c.getRecordComponents().length
                        + " components: make it a builder-only class");
            }
            return out;
        }
        if (!isBuilderOnlySpec(c)) {
            out.add(n + " is not final or has a public constructor");
        }
        if (!hasPublicMethod(c, "builder", true)) {
            out.add(n + " has no static builder(…) factory");
        }
        for (Field f : c.getDeclaredFields()) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) && !(Modifier.isPrivate(m) && Modifier.isFinal(m))) {
                out.add(n + "." + f.getName() + " is not private final");
            }
        }
        for (String method : List.of("equals", "hashCode", "toString")) {
            if (Stream.of(c.getDeclaredMethods()).noneMatch(m -> m.getName().equals(method))) {
                out.add(n + " does not declare " + method);
            }
        }
        return out;
    }

    private static boolean hasPublicMethod(Class<?> c, String name, boolean isStatic) {
        return Stream.of(c.getMethods()).anyMatch(m -> m.getName().equals(name)
                && Modifier.isStatic(m.getModifiers()) == isStatic);
    }

    /**
     * A value type: a record, enum, annotation, exception, sealed interface whose permitted classes are all values,
     * or a builder-only spec class (final, no public constructor, {@code toBuilder()}).
     */
    public static boolean isValue(Class<?> c) {
        if (c.isRecord() || c.isEnum() || c.isAnnotation() || Throwable.class.isAssignableFrom(c)) {
            return true;
        }
        if (c.isInterface() && c.isSealed()) {
            return Stream.of(c.getPermittedSubclasses()).allMatch(Architecture::isValue);
        }
        return isBuilderOnlySpec(c);
    }

    /** Final, no public constructor, and a public {@code toBuilder()}. */
    public static boolean isBuilderOnlySpec(Class<?> c) {
        if (!Modifier.isFinal(c.getModifiers()) || c.isMemberClass() && c.getSimpleName().equals("Builder")) {
            return false;
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        try {
            return Modifier.isPublic(c.getMethod("toBuilder").getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean internal(String binaryName) {
        return binaryName.contains(".internal.");
    }

    private static String outer(String binaryName) {
        int dollar = binaryName.indexOf('$');
        return dollar < 0 ? binaryName : binaryName.substring(0, dollar);
    }

    private static Class<?> load(String binaryName) {
        try {
            return Class.forName(binaryName, false, Architecture.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private void read(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.endsWith("package-info") || name.equals("module-info")) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(p)) {
                    Set<String> methods = new TreeSet<>();
                    Set<String> deps = references(in, methods);
                    deps.remove(name);
                    dependencies.put(name, deps);
                    calls.put(name, methods);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (dependencies.isEmpty()) {
            throw new IllegalStateException("No classes under " + root.toAbsolutePath() + "; run after compiling");
        }
    }

    /**
     * The dev.berth classes a class file's constant pool refers to, as binary names; adds the dev.berth methods it
     * calls to {@code methods} as {@code owner#name(descriptor)}.
     */
    static Set<String> references(InputStream classFile, Set<String> methods) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] first = new int[count];
        int[] second = new int[count];
        List<Integer> classEntries = new ArrayList<>();
        List<Integer> methodEntries = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> {
                    first[i] = in.readUnsignedShort();
                    classEntries.add(i);
                }
                case 10, 11, 12 -> {
                    first[i] = in.readUnsignedShort();
                    second[i] = in.readUnsignedShort();
                    if (tag != 12) {
                        methodEntries.add(i);
                    }
                }
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> out = new TreeSet<>();
        for (int entry : methodEntries) {
            String owner = utf8[first[first[entry]]];
            int nameAndType = second[entry];
            if (owner.startsWith("dev/berth/")) {
                methods.add(owner.replace('/', '.') + "#" + utf8[first[nameAndType]] + utf8[second[nameAndType]]);
            }
        }
        for (int entry : classEntries) {
            String n = utf8[first[entry]];
            if (n.startsWith("dev/berth/")) {
                out.add(n.replace('/', '.'));
            } else if (n.startsWith("[")) {
                descriptors(n, out);
            }
        }
        for (String s : utf8) {
            if (s != null && s.contains("Ldev/berth/")) {
                descriptors(s, out);
            }
        }
        return out;
    }

    private static void descriptors(String s, Set<String> out) {
        Matcher m = DESCRIPTOR.matcher(s);
        while (m.find()) {
            out.add(m.group(1).replace('/', '.'));
        }
    }

    @Override
    public String toString() {
        return "Architecture[" + classes + ", " + dependencies.size() + " classes]";
    }
}
