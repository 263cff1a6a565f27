package dev.berth.junit.samples;

import dev.berth.Engine;
import dev.berth.container.ContainerSpec;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Fixtures;
import dev.berth.junit.Managed;
import dev.berth.junit.testing.Images;
import dev.berth.network.NetworkSpec;
import dev.berth.volume.VolumeSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;

/**
 * Fixtures of every kind but Compose, then a test that prints its session and blocks until a line arrives on stdin:
 * the forked JVMs of CrashRecoveryIT run it, and one of them is killed while it blocks.
 */
@BerthTest
public class VictimSample {
    static final String NET = Fixtures.uniqueName("victim-net");
    static final String VOL = Fixtures.uniqueName("victim-vol");

    @Managed
    static final NetworkSpec net = NetworkSpec.builder(NET).build();

    @Managed
    static final VolumeSpec data = VolumeSpec.builder(VOL).build();

    @Managed
    static final ContainerSpec db = ContainerSpec.builder(Images.BUSYBOX).network(NET, "db").volume(VOL, "/data")
            .command("sleep", "300").init().build();

    @Managed
    final ContainerSpec worker = ContainerSpec.builder(Images.BUSYBOX).command("sleep", "300").init().build();

    @Test
    void blocks(Engine engine) throws IOException {
        System.out.println("SESSION " + engine.sessionId());
        System.out.println("READY");
        System.out.flush();
        System.in.read(); // the IT writes a line to let it finish, or kills the JVM
    }
}
