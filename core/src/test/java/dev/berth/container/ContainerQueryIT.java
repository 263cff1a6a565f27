package dev.berth.container;

import dev.berth.Engine;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code docker ps} filters and batch actions such as {@code docker stop $(docker ps -q --filter …)}. */
@ExtendWith(EngineExtension.class)
class ContainerQueryIT {

    @Test
    void list_filtersAndBatchStopStartRemove(Engine engine) {
        String group = Names.unique("group");
        String nameA = Names.unique("query-a");
        Container a = engine.container(TestImages.BUSYBOX).name(nameA).label("group", group).init()
                .command("sleep", "300").detached().run();
        Container b = engine.container(TestImages.BUSYBOX).label("group", group).init()
                .command("sleep", "300").detached().run();
        Container exited = engine.container(TestImages.BUSYBOX).label("group", group).command("true").detached().run();
        exited.await();

        assertThat(engine.containers().label("group", group).ids()).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(engine.containers().all().label("group", group).ids())
                .containsExactlyInAnyOrder(a.id(), b.id(), exited.id());
        assertThat(engine.containers().name(nameA).ids()).containsExactly(a.id());
        assertThat(engine.containers().label("group", group).status(ContainerState.EXITED).ids())
                .containsExactly(exited.id());
        assertThat(engine.containers().label("group", group).ancestor(TestImages.BUSYBOX).ids()).hasSize(2);
        ContainerSummary summary = engine.containers().name(nameA).list().get(0);
        assertThat(summary.name()).isEqualTo(nameA);
        assertThat(summary.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(summary.labels()).containsEntry("group", group);

        List<String> stopped = engine.containers().label("group", group).stop();
        assertThat(stopped).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(engine.containers().label("group", group).ids()).isEmpty();

        assertThat(engine.containers().label("group", group).start()).hasSize(3);
        assertThat(a.isRunning()).isTrue();

        assertThat(engine.containers().label("group", group).remove(RemoveOption.FORCE)).hasSize(3);
        assertThat(engine.containers().all().label("group", group).ids()).isEmpty();
    }
}
