package dev.berth.junit.samples;

import dev.berth.Engine;
import dev.berth.junit.BerthTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the session its test runs in; no fixtures. */
@BerthTest
public class EarlySample {
    public static final List<String> SESSIONS = new CopyOnWriteArrayList<>();

    @Test
    void recordsItsSession(Engine engine) {
        SESSIONS.add(engine.sessionId());
    }

    /** Not a Berth class: discovering it opens nothing. */
    public static class Plain {
        @Test
        void nothing() {
        }
    }
}
