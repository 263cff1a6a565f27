package dev.berth.junit.samples;

import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Managed;
import dev.berth.junit.testing.Images;
import dev.berth.network.Network;
import dev.berth.network.NetworkSpec;
import org.junit.jupiter.api.Test;

/** A reusable network and a reusable container on it, named after berth.sample.reuse; prints what it got. */
@BerthTest
public class RaceSample {
    static final String RUN = System.getProperty("berth.sample.reuse", "unset");

    @Managed(reuse = true)
    static final NetworkSpec net = NetworkSpec.builder("race-net-" + RUN).build();

    @Managed(reuse = true)
    static final ContainerSpec server = ContainerSpec.builder(Images.BUSYBOX).label("berth.sample.run", RUN)
            .network("race-net-" + RUN).command("sleep", "300").init().build();

    @Test
    void print(Container server, Network net) {
        System.out.println("CONTAINER " + server.id());
        System.out.println("NETWORK " + net.id());
    }
}
