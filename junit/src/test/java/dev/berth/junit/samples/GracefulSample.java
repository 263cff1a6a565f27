package dev.berth.junit.samples;

import dev.berth.container.ContainerSpec;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Managed;
import dev.berth.junit.testing.Images;
import org.junit.jupiter.api.Test;

/**
 * A container that notes a SIGTERM in a volume the IT owns (named by the system property berth.sample.volume), so
 * the IT can tell a graceful stop from a kill.
 */
@BerthTest
public class GracefulSample {
    @Managed(waitForLog = "trapping")
    static final ContainerSpec server = ContainerSpec.builder(Images.BUSYBOX)
            .volume(System.getProperty("berth.sample.volume", "unset-volume"), "/notes")
            .command("sh", "-c", "trap 'echo got SIGTERM > /notes/stop; exit 0' TERM; echo trapping;"
                    + " while true; do sleep 0.1; done")
            .build();

    @Test
    void runs() {
        // the fixture is all this sample is about
    }
}
