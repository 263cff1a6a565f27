package dev.berth.compose.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.internal.EngineStream;
import dev.berth.internal.Json;
import dev.berth.internal.RawApi;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's container events for one project, kept as the last health status and exit of each container, so
 * waits block on events instead of polling. Subscribe before acting, then read the current state, so nothing is missed.
 */
final class Watch implements AutoCloseable {
    /** What the events said about one container. */
    record Seen(String health, Integer exitCode, long dieCount) {
    }

    private final Map<String, Seen> seen = new HashMap<>();
    private long version;
    private final EngineStream stream;

    /**
     * Subscribes on Berth's own HTTP client; returns once the engine has answered. Callers read the current state
     * (inspect) after this, so a change in the instant before the engine registers the listener is not lost.
     */
    Watch(Api api, String project) {
        String filters = Api.filters(Map.of("type", java.util.List.of("container"),
                "label", java.util.List.of(ComposeLabels.PROJECT + "=" + project)));
        this.stream = RawApi.openStream(api.conn(), "/events?filters=" + filters);
        Thread reader = new Thread(this::read, "berth-compose-events-" + project);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            String line;
            while ((line = stream.nextLine()) != null) {
                if (!line.isBlank()) {
                    accept(Json.read(line));
                }
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // the stream was closed
        }
    }

    private synchronized void accept(JsonNode e) {
        JsonNode actor = e.path("Actor");
        String id = actor.path("ID").asText(e.path("id").asText(""));
        String action = e.path("Action").asText(e.path("status").asText(""));
        Seen s = seen.getOrDefault(id, new Seen(null, null, 0));
        if (action.startsWith("health_status: ")) {
            s = new Seen(action.substring("health_status: ".length()).trim(), s.exitCode(), s.dieCount());
        } else if (action.equals("die")) {
            Integer code = null;
            try {
                code = Integer.valueOf(actor.path("Attributes").path("exitCode").asText());
            } catch (NumberFormatException ignored) {
                code = -1;
            }
            s = new Seen(s.health(), code, s.dieCount() + 1);
        } else if (action.equals("start")) {
            s = new Seen(null, null, s.dieCount());
        } else {
            return;
        }
        seen.put(id, s);
        version++;
        notifyAll();
    }

    /** The last known state of a container from events, if any event was seen. */
    synchronized Optional<Seen> seen(String id) {
        return Optional.ofNullable(seen.get(id));
    }

    /** How many times the container was seen to die since the subscription began. */
    synchronized long deaths(String id) {
        Seen s = seen.get(id);
        return s == null ? 0 : s.dieCount();
    }

    /** Blocks until the container has died more than {@code deathsBefore} times, or the timeout passes. */
    synchronized boolean awaitDeath(String id, long deathsBefore, Duration timeout,
                                    java.util.function.BooleanSupplier giveUp) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (deaths(id) <= deathsBefore) {
            if (giveUp.getAsBoolean()) {
                return false;
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** A counter of the events seen so far; pass it to {@link #awaitChange} to wait for the next one. */
    synchronized long version() {
        return version;
    }

    /** Blocks until an event newer than {@code seenVersion} arrives or the time passes; callers re-check. */
    synchronized void awaitChange(long seenVersion, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (version == seenVersion) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Wakes every waiter, e.g. after a state change observed by another path (a finished stop call). */
    synchronized void poke() {
        notifyAll();
    }

    @Override
    public void close() {
        stream.close();
    }
}
