package dev.berth.release;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a release publishes, checked on the packaged artifacts of this build (so it runs after {@code package}, in
 * Failsafe): the BOM manages exactly the library modules at the build's version; every published module ships
 * sources and javadoc jars; every jar names its JPMS module; and no two modules share a package, so all of them
 * resolve together on the module path.
 */
class ReleaseArtifactsIT {
    private final String version = System.getProperty("berth.version", "");

    @Test
    void bom_managesEveryLibraryModule_atTheBuildsVersion() {
        assertThat(version).as("berth.version (set by release-check's POM)").isNotEmpty();
        assertThat(Reactor.bomVersion()).isEqualTo(version);
        assertThat(Reactor.bomArtifacts()).containsExactlyInAnyOrderElementsOf(
                Reactor.libraries().stream().map(Reactor.Module::artifactId).toList());
    }

    @Test
    void everyPublishedModule_shipsSourcesAndJavadoc() throws IOException {
        for (Reactor.Module m : published()) {
            Path sources = artifact(m, "-sources.jar");
            Path javadoc = artifact(m, "-javadoc.jar");
            try (JarFile s = new JarFile(sources.toFile()); JarFile j = new JarFile(javadoc.toFile())) {
                assertThat(s.stream().anyMatch(e -> e.getName().endsWith(".java"))).as("%s has sources", sources).isTrue();
                assertThat(j.getEntry("index.html")).as("%s has an index.html", javadoc).isNotNull();
            }
        }
    }

    @Test
    void everyJar_namesItsModule_andNoTwoShareAPackage() throws IOException {
        Map<String, String> packageOwner = new HashMap<>();
        Set<String> splits = new TreeSet<>();
        Set<String> names = new TreeSet<>();
        List<Path> jars = published().stream().map(m -> artifact(m, ".jar")).toList();
        for (Path jar : jars) {
            try (JarFile j = new JarFile(jar.toFile())) {
                String declared = j.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
                assertThat(declared).as("Automatic-Module-Name of %s", jar).isNotNull().startsWith("dev.berth.");
            }
            ModuleDescriptor d = ModuleFinder.of(jar).findAll().iterator().next().descriptor();
            assertThat(names.add(d.name())).as("module name %s used twice", d.name()).isTrue();
            for (String p : d.packages()) {
                String other = packageOwner.putIfAbsent(p, d.name());
                if (other != null) {
                    splits.add(p + " in " + other + " and " + d.name());
                }
            }
        }
        assertThat(splits).as("split packages").isEmpty();
        // The module system agrees: all of them resolve together (automatic modules read each other).
        ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
        Configuration cf = Configuration.resolve(finder, List.of(java.lang.ModuleLayer.boot().configuration()),
                ModuleFinder.of(), names);
        assertThat(cf.modules().stream().map(r -> r.name()).collect(Collectors.toSet())).containsAll(names);
        assertThat(finder.findAll().stream().map(ModuleReference::descriptor).allMatch(ModuleDescriptor::isAutomatic))
                .isTrue();
    }

    private static List<Reactor.Module> published() {
        List<Reactor.Module> out = Reactor.modules().stream()
                .filter(m -> m.published() && !m.packaging().equals("pom")).toList();
        assertThat(out).extracting(Reactor.Module::artifactId).contains("berth-core", "berth-maven-plugin");
        return out;
    }

    private Path artifact(Reactor.Module m, String suffix) {
        Path p = m.path().resolve("target").resolve(m.artifactId() + "-" + version + suffix);
        assertThat(p).as("%s packaged (mvn verify)", p).isRegularFile();
        return p;
    }
}
