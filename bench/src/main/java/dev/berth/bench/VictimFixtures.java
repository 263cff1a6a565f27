package dev.berth.bench;

import dev.berth.Engine;
import dev.berth.container.ContainerSpec;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Fixtures;
import dev.berth.junit.Managed;
import dev.berth.network.NetworkSpec;
import dev.berth.volume.VolumeSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;

/**
 * The class CrashReapBenchmark kills mid-test: three containers on a network fixture, one mounting a volume
 * fixture; the test prints its session and blocks on stdin.
 */
@BerthTest
public class VictimFixtures {
    static final String NET = Fixtures.uniqueName("victim-net");
    static final String VOL = Fixtures.uniqueName("victim-vol");

    @Managed
    static final NetworkSpec net = NetworkSpec.builder(NET).build();
    @Managed
    static final VolumeSpec data = VolumeSpec.builder(VOL).build();
    @Managed
    static final ContainerSpec a = ContainerSpec.builder(LifecycleBenchmark.IMAGE).network(NET).volume(VOL, "/data")
            .command("sleep", "600").init().build();
    @Managed
    static final ContainerSpec b = ContainerSpec.builder(LifecycleBenchmark.IMAGE).network(NET)
            .command("sleep", "600").init().build();
    @Managed
    static final ContainerSpec c = ContainerSpec.builder(LifecycleBenchmark.IMAGE).network(NET)
            .command("sleep", "600").init().build();

    @Test
    void blocks(Engine engine) throws IOException {
        System.out.println("SESSION " + engine.sessionId());
        System.out.flush();
        System.in.read();
    }
}
