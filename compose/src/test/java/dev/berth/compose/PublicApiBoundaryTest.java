package dev.berth.compose;

import dev.berth.testing.Architecture;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Compose engine's public API mentions no docker-java or Jackson type (STYLE point 9). */
class PublicApiBoundaryTest {
    private static final List<Class<?>> API = List.of(Compose.class, ComposeProject.class, UpCommand.class,
            DownCommand.class, LogsCommand.class, RunCommand.class, UpResult.class, ServiceContainer.class,
            ServiceImage.class, ComposeEvent.class, ComposeLogLine.class, ComposeException.class, RemoveImages.class);

    @Test
    void publicSignatures_doNotExposeImplementationLibraries() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : API) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                check(c, m.getName(), m.getGenericReturnType(), leaks);
                for (Parameter p : m.getParameters()) {
                    check(c, m.getName(), p.getParameterizedType(), leaks);
                }
            }
            if (c.isRecord()) {
                for (RecordComponent r : c.getRecordComponents()) {
                    check(c, r.getName(), r.getGenericType(), leaks);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void internalPackage_usesValueTypesOnly_andStaysOutOfPublicSignatures() {
        Architecture compose = Architecture.ofThisModule();
        // The project model's root is an immutable final class, not a record.
        assertThat(compose.internalDependenciesOnTheLayerAbove(Set.of("dev.berth.compose.model.Project"))).isEmpty();
        assertThat(compose.publicSignaturesMentioningInternal()).isEmpty();
    }

    private static void check(Class<?> c, String member, Type t, List<String> leaks) {
        String name = t.getTypeName();
        if (name.contains("com.github.dockerjava") || name.contains("com.fasterxml")) {
            leaks.add(c.getSimpleName() + "#" + member + ": " + name);
        }
    }

    @Test
    void specs_areBuilderOnlyClassesThatCanGrow_smallRecordsAside() {
        Architecture compose = Architecture.ofThisModule();
        assertThat(compose.specsWithBuilders()).extracting(Class::getSimpleName).contains("LoadOptions");
        assertThat(compose.specProblems(4, Set.of())).isEmpty();
    }
}
