package dev.berth.junit.samples;

import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Managed;
import dev.berth.junit.testing.Images;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A test that fails while its container has said something worth reading. */
@BerthTest(logLines = 5)
public class FailingSample {

    @Managed(waitForLog = "marker-4711")
    static final ContainerSpec talker = ContainerSpec.builder(Images.BUSYBOX)
            .command("sh", "-c", "for i in 1 2 3 4 5 6 7 8; do echo line $i; done; echo marker-4711; exec sleep 300")
            .init().build();

    @Test
    void fails(Container talker) {
        assertThat(talker.isRunning()).as("a failing assertion").isFalse();
    }
}
