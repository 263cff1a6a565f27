package dev.berth.compose.internal;

import dev.berth.compose.ComposeEvent;
import dev.berth.compose.RemoveImages;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Everything {@code docker compose down} takes.
 *
 * @param volumes       {@code -v}: remove named volumes and anonymous volumes of the containers
 * @param images        {@code --rmi}, or null
 * @param removeOrphans {@code --remove-orphans}
 * @param timeout       {@code -t}, or null for each container's own stop timeout
 */
public record DownOptions(boolean volumes, RemoveImages images, boolean removeOrphans, Duration timeout,
                          Consumer<ComposeEvent> progress) {
}
