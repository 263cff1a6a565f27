package dev.berth.compose.internal;

import dev.berth.compose.model.FileObject;
import dev.berth.compose.model.Network;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.Volume;

import java.util.Map;

/**
 * Lets the loader create {@link Project}s, whose constructor stays private so that no internal type
 * ({@link LoadResult}) appears in the public API. {@code Project} registers its constructor when initialised.
 */
public final class ProjectAccess {
    /** {@link Project}'s constructor. */
    @FunctionalInterface
    public interface Factory {
        Project create(LoadResult source, Map<String, Service> services, Map<String, Service> disabledServices,
                       Map<String, Network> networks, Map<String, Volume> volumes, Map<String, FileObject> secrets,
                       Map<String, FileObject> configs, Map<String, Object> extensions);
    }

    private static volatile Factory factory;

    private ProjectAccess() {
    }

    /** Called once by {@link Project}'s static initialiser. */
    public static void register(Factory f) {
        factory = f;
    }

    /** The registered factory, initialising {@link Project} first if no project was made yet. */
    static Factory factory() {
        if (factory == null) {
            try {
                Class.forName(Project.class.getName(), true, Project.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return factory;
    }
}
