package dev.berth.swarm;

import dev.berth.testing.Architecture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The public package imports neither docker-java nor Jackson: those stay in {@code dev.berth.swarm.internal}. */
class PublicApiBoundaryTest {

    @Test
    void publicPackage_doesNotImportImplementationLibraries() throws IOException {
        Path dir = Path.of("src/main/java/dev/berth/swarm");
        List<String> offenders;
        try (Stream<Path> files = Files.list(dir)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(l -> l.startsWith("import com.github.dockerjava")
                            || l.startsWith("import com.fasterxml")).map(l -> p.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void internalPackage_usesValueTypesOnly_andStaysOutOfPublicSignatures() {
        Architecture swarm = Architecture.ofThisModule();
        assertThat(swarm.internalDependenciesOnTheLayerAbove(Set.of())).isEmpty();
        assertThat(swarm.publicSignaturesMentioningInternal()).isEmpty();
    }

    @Test
    void specs_areBuilderOnlyClassesThatCanGrow_smallRecordsAside() {
        Architecture swarm = Architecture.ofThisModule();
        assertThat(swarm.specsWithBuilders()).extracting(Class::getSimpleName).contains("ServiceSpec", "SwarmInit", "OverlayNetworkSpec", "NodeSpec");
        assertThat(swarm.specProblems(4, Set.of())).isEmpty();
    }
}
