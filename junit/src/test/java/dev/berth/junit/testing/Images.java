package dev.berth.junit.testing;

import dev.berth.Engine;
import dev.berth.testing.TestImages;

/** Images the samples use, built from the host's busybox once per JVM (see core's TestImages). */
public final class Images {
    /** {@code berth-test/busybox:1}, built on first use. */
    public static final String BUSYBOX = build();

    private Images() {
    }

    private static String build() {
        try (Engine engine = Engine.fromEnv()) {
            return TestImages.busybox(engine);
        }
    }
}
