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

    /** Loads and validates a project; blocks on file reads; throws {@link ComposeFileException} on any problem. */
    public static Project load(LoadOptions options) {
        java.util.Objects.requireNonNull(options, "options");
        return ModelBinder.bind(ComposeLoader.load(options));
    }
}
