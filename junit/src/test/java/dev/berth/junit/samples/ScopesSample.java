package dev.berth.junit.samples;

import dev.berth.Engine;
import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Managed;
import dev.berth.junit.testing.Images;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** Static fixtures live for the class, instance fixtures for one test; both injected by parameter name. */
@BerthTest
public class ScopesSample {
    /** "phase id" records, read by BerthExtensionIT. */
    public static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();

    @Managed
    static final ContainerSpec shared = ContainerSpec.builder(Images.BUSYBOX).command("sleep", "300").init().build();

    @Managed
    final ContainerSpec own = ContainerSpec.builder(Images.BUSYBOX).command("sleep", "300").init().build();

    @BeforeAll
    static void beforeAll(Container shared, Engine engine) {
        SEEN.add("beforeAll " + shared.id());
        SEEN.add("session " + engine.sessionId());
    }

    @Test
    void first(Container shared, Container own) {
        record(shared, own);
    }

    @Test
    void second(Container shared, Container own) {
        record(shared, own);
    }

    private static void record(Container shared, Container own) {
        assertThat(List.of(shared.isRunning(), own.isRunning())).containsOnly(true);
        SEEN.add("static " + shared.id());
        SEEN.add("instance " + own.id());
    }
}
