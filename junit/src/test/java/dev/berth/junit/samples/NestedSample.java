package dev.berth.junit.samples;

import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Managed;
import dev.berth.junit.testing.Images;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** A @Nested class sees the outer class's fixtures and adds its own. */
@BerthTest
public class NestedSample {
    public static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();

    @Managed
    static final ContainerSpec outer = ContainerSpec.builder(Images.BUSYBOX).command("sleep", "300").init().build();

    @Nested
    class Inner {
        @Managed
        final ContainerSpec inner = ContainerSpec.builder(Images.BUSYBOX).command("sleep", "300").init().build();

        @Test
        void seesBoth(Container outer, Container inner) {
            assertThat(outer.id()).isNotEqualTo(inner.id());
            assertThat(outer.isRunning()).isTrue();
            assertThat(inner.isRunning()).isTrue();
            SEEN.add(outer.id());
            SEEN.add(inner.id());
        }
    }
}
