package dev.berth.junit.samples;

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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A container joining a network fixture and mounting a volume fixture: both are created first, removed after. */
@BerthTest
public class NetworkVolumeSample {
    public static final Map<String, String> IDS = new ConcurrentHashMap<>();
    static final String NET = Fixtures.uniqueName("sample-net");
    static final String VOL = Fixtures.uniqueName("sample-vol");

    @Managed
    static final ContainerSpec app = ContainerSpec.builder(Images.BUSYBOX).network(NET, "app").volume(VOL, "/data")
            .command("sh", "-c", "echo kept > /data/file; exec sleep 300").init().build();

    @Managed
    static final NetworkSpec net = NetworkSpec.builder(NET).build();

    @Managed
    static final VolumeSpec data = VolumeSpec.builder(VOL).build();

    @Test
    void containerIsOnTheNetworkAndMountsTheVolume(Container app, Network net, Volume data) {
        assertThat(app.ipAddress(NET)).isNotEmpty();
        assertThat(net.name()).isEqualTo(NET);
        assertThat(data.containers()).contains(app);
        IDS.put("container", app.id());
        IDS.put("network", net.id());
        IDS.put("volume", data.name());
    }
}
