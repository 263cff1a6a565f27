package dev.berth.system.internal;

import dev.berth.internal.Json;
import dev.berth.system.DiskUsage;
import dev.berth.system.SwarmState;
import dev.berth.system.SystemInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /info} and {@code /system/df} JSON to values, and the df summary computed as the docker CLI does. */
class SystemMappingTest {
    @Test
    void info_readsCountsSwarmAndVersion() throws Exception {
        SystemInfo i = SystemMapping.info(Json.read("""
                {"ID":"F6IJ","Containers":5,"ContainersRunning":2,"ContainersPaused":1,"ContainersStopped":2,
                 "Images":12,"Driver":"overlay2","KernelVersion":"6.1","OperatingSystem":"Debian GNU/Linux 12",
                 "OSType":"linux","Architecture":"x86_64","NCPU":2,"MemTotal":25276514304,
                 "DockerRootDir":"/var/lib/docker","Name":"vm","Labels":["zone=a","flag"],
                 "ServerVersion":"20.10.24+dfsg1","CgroupDriver":"cgroupfs","CgroupVersion":"1",
                 "Swarm":{"NodeID":"wn0lq06","LocalNodeState":"active","ControlAvailable":true},"Warnings":null}"""));
        assertThat(i.containers()).isEqualTo(5);
        assertThat(i.containersRunning() + i.containersPaused() + i.containersStopped()).isEqualTo(5);
        assertThat(i.images()).isEqualTo(12);
        assertThat(i.swarm()).isEqualTo(SwarmState.ACTIVE);
        assertThat(i.swarmManager()).isTrue();
        assertThat(i.swarmNodeId()).isEqualTo("wn0lq06");
        assertThat(i.serverVersion()).isEqualTo("20.10.24+dfsg1");
        assertThat(i.dockerRootDir()).isEqualTo(Path.of("/var/lib/docker"));
        assertThat(i.labels()).containsEntry("zone", "a").containsEntry("flag", "");
        assertThat(i.warnings()).isEmpty();
        assertThat(SwarmState.parse("inactive")).isEqualTo(SwarmState.INACTIVE);
        assertThat(SwarmState.parse("something-new")).isEqualTo(SwarmState.UNKNOWN);
    }

    @Test
    void df_summary_isComputedAsTheDockerCli() throws Exception {
        // Shapes of Docker 20.10 (VirtualSize) and 26 (Size only, build cache records) in one fixture.
        DiskUsage d = SystemMapping.diskUsage(Json.read("""
                {"LayersSize":1000,
                 "Images":[{"Id":"sha256:a","RepoTags":["a:1"],"Size":600,"VirtualSize":600,"SharedSize":100,
                            "Containers":1,"Created":1795826499,"Labels":{"x":"y"}},
                           {"Id":"sha256:b","RepoTags":null,"Size":400,"SharedSize":-1,"Containers":0,"Created":0}],
                 "Containers":[{"Id":"c1","Names":["/web"],"Image":"a:1","State":"running","SizeRw":10,"SizeRootFs":610},
                               {"Id":"c2","Names":["/old"],"Image":"a:1","State":"exited","SizeRw":30,"SizeRootFs":630}],
                 "Volumes":[{"Name":"v1","Driver":"local","UsageData":{"Size":50,"RefCount":1}},
                            {"Name":"v2","Driver":"local","UsageData":{"Size":70,"RefCount":0}},
                            {"Name":"v3","Driver":"remote","UsageData":{"Size":-1,"RefCount":-1}}],
                 "BuildCache":[{"ID":"b1","Type":"regular","Size":5,"InUse":true,"Shared":false,"UsageCount":2,
                                "LastUsedAt":"2026-11-28T00:00:00Z"},
                               {"ID":"b2","Type":"regular","Size":7,"InUse":false,"Shared":false},
                               {"ID":"b3","Type":"regular","Size":9,"InUse":false,"Shared":true}]}"""));
        assertThat(d.images()).hasSize(2);
        assertThat(d.images().get(1).tags()).isEmpty();
        assertThat(d.containers().get(0).names()).containsExactly("web");
        assertThat(d.buildCache().get(0).lastUsed()).isPresent();
        assertThat(d.summary()).containsExactly(
                // reclaimable = LayersSize - Σ(used images: size - shared) = 1000 - 500
                new DiskUsage.Summary("Images", 2, 1, 1000, 500),
                new DiskUsage.Summary("Containers", 2, 1, 40, 30),
                // size -1 is unknown and not counted
                new DiskUsage.Summary("Local Volumes", 3, 1, 120, 70),
                // shared records are not counted; in-use ones are not reclaimable
                new DiskUsage.Summary("Build Cache", 3, 1, 12, 7));
    }
}
