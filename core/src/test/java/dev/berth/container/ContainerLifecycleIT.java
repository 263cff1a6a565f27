package dev.berth.container;

import dev.berth.ConflictException;
import dev.berth.ContainerNotFoundException;
import dev.berth.ContainerNotRunningException;
import dev.berth.Engine;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(EngineExtension.class)
class ContainerLifecycleIT {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void run_detached_thenInspectExecStopRemove(Engine engine) {
        String name = unique("lifecycle");
        try (Container c = engine.container(TestImages.BUSYBOX).name(name).command("sleep", "300")
                .label("purpose", "test").detached().run()) {
            ContainerInfo info = c.inspect();
            assertThat(info.name()).isEqualTo(name);
            assertThat(info.state()).isEqualTo(ContainerState.RUNNING);
            assertThat(info.labels()).containsEntry("purpose", "test").containsEntry("dev.berth.managed", "true")
                    .containsEntry("dev.berth.session", engine.sessionId());

            ExecResult r = c.exec("sh", "-c", "echo out; echo err >&2; exit 3").run();
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.stdout()).isEqualTo("out\n");
            assertThat(r.stderr()).isEqualTo("err\n");

            c.stop(Duration.ofSeconds(1));
            assertThat(c.state()).isEqualTo(ContainerState.EXITED);
            assertThat(c.inspect().exitCode()).isEqualTo(137);
            c.remove();
            assertThat(engine.containers().all().find(name)).isEmpty();
        }
    }

    @Test
    void exec_onStoppedContainer_failsWithNotRunning(Engine engine) {
        try (Container c = engine.container(TestImages.BUSYBOX).command("true").create()) {
            assertThatThrownBy(() -> c.exec("true").run()).isInstanceOf(ContainerNotRunningException.class)
                    .hasMessageContaining("start it first");
        }
    }

    @Test
    void create_withNameInUse_failsWithConflict(Engine engine) {
        String name = unique("dup");
        try (Container c = engine.container(TestImages.BUSYBOX).name(name).command("true").create()) {
            assertThatThrownBy(() -> engine.container(TestImages.BUSYBOX).name(name).command("true").create())
                    .isInstanceOf(ConflictException.class).hasMessageContaining(name).hasMessageContaining("already in use");
        }
    }

    @Test
    void get_missingContainer_failsWithNotFound(Engine engine) {
        assertThatThrownBy(() -> engine.containers().get("no-such-container-" + UUID.randomUUID()))
                .isInstanceOf(ContainerNotFoundException.class);
    }
}
