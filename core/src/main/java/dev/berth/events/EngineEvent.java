package dev.berth.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One engine event, as {@code docker events} prints it.
 *
 * @param type       {@code container}, {@code image}, {@code network}, {@code volume}, {@code daemon}, …
 * @param action     e.g. {@code start}, {@code die}, {@code health_status: healthy}
 * @param actorId    the id of the object the event is about
 * @param attributes the actor's attributes (name, image, labels, exitCode, …)
 * @param time       when the engine emitted it, to the nanosecond
 */
public record EngineEvent(String type, String action, String actorId, Map<String, String> attributes, Instant time) {
    public EngineEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actorId, "actorId");
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(time, "time");
    }

    /** An attribute of the actor, or null. */
    public String attribute(String key) {
        return attributes.get(key);
    }
}
