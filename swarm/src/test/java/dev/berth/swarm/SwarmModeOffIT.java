package dev.berth.swarm;

import dev.berth.Engine;
import dev.berth.swarm.testing.SingleNodeSwarm;
import dev.berth.testing.EngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a caller sees when the engine is not in swarm mode: a message that says to init or join. */
@ExtendWith(EngineExtension.class)
class SwarmModeOffIT {

    @Test
    void swarmRequests_onAnInactiveEngine_sayToInitOrJoin(Engine engine) {
        SingleNodeSwarm.stop(engine);
        Swarm swarm = Swarm.on(engine);
        assertThat(swarm.info().state()).isEqualTo(SwarmState.INACTIVE);
        assertThat(swarm.info().isActive()).isFalse();
        assertThatThrownBy(() -> swarm.service("busybox").name("x").create())
                .isInstanceOf(NotSwarmManagerException.class)
                .hasMessageContaining("not a swarm manager").hasMessageContaining("Swarm.init()");
        assertThatThrownBy(swarm::nodes).isInstanceOf(NotSwarmManagerException.class);
        assertThatThrownBy(() -> swarm.leave(false)).isInstanceOf(NotSwarmManagerException.class);
        assertThatThrownBy(swarm::self).isInstanceOf(NotSwarmManagerException.class)
                .hasMessageContaining("not part of a swarm");
        assertThat(swarm.info().state()).isEqualTo(SwarmState.INACTIVE);
    }
}
