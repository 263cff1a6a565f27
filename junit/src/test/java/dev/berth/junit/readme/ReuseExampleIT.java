package dev.berth.junit.readme;

import dev.berth.Engine;
import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Fixtures;
import dev.berth.junit.Managed;
import dev.berth.junit.testing.Images;
import dev.berth.junit.testing.Kit;
import dev.berth.testing.EngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** README's reuse example, run twice as two test runs would; regions appear in README.md verbatim. */
@ExtendWith(EngineExtension.class)
class ReuseExampleIT {
    static final String IMAGE = Images.BUSYBOX;
    static final Queue<String> IDS = new ConcurrentLinkedQueue<>();

    // tour:reuse
    @BerthTest
    static class Search {
        @Managed(reuse = true, waitForPorts = 9200)                   // kept after the run, adopted by the next
        static final ContainerSpec index = ContainerSpec.builder(IMAGE).publish(9200)
                .command("httpd", "-f", "-p", "9200").init().build();

        @Test
        void query(Container index) {
            IDS.add(index.id());
        }
    }
    // end

    @Test
    void theNextRunAdoptsTheReusableContainer(Engine engine) {
        try {
            Kit.passes(1, Search.class);
            Kit.passes(1, Search.class);
            assertThat(IDS).hasSize(2).containsOnly(IDS.peek());
            assertThat(new Container(engine, IDS.peek(), null).isRunning()).isTrue();
        } finally {
            // tour:remove-reused
            Fixtures.removeReused(engine);          // every reusable fixture on the engine, whichever run made it
            // end
        }
        assertThat(engine.containers().all().label(dev.berth.Labels.REUSE).ids()).isEmpty();
    }
}
