package dev.berth.compose.internal;

import dev.berth.Subscription;
import dev.berth.events.EngineEvent;

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
    private final Subscription subscription;

    Watch(Api api, String project) {
        this.subscription = api.engine().events().type("container").label(ComposeLabels.PROJECT, project)
                .subscribe(this::accept);
    }

    private synchronized void accept(EngineEvent e) {
        String id = e.actorId();
        Seen s = seen.getOrDefault(id, new Seen(null, null, 0));
        String action = e.action();
        if (action.startsWith("health_status: ")) {
            s = new Seen(action.substring("health_status: ".length()).trim(), s.exitCode(), s.dieCount());
        } else if (action.equals("die")) {
            Integer code = null;
            try {
                code = Integer.valueOf(e.attribute("exitCode"));
            } catch (NumberFormatException | NullPointerException ignored) {
                code = -1;
            }
            s = new Seen(s.health(), code, s.dieCount() + 1);
        } else if (action.equals("start")) {
            s = new Seen(null, null, s.dieCount());
        } else {
            return;
        }
        seen.put(id, s);
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

    /** Blocks until any event arrives for any container or the time passes; callers re-check their condition. */
    synchronized void awaitChange(Duration max) throws InterruptedException {
        wait(Math.max(1, max.toMillis()));
    }

    /** Wakes every waiter, e.g. after a state change observed by another path (a finished stop call). */
    synchronized void poke() {
        notifyAll();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
