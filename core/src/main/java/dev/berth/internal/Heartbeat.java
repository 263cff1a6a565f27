package dev.berth.internal;

import dev.berth.Labels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one engine session visible as live to other Berth sessions: a {@link Lease} volume, replaced by a fresh one
 * every {@link #PERIOD} on one daemon thread, and removed on {@link #close()}. Engine volumes cannot be relabelled,
 * so each beat is a new volume (created before the previous one is removed, so the session never lacks one).
 */
public final class Heartbeat implements AutoCloseable {
    /** How long one heartbeat lasts for a reader that cannot check the process itself. */
    public static final Duration TTL = Duration.ofSeconds(60);
    /** How often the heartbeat is renewed; TTL / PERIOD beats may be missed before another machine sees it dead. */
    public static final Duration PERIOD = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final Connection conn;
    private final Duration ttl;
    private final ScheduledExecutorService timer;
    private String current;
    private int beats;
    private boolean closed;

    private Heartbeat(Connection conn, Duration ttl) {
        this.conn = conn;
        this.ttl = ttl;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "berth-heartbeat-" + conn.sessionId().substring(0, 8));
            t.setDaemon(true);
            return t;
        });
    }

    /** Publishes the first heartbeat (blocking) and renews it every {@link #PERIOD} until closed. */
    public static Heartbeat start(Connection conn) {
        return start(conn, TTL, PERIOD);
    }

    /** As {@link #start(Connection)} with another time to live and period (tests of the expiry rule). */
    public static Heartbeat start(Connection conn, Duration ttl, Duration period) {
        Heartbeat h = new Heartbeat(conn, ttl);
        try {
            h.beat();
        } catch (RuntimeException e) {
            h.timer.shutdownNow();
            throw Errors.translate(e, "volume", h.name(0), "publish the session heartbeat");
        }
        h.timer.scheduleWithFixedDelay(h::renew, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return h;
    }

    /** The labels of a heartbeat volume of this connection's session. */
    public static Map<String, String> labels(Connection conn, Duration ttl) {
        Map<String, String> labels = new LinkedHashMap<>(conn.labels());
        labels.put(Labels.LEASE, Long.toString(ttl.toSeconds()));
        ProcessKey.self().ifPresent(k -> labels.put(Labels.LEASE_PROCESS, k.label()));
        return labels;
    }

    private void renew() {
        try {
            beat();
        } catch (RuntimeException e) {
            // The next beat tries again; only TTL / PERIOD missed beats in a row let another machine judge us dead.
            LOG.warn("Cannot renew the heartbeat of Berth session {}: {}", conn.sessionId(), Errors.rootMessage(e));
        }
    }

    private synchronized void beat() {
        if (closed) {
            return;
        }
        String next = name(beats++);
        RawApi.callJson(conn, "POST", "/volumes/create", Map.of("Name", next, "Labels", labels(conn, ttl)));
        String previous = current;
        current = next;
        if (previous != null) {
            remove(previous);
        }
    }

    private String name(int beat) {
        return "berth-heartbeat-" + conn.sessionId() + "-" + beat;
    }

    private void remove(String volume) {
        RawApi.deleteIfPresent(conn, "/volumes/" + RawApi.q(volume));
    }

    /**
     * Stops renewing, leaving the current heartbeat on the engine: once this process has exited, other sessions see
     * the session dead and remove what it left. For a session whose cleanup failed.
     */
    public void stop() {
        // No interrupt: a beat in flight finishes its engine call (an interrupt would close a pooled connection).
        timer.shutdown();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            closed = true;
        }
    }

    /** Stops renewing and removes the current heartbeat; the session then counts as ended, not dead. */
    @Override
    public void close() {
        stop();
        String last;
        synchronized (this) {
            closed = true;
            last = current;
            current = null;
        }
        if (last != null) {
            remove(last);
        }
    }
}
