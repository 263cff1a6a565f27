package dev.berth.junit.samples;

import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.container.LogLine;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Managed;
import dev.berth.junit.testing.Images;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two independent fixtures that take a second to become ready, and one that depends on both; records when the
 * engine started each and when each logged "ready", by the engine's clock.
 */
@BerthTest
public class OrderSample {
    public static final Map<String, Instant> STARTED = new ConcurrentHashMap<>();
    public static final Map<String, Instant> READY = new ConcurrentHashMap<>();

    private static ContainerSpec slow() {
        return ContainerSpec.builder(Images.BUSYBOX).command("sh", "-c", "sleep 1; echo ready; exec sleep 300")
                .init().build();
    }

    @Managed(waitForLog = "ready")
    static final ContainerSpec a = slow();

    @Managed(waitForLog = "ready")
    static final ContainerSpec b = slow();

    @Managed(dependsOn = {"a", "b"}, waitForLog = "ready")
    static final ContainerSpec c = slow();

    @Test
    void record(Container a, Container b, Container c) {
        for (Map.Entry<String, Container> e : Map.of("a", a, "b", b, "c", c).entrySet()) {
            STARTED.put(e.getKey(), e.getValue().inspect().startedAt().orElseThrow());
            LogLine ready = e.getValue().logs().timestamps().fetch().lines().stream()
                    .filter(l -> l.text().equals("ready")).findFirst().orElseThrow();
            READY.put(e.getKey(), ready.timestamp().orElseThrow());
        }
    }
}
