package dev.berth.swarm.internal;

import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.Subscription;
import dev.berth.events.EngineEvent;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Engine events that may mean a service's tasks changed: events about the service itself, about any node, and about
 * the containers of its tasks on the engine's own node; or, for a stack's removal, networks being destroyed. Each
 * wakes the waiter at once; closing stops the stream.
 */
public final class Wakeups implements AutoCloseable {
    /** The container label the swarm puts on task containers. */
    public static final String SERVICE_ID_LABEL = "com.docker.swarm.service.id";
    private final Semaphore signal = new Semaphore(0);
    private final AtomicBoolean nodeChanged = new AtomicBoolean(true);
    private final Subscription subscription;

    private Wakeups(Engine engine, String serviceId) {
        this.subscription = engine.events().type("service").type("node").type("container")
                .subscribe(e -> accept(e, serviceId));
    }

    private Wakeups(Engine engine) {
        this.subscription = engine.events().type("network").subscribe(e -> {
            if (e.action().equals("destroy") && signal.availablePermits() == 0) {
                signal.release();
            }
        });
    }

    /** Subscribes to the engine's events for the service with this id (null: every service). */
    public static Wakeups forService(Engine engine, String serviceId) {
        return new Wakeups(engine, serviceId);
    }

    /** Subscribes to the engine's {@code network destroy} events. */
    public static Wakeups forRemovedNetworks(Engine engine) {
        return new Wakeups(engine);
    }

    private void accept(EngineEvent e, String serviceId) {
        boolean relevant = switch (e.type()) {
            case "service" -> serviceId == null || serviceId.equals(e.actorId());
            case "node" -> {
                nodeChanged.set(true);
                yield true;
            }
            case "container" -> e.attribute(SERVICE_ID_LABEL) != null
                    && (serviceId == null || serviceId.equals(e.attribute(SERVICE_ID_LABEL)));
            default -> false;
        };
        if (relevant && signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Waits until an event arrives or {@code max} passes; returns whether an event came. */
    public boolean await(Duration max) {
        try {
            boolean got = signal.tryAcquire(Math.max(0, max.toNanos()), TimeUnit.NANOSECONDS);
            signal.drainPermits();
            return got;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while waiting for swarm events", e);
        }
    }

    /** Whether a node event arrived since the last call (true on the first call). */
    public boolean nodesChanged() {
        return nodeChanged.getAndSet(false);
    }

    @Override
    public void close() {
        subscription.close();
    }
}
