package dev.berth.compose.internal;

import dev.berth.compose.ComposeEvent;
import dev.berth.compose.ComposeLogLine;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything {@code docker compose run} takes.
 *
 * @param command      the command replacing the service's, or null
 * @param entrypoint   the entrypoint replacing the service's, or null
 * @param servicePorts {@code --service-ports}: publish the service's ports
 * @param remove       {@code --rm}
 * @param detached     {@code -d}
 * @param output       where attached output goes
 */
public record RunOptions(String service, List<String> command, List<String> entrypoint, Map<String, String> env,
                         String name, String user, String workdir, boolean servicePorts, boolean remove,
                         boolean detached, boolean noDeps, Consumer<ComposeEvent> progress,
                         Consumer<ComposeLogLine> output) {
}
