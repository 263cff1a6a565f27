package dev.berth.junit.internal;

import dev.berth.Engine;
import dev.berth.Labels;
import dev.berth.events.EventStream;
import dev.berth.internal.Connection;
import dev.berth.internal.EngineAccess;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.JsonValues;
import dev.berth.internal.RawApi;
import dev.berth.internal.Reaper;
import dev.berth.junit.FixtureException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A lock held on the engine itself, so that threads and JVMs sharing an engine exclude each other: a volume named
 * after the key, created with the holder's token as a label. Creating a volume by name is atomic in the engine (a
 * second create of the same name returns the first one's labels), so exactly one creator finds its own token: that
 * one holds the lock. Network creation is no such primitive — Docker 20.10 creates duplicate networks of one name
 * when asked concurrently — which is why a volume is used even for network fixtures.
 *
 * <p>The volume carries the holder's session label, so a holder that dies leaves a lock that the next session's reaper
 * removes; waiters also check the holder's heartbeat and break a dead holder's lock themselves. Waiting is driven by
 * the engine's volume destroy event; a re-check every few seconds covers a holder that dies without releasing.
 */
final class EngineLock implements AutoCloseable {
    private static final Duration RECHECK = Duration.ofSeconds(2);
    private final Connection conn;
    private final String volume;

    private EngineLock(Connection conn, String volume) {
        this.conn = conn;
        this.volume = volume;
    }

    /**
     * Blocks until this caller holds the lock {@code key}, or fails after {@code timeout}.
     *
     * @throws FixtureException naming the holder's session if the lock stays held
     */
    static EngineLock acquire(Engine engine, String key, Duration timeout) {
        Connection conn = EngineAccess.connection(engine);
        String volume = "berth-lock-" + key;
        String token = UUID.randomUUID().toString();
        Map<String, String> labels = new LinkedHashMap<>(engine.labels());
        labels.put(Labels.LOCK, token);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, String> got = JsonValues.map(RawApi.callJson(conn, "POST", "/volumes/create",
                    Map.of("Name", volume, "Labels", labels)).json(), "Labels");
            if (token.equals(got.get(Labels.LOCK))) {
                return new EngineLock(conn, volume);
            }
            String holder = got.get(Labels.SESSION);
            String holderToken = got.get(Labels.LOCK);
            try (EventStream released = engine.events().type("volume").action("destroy").volume(volume).open()) {
                // Subscribed first, then checked: a release between the create above and the subscription is seen.
                if (token(conn, volume) == null) {
                    continue;
                }
                if (System.nanoTime() > deadline) {
                    throw new FixtureException("Waited " + timeout.toSeconds() + " s for the engine lock " + volume
                            + ", held by Berth session " + holder + "; if nothing is starting that fixture, remove the"
                            + " volume (docker volume rm " + volume + ")");
                }
                if (released.next(RECHECK).isEmpty() && Reaper.isDead(conn, holder)
                        && holderToken != null && holderToken.equals(token(conn, volume))) {
                    remove(conn, volume); // the holder died holding it (checked just before, by its token)
                }
            }
        }
    }

    /** The current holder's token, or null when the lock is free. */
    private static String token(Connection conn, String volume) {
        try {
            Map<String, String> labels = JsonValues.map(RawApi.call(conn, "GET", "/volumes/" + RawApi.q(volume), null)
                    .json(), "Labels");
            return labels.isEmpty() ? "" : labels.get(Labels.LOCK);
        } catch (EngineHttpException e) {
            if (e.getHttpStatus() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static void remove(Connection conn, String volume) {
        RawApi.deleteIfPresent(conn, "/volumes/" + RawApi.q(volume));
    }

    /** Releases the lock; waiters see the volume's destroy event. */
    @Override
    public void close() {
        remove(conn, volume);
    }
}
