package dev.berth.compose;

import dev.berth.compose.internal.ComposeLoader;
import dev.berth.compose.internal.ModelBinder;
import dev.berth.compose.model.Project;

/**
 * Entry point of the Compose loader: reads compose files exactly as Docker Compose v2 does, in pure Java.
 *
 * <pre>{@code
 * Project p = Compose.load(LoadOptions.builder().file(Path.of("compose.yaml")).profile("debug").build());
 * p.services().get("web").image();
 * System.out.println(p.toJson()); // same as `docker compose config --format json`
 * }</pre>
 */
public final class Compose {
    private Compose() {
    }

    /**
     * Loads a project and binds it to an engine, ready for {@code up}, {@code down} and the other commands.
     *
     * <pre>{@code
     * ComposeProject app = Compose.project(engine, LoadOptions.of(Path.of("compose.yaml")));
     * app.up().waitReady(Duration.ofSeconds(30)).run();
     * }</pre>
     */
    public static ComposeProject project(dev.berth.Engine engine, LoadOptions options) {
        java.util.Objects.requireNonNull(engine, "engine");
        return new ComposeProject(engine, load(options));
    }

    /** Binds an already loaded project to an engine. */
    public static ComposeProject project(dev.berth.Engine engine, Project project) {
        return new ComposeProject(engine, project);
    }

    /** Loads and validates a project; blocks on file reads; throws {@link ComposeFileException} on any problem. */
    public static Project load(LoadOptions options) {
        java.util.Objects.requireNonNull(options, "options");
        return ModelBinder.bind(ComposeLoader.load(options));
    }
}
