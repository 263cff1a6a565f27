package dev.berth.junit.samples;

import dev.berth.Engine;
import dev.berth.junit.BerthTest;
import org.junit.jupiter.api.Test;

/** Run with berth.engine.host pointing at nothing. */
public final class NoEngineSamples {
    private NoEngineSamples() {
    }

    @BerthTest(disabledWithoutEngine = true)
    public static class Skips {
        @Test
        void needsEngine(Engine engine) {
            engine.version();
        }
    }

    @BerthTest
    public static class Fails {
        @Test
        void needsEngine(Engine engine) {
            engine.version();
        }
    }
}
