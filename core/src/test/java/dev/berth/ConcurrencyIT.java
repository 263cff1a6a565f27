package dev.berth;

import dev.berth.container.Container;
import dev.berth.container.ContainerState;
import dev.berth.container.RemoveOption;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One {@link Engine} shared by many threads: its connection pool, session labels and handles are thread-safe. */
@ExtendWith(EngineExtension.class)
class ConcurrencyIT {
    private static final int CONTAINERS = 50;
    private static final int THREADS = 8;

    @Test
    void fiftyContainers_createdStartedAndRemoved_fromEightThreads(Engine engine) throws Exception {
        String run = Names.unique("conc");
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < CONTAINERS; i++) {
                String name = run + "-" + i;
                futures.add(pool.submit(() -> {
                    Container c = engine.container(TestImages.BUSYBOX).name(name).label("run", run)
                            .command("sleep", "60").create();
                    ids.add(c.id());
                    c.start();
                    assertThat(c.inspect().state()).as(name).isEqualTo(ContainerState.RUNNING);
                    c.remove(RemoveOption.FORCE);
                    return c.id();
                }));
            }
            List<String> done = new ArrayList<>();
            for (Future<String> f : futures) {
                done.add(f.get(5, TimeUnit.MINUTES));
            }
            assertThat(done).hasSize(CONTAINERS).doesNotHaveDuplicates();
            assertThat(ids).hasSize(CONTAINERS);
            assertThat(engine.containers().all().label("run", run).list()).isEmpty();
        } finally {
            pool.shutdownNow();
            engine.containers().all().label("run", run).remove(RemoveOption.FORCE);
        }
    }
}
