package dev.berth.compose.internal;

import dev.berth.compose.ComposeEvent;
import dev.berth.compose.ComposeLogLine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything {@code docker compose up} takes, as one value.
 *
 * @param services      the services to bring up with their dependencies; empty for all
 * @param scale         replica counts overriding the file ({@code --scale})
 * @param recreate      DIVERGED (default), FORCE ({@code --force-recreate}) or NEVER ({@code --no-recreate})
 * @param pull          pull policy override ({@code --pull}), or null
 * @param waitTimeout   {@code --wait} timeout, or null not to wait
 * @param timeout       stop timeout for replaced containers ({@code -t}), or null for each container's own
 * @param logs          where attached output goes; null when detached
 */
public record UpOptions(List<String> services, Map<String, Integer> scale, boolean removeOrphans, Recreate recreate,
                        boolean build, boolean noBuild, String pull, Duration waitTimeout, Duration timeout, boolean noStart,
                        boolean noDeps, Consumer<ComposeEvent> progress, Consumer<ComposeLogLine> logs) {

    /** Which up-to-date or diverged containers to recreate. */
    public enum Recreate { DIVERGED, FORCE, NEVER }

    public UpOptions {
        services = List.copyOf(services);
        scale = Map.copyOf(scale);
    }
}
