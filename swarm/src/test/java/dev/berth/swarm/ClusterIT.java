package dev.berth.swarm;

import dev.berth.ConflictException;
import dev.berth.Engine;
import dev.berth.NotFoundException;
import dev.berth.swarm.testing.SingleNodeSwarm;
import dev.berth.testing.EngineExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cluster and its node on a single-node swarm: inspect, tokens, autolock keys, node updates, errors. */
@ExtendWith(EngineExtension.class)
class ClusterIT {
    private static Swarm swarm;

    @BeforeAll
    static void init(Engine engine) {
        swarm = SingleNodeSwarm.start(engine);
    }

    @AfterAll
    static void leave(Engine engine) {
        SingleNodeSwarm.stop(engine);
    }

    @Test
    void inspect_showsTheClusterAndItsTokens() {
        Cluster c = swarm.inspect();
        SwarmInfo info = swarm.info();
        assertThat(info.clusterId()).contains(c.id());
        assertThat(info.nodes()).isEqualTo(1);
        assertThat(info.managers()).isEqualTo(1);
        assertThat(c.taskHistoryLimit()).isEqualTo(2);
        assertThat(c.autolock()).isFalse();
        assertThat(c.dataPathPort()).isEqualTo(4789);
        assertThat(c.subnetSize()).isEqualTo(24);
        assertThat(c.joinTokens().worker()).startsWith("SWMTKN-1-");
        assertThat(c.joinTokens().manager()).startsWith("SWMTKN-1-").isNotEqualTo(c.joinTokens().worker());
        assertThat(c.toString()).doesNotContain(c.joinTokens().worker());
    }

    @Test
    void update_rotatesTokens_andAutolockKeys() {
        JoinTokens before = swarm.joinTokens();
        Cluster after = swarm.update(ClusterUpdate.none().rotateWorkerToken().taskHistoryLimit(3));
        assertThat(after.joinTokens().worker()).isNotEqualTo(before.worker());
        assertThat(after.joinTokens().manager()).isEqualTo(before.manager());
        assertThat(after.taskHistoryLimit()).isEqualTo(3);

        swarm.update(ClusterUpdate.none().autolock(true));
        assertThat(swarm.inspect().autolock()).isTrue();
        String key = swarm.unlockKey();
        assertThat(key).startsWith("SWMKEY-1-");
        swarm.update(ClusterUpdate.none().rotateUnlockKey());
        assertThat(swarm.unlockKey()).startsWith("SWMKEY-1-").isNotEqualTo(key);
        swarm.update(ClusterUpdate.none().autolock(false).taskHistoryLimit(2));
        assertThat(swarm.inspect().autolock()).isFalse();
        assertThatThrownBy(() -> swarm.unlock("SWMKEY-1-wrong")).hasMessageContaining("unlock");
    }

    @Test
    void node_updatesLabelsAndAvailability_withTheVersionHandshake() {
        Node self = swarm.self();
        NodeInfo before = self.inspect();
        assertThat(before.role()).isEqualTo(NodeRole.MANAGER);
        assertThat(before.leader()).isTrue();
        assertThat(before.reachability()).contains("reachable");
        assertThat(before.engineVersion()).isNotEmpty();
        try {
            self.update(s -> s.label("zone", "a").availability(NodeAvailability.PAUSE));
            NodeInfo after = self.inspect();
            assertThat(after.labels()).containsEntry("zone", "a");
            assertThat(after.availability()).isEqualTo(NodeAvailability.PAUSE);
            assertThat(after.version()).isGreaterThan(before.version());
            assertThat(swarm.node(after.hostname()).inspect().id()).as("by hostname").isEqualTo(after.id());
        } finally {
            self.update(s -> s.removeLabel("zone").availability(NodeAvailability.ACTIVE));
        }
        assertThat(self.inspect().labels()).doesNotContainKey("zone");
        assertThatThrownBy(self::demote).hasMessageContaining(self.id());
        assertThatThrownBy(() -> swarm.node("no-such-node").inspect()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-node");
    }

    @Test
    void init_again_isAConflict() {
        assertThatThrownBy(() -> swarm.init()).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already part of a swarm");
    }
}
