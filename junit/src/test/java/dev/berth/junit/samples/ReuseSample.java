package dev.berth.junit.samples;

import dev.berth.compose.ComposeProject;
import dev.berth.compose.LoadOptions;
import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Fixtures;
import dev.berth.junit.Managed;
import dev.berth.junit.testing.Images;
import dev.berth.network.Network;
import dev.berth.network.NetworkSpec;
import dev.berth.volume.Volume;
import dev.berth.volume.VolumeSpec;
import org.junit.jupiter.api.Test;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One reusable fixture of each kind, named after the system property berth.sample.reuse (set by the IT, so each IT
 * run has resources of its own). Records what it got as "kind id" lines.
 */
@BerthTest
public class ReuseSample {
    public static final String RUN = System.getProperty("berth.sample.reuse", "unset");
    public static final String NETWORK = "reuse-net-" + RUN;
    public static final String VOLUME = "reuse-vol-" + RUN;
    public static final String PROJECT = "reuse-shop-" + RUN;
    public static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();

    @Managed(reuse = true)
    static final NetworkSpec net = NetworkSpec.builder(NETWORK).build();

    @Managed(reuse = true)
    static final VolumeSpec data = VolumeSpec.builder(VOLUME).build();

    @Managed(reuse = true)
    static final ContainerSpec cache = ContainerSpec.builder(Images.BUSYBOX).label("berth.sample.run", RUN)
            .network(NETWORK, "cache").volume(VOLUME, "/data").command("sleep", "300").init().build();

    @Managed(reuse = true)
    static final LoadOptions shop = LoadOptions.builder().file(Fixtures.classpathFile("compose/shop.yaml"))
            .projectName(PROJECT).build();

    @Test
    void record(Container cache, Network net, Volume data, ComposeProject shop) {
        SEEN.add("container " + cache.id());
        SEEN.add("network " + net.id());
        SEEN.add("volume " + data.name());
        shop.ps().forEach(c -> SEEN.add("compose " + c.container().id()));
    }
}
