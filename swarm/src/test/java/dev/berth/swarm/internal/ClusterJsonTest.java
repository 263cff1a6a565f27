package dev.berth.swarm.internal;

import dev.berth.internal.Json;
import dev.berth.swarm.ClusterUpdate;
import dev.berth.swarm.JoinTokens;
import dev.berth.swarm.NodeAvailability;
import dev.berth.swarm.SwarmInit;
import dev.berth.swarm.SwarmJoin;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Swarm init/join/update bodies, including the options docker-java cannot send. */
class ClusterJsonTest {

    @Test
    void init_sendsDataPathAndAddressPoolOptions() {
        SwarmInit init = SwarmInit.builder().advertiseAddr("10.231.0.11").dataPathAddr("10.231.0.11")
                .dataPathPort(4790).defaultAddrPool("10.40.0.0/16").subnetSize(26).autolock().taskHistoryLimit(2)
                .build();
        assertThat(ClusterJson.init(init).toString()).isEqualTo("{\"ListenAddr\":\"0.0.0.0:2377\","
                + "\"AdvertiseAddr\":\"10.231.0.11\",\"DataPathAddr\":\"10.231.0.11\",\"DataPathPort\":4790,"
                + "\"DefaultAddrPool\":[\"10.40.0.0/16\"],\"SubnetSize\":26,\"ForceNewCluster\":false,"
                + "\"Spec\":{\"EncryptionConfig\":{\"AutoLockManagers\":true},"
                + "\"Orchestration\":{\"TaskHistoryRetentionLimit\":2}}}");
        assertThat(ClusterJson.init(SwarmInit.defaults()).toString()).isEqualTo(
                "{\"ListenAddr\":\"0.0.0.0:2377\",\"ForceNewCluster\":false,\"Spec\":{}}");
    }

    @Test
    void join_sendsTokenAndAddresses_butNeverPrintsTheToken() {
        SwarmJoin join = SwarmJoin.of("SWMTKN-1-secret", "10.231.0.11:2377").advertiseAddr("10.231.0.12")
                .availability(NodeAvailability.DRAIN);
        assertThat(ClusterJson.join(join).toString()).isEqualTo("{\"ListenAddr\":\"0.0.0.0:2377\","
                + "\"AdvertiseAddr\":\"10.231.0.12\",\"RemoteAddrs\":[\"10.231.0.11:2377\"],"
                + "\"JoinToken\":\"SWMTKN-1-secret\",\"Availability\":\"drain\"}");
        assertThat(join.toString()).doesNotContain("secret");
        assertThat(new JoinTokens("SWMTKN-w", "SWMTKN-m").toString()).doesNotContain("SWMTKN");
    }

    @Test
    void update_rotatesAndKeepsTheRestOfTheSpec() {
        var current = Json.read("{\"Version\":{\"Index\":9},\"Spec\":{\"Name\":\"default\",\"Raft\":"
                + "{\"SnapshotInterval\":10000},\"EncryptionConfig\":{\"AutoLockManagers\":false}}}");
        ClusterUpdate u = ClusterUpdate.none().rotateWorkerToken().rotateUnlockKey().autolock(true);
        assertThat(ClusterJson.updateQuery(9, u)).isEqualTo(
                "?version=9&rotateWorkerToken=true&rotateManagerToken=false&rotateManagerUnlockKey=true");
        assertThat(ClusterJson.updatedSpec(current, u).toString()).isEqualTo("{\"Name\":\"default\",\"Raft\":"
                + "{\"SnapshotInterval\":10000},\"EncryptionConfig\":{\"AutoLockManagers\":true}}");
    }

    @Test
    void options_areCheckedBeforeAnyIo() {
        assertThatThrownBy(() -> SwarmInit.builder().subnetSize(40).build()).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> SwarmInit.builder().dataPathPort(80).build()).hasMessageContaining("1024-49151");
        assertThatThrownBy(() -> new SwarmJoin("t", java.util.List.of(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()))
                .hasMessageContaining("manager address");
    }
}
