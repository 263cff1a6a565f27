package dev.berth.compose;

import java.util.Objects;

/**
 * One progress line of a Compose command, as Docker Compose prints it: {@code Container demo-web-1  Started}.
 *
 * @param resource {@code Container}, {@code Network}, {@code Volume}, {@code Image}, {@code Service} or, while an image
 *                 is pulled, {@code Layer}
 * @param name     the resource's name (a layer's short id)
 * @param status   Compose's word: Creating, Created, Recreate, Recreated, Starting, Started, Running, Waiting,
 *                 Healthy, Exited, Stopping, Stopped, Removing, Removed, Pulling, Pulled, Building, Built, Warning,
 *                 Error; for a layer, the engine's words (Pulling fs layer, Downloading, Pull complete, Already exists…)
 * @param text     extra detail, often empty
 */
public record ComposeEvent(String resource, String name, String status, String text) {
    public ComposeEvent {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        text = text == null ? "" : text;
    }

    @Override
    public String toString() {
        return " " + resource + " " + name + "  " + status + (text.isEmpty() ? "" : " " + text);
    }
}
