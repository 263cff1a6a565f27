package dev.berth.swarm;

import dev.berth.Engine;
import dev.berth.Subscription;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Http;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import dev.berth.swarm.testing.SingleNodeSwarm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's walk-through, through Berth: {@code docker info} shows swarm inactive → {@code swarm init} →
 * {@code node ls} → {@code service create} of an nginx-like busybox httpd → scale to 3 → kill a container and see the
 * swarm replace it → remove → leave.
 */
@ExtendWith(EngineExtension.class)
class WalkthroughIT {

    @AfterAll
    static void leave(Engine engine) {
        SingleNodeSwarm.stop(engine);
    }

    @Test
    @SuppressWarnings("try")
    void walkthrough_initServeScaleHealRemove(Engine engine) throws Exception {
        SingleNodeSwarm.stop(engine); // a stale swarm from a crashed run would hide the first step
        Swarm swarm = Swarm.on(engine);
        assertThat(swarm.info().state()).isEqualTo(SwarmState.INACTIVE);

        String nodeId = swarm.init();
        SwarmInfo info = swarm.info();
        assertThat(info.state()).isEqualTo(SwarmState.ACTIVE);
        assertThat(info.manager()).isTrue();
        assertThat(info.nodeId()).contains(nodeId);

        List<NodeInfo> nodes = swarm.nodes();
        assertThat(nodes).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo(nodeId);
            assertThat(n.isManager()).isTrue();
            assertThat(n.leader()).isTrue();
            assertThat(n.state()).isEqualTo(NodeState.READY);
            assertThat(n.availability()).isEqualTo(NodeAvailability.ACTIVE);
        });

        String name = Names.unique("walk-web");
        // Host-mode publishing: this CI kernel has no IPVS, so the routing mesh (ingress) cannot balance; each task
        // gets its own node port, which Berth reports per task.
        Service web = swarm.service(TestImages.BUSYBOX).name(name).replicas(1).publish(ServicePort.target(80).hostMode())
                .command("sh", "-c", "echo hello from $(hostname) > /tmp/index.html; exec httpd -f -p 80 -h /tmp")
                .create();
        List<ServiceProgress> progress = new CopyOnWriteArrayList<>();
        web.awaitConverged(Convergence.within(Duration.ofSeconds(60)).onProgress(progress::add));
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).running()).isEqualTo(1);
        assertThat(serve(running(web).get(0))).startsWith("hello from ");

        ServiceInfo scaled = web.scale(3).awaitConverged(Duration.ofSeconds(60));
        assertThat(scaled.spec().replicas()).contains(3);
        List<Task> running = running(web);
        assertThat(running).hasSize(3);
        assertThat(running).extracting(Task::slot).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(running.stream().map(WalkthroughIT::serve).collect(Collectors.toSet())).hasSize(3);

        List<TaskChange> changes = new CopyOnWriteArrayList<>();
        Task victim = running.get(1);
        try (Subscription watch = web.watch(changes::add)) {
            awaitUntil(() -> changes.size() >= 3, "the watch to report the current tasks");
            engine.containers().get(victim.containerId().orElseThrow()).kill();
            awaitUntil(() -> changes.stream().anyMatch(c -> c.isNew() && c.task().slot() == victim.slot()
                    && !c.task().id().equals(victim.id())), "a replacement task for slot " + victim.slot());
            awaitUntil(() -> changes.stream().anyMatch(c -> c.task().id().equals(victim.id())
                    && c.task().state().isTerminal()), "the killed task to be reported failed");
        }
        web.awaitConverged(Duration.ofSeconds(60));
        List<Task> healed = running(web);
        assertThat(healed).hasSize(3);
        assertThat(healed).extracting(Task::id).doesNotContain(victim.id());
        assertThat(healed).extracting(Task::slot).contains(victim.slot());
        Task replacement = healed.stream().filter(t -> t.slot() == victim.slot()).findFirst().orElseThrow();
        assertThat(serve(replacement)).startsWith("hello from ");
        Task dead = web.tasks().stream().filter(t -> t.id().equals(victim.id())).findFirst().orElseThrow();
        assertThat(dead.state()).isIn(TaskState.FAILED, TaskState.SHUTDOWN, TaskState.COMPLETE);
        assertThat(dead.desiredState().isTerminal()).isTrue();

        web.remove();
        assertThat(swarm.services().find(name)).isEmpty();
        awaitUntil(() -> engine.containers().all().label("com.docker.swarm.service.name", name).list().isEmpty(),
                "the service's containers to be removed");

        swarm.leave(true);
        assertThat(swarm.info().state()).isIn(SwarmState.INACTIVE, SwarmState.PENDING);
    }

    private static List<Task> running(Service s) {
        return s.tasks().stream().filter(Task::isRunning).collect(Collectors.toCollection(ArrayList::new));
    }

    /** GETs the page a task serves on its host-mode port on 127.0.0.1. */
    private static String serve(Task task) {
        int port = task.publishedPort(80).orElseThrow(() -> new AssertionError("no host port for " + task));
        Instant end = Instant.now().plusSeconds(20);
        while (true) {
            try {
                return Http.get(port, "/index.html");
            } catch (AssertionError e) {
                if (Instant.now().isAfter(end)) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static void awaitUntilQuietly(java.util.function.BooleanSupplier condition) {
        try {
            awaitUntil(condition, "a condition");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void awaitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

}
