package dev.berth.swarm;

import dev.berth.Engine;
import dev.berth.Subscription;
import dev.berth.swarm.testing.LocalCluster;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real three-node swarm: three dockerd in network namespaces on this machine ({@link LocalCluster}). Services
 * spread over the nodes, an overlay network carries traffic between tasks on different nodes, draining a node moves
 * its tasks, a killed task container is replaced and Berth sees it, a failing update rolls back by itself, a
 * restarted autolocked manager is unlocked, and the cluster is gone afterwards.
 */
@ExtendWith(EngineExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeSwarmIT {
    private static final Duration CONVERGE = Duration.ofSeconds(90);
    private static LocalCluster cluster;
    private static Swarm swarm;
    private static String n1;
    private static String n2;
    private static String n3;

    @BeforeAll
    static void start(Engine mainEngine) {
        TestImages.busybox(mainEngine);
        cluster = LocalCluster.start(3, List.of(TestImages.BUSYBOX));
        swarm = cluster.manager();
        n1 = cluster.nodeId(1);
        n2 = cluster.nodeId(2);
        n3 = cluster.nodeId(3);
    }

    @AfterAll
    static void tearDown() {
        if (cluster != null) {
            cluster.close();
            assertThat(cluster.leftovers()).as("what the cluster left on the machine").isEmpty();
        }
    }

    /** Stops at once on SIGTERM, rolls out quickly. */
    private static ServiceSpec.Builder service(String prefix) {
        return swarm.service(TestImages.BUSYBOX).name(Names.unique(prefix))
                .command("sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait")
                .updateConfig(UpdatePolicy.defaults().parallelism(0).monitor(Duration.ofMillis(500)));
    }

    @Test
    @Order(1)
    void cluster_hasThreeReadyNodes_oneManager() {
        List<NodeInfo> nodes = swarm.nodes();
        assertThat(nodes).hasSize(3).allSatisfy(n -> assertThat(n.state()).isEqualTo(NodeState.READY));
        assertThat(nodes).extracting(NodeInfo::id).containsExactlyInAnyOrder(n1, n2, n3);
        assertThat(nodes).filteredOn(NodeInfo::isManager).extracting(NodeInfo::id).containsExactly(n1);
        assertThat(nodes).filteredOn(n -> n.id().equals(n2)).singleElement()
                .satisfies(n -> assertThat(n.address()).isEqualTo(cluster.address(2)));
        assertThat(Swarm.on(cluster.engine(2)).info().manager()).isFalse();
        // the init flags took effect: --data-path-port, --default-addr-pool, --default-addr-pool-mask-length
        Cluster c = swarm.inspect();
        assertThat(c.dataPathPort()).isEqualTo(LocalCluster.DATA_PATH_PORT);
        assertThat(c.defaultAddrPool()).containsExactly(LocalCluster.ADDRESS_POOL);
        assertThat(c.subnetSize()).isEqualTo(LocalCluster.SUBNET_SIZE);
        assertThatThrownBy(() -> Swarm.on(cluster.engine(2)).services().list())
                .isInstanceOf(NotSwarmManagerException.class).hasMessageContaining("not a swarm manager");
    }

    @Test
    @Order(2)
    void promoteAndDemote_changeANodesRole() {
        Node node2 = swarm.node(n2);
        node2.promote();
        WalkthroughIT.awaitUntilQuietly(() -> node2.inspect().reachability().filter("reachable"::equals).isPresent());
        assertThat(node2.inspect().role()).isEqualTo(NodeRole.MANAGER);
        WalkthroughIT.awaitUntilQuietly(() -> Swarm.on(cluster.engine(2)).info().manager());
        node2.demote();
        WalkthroughIT.awaitUntilQuietly(() -> !Swarm.on(cluster.engine(2)).info().manager());
        assertThat(node2.inspect().role()).isEqualTo(NodeRole.WORKER);
        assertThat(swarm.nodes()).filteredOn(NodeInfo::isManager).extracting(NodeInfo::id).containsExactly(n1);
    }

    @Test
    @Order(3)
    void services_spreadAcrossNodes() {
        Service s = service("spread").replicas(6).spread("node.id").create();
        try {
            s.awaitConverged(CONVERGE);
            Map<String, Long> perNode = running(s).stream()
                    .collect(Collectors.groupingBy(t -> t.nodeId().orElseThrow(), Collectors.counting()));
            assertThat(perNode).containsOnlyKeys(n1, n2, n3).allSatisfy((node, count) -> assertThat(count).isEqualTo(2));
        } finally {
            s.remove();
        }
    }

    @Test
    @Order(4)
    void overlay_carriesTrafficBetweenTasksOnDifferentNodes() {
        OverlayNetwork net = swarm.network(Names.unique("ovl")).attachable().create();
        Service web = swarm.service(TestImages.BUSYBOX).name(Names.unique("web")).replicas(3).maxReplicasPerNode(1)
                .network(net.name()).env("NODE", "{{.Node.ID}}")
                .command("sh", "-c", "echo served-by-$NODE > /tmp/index.html; exec httpd -f -p 80 -h /tmp").create();
        Service client = null;
        try {
            web.awaitConverged(CONVERGE);
            // its subnet comes from the cluster's default address pool, with the pool's prefix length
            assertThat(cluster.engine(1).networks().find(net.name()).orElseThrow().inspect().ipam())
                    .singleElement().satisfies(p -> assertThat(p.subnet()).startsWith("10.77.").endsWith("/26"));
            List<Task> remote = running(web).stream().filter(t -> !t.nodeId().orElseThrow().equals(n1)).toList();
            assertThat(remote).hasSize(2);
            String ips = remote.stream().map(t -> t.ip(net.name()).orElseThrow()).collect(Collectors.joining(" "));
            client = swarm.service(TestImages.BUSYBOX).name(Names.unique("client"))
                    .mode(ServiceMode.replicatedJob(1)).constraint("node.id==" + n1).network(net.name())
                    .command("sh", "-c", "for ip in " + ips + "; do printf 'GET /index.html HTTP/1.0\\r\\n\\r\\n'"
                            + " | nc -w 5 $ip 80 | tail -n 1; done")
                    .restart(RestartPolicy.none()).create();
            client.awaitConverged(CONVERGE);
            List<String> lines = client.logs().fetch().stream().map(ServiceLogLine::text).toList();
            assertThat(lines).contains("served-by-" + n2, "served-by-" + n3);
            assertThat(client.tasks()).singleElement().satisfies(t -> assertThat(t.nodeId()).contains(n1));
        } finally {
            web.remove();
            if (client != null) {
                client.remove();
            }
            ServiceIT.removeWhenFree(net);
        }
    }

    @Test
    @Order(5)
    void drainingANode_movesItsTasks() {
        Service s = service("drain").replicas(3).spread("node.id").create();
        Node node3 = swarm.node(n3);
        try {
            s.awaitConverged(CONVERGE);
            assertThat(running(s)).anySatisfy(t -> assertThat(t.nodeId()).contains(n3));
            node3.update(spec -> spec.availability(NodeAvailability.DRAIN));
            assertThat(node3.inspect().availability()).isEqualTo(NodeAvailability.DRAIN);
            s.awaitConverged(CONVERGE);
            List<Task> after = running(s);
            assertThat(after).hasSize(3).noneSatisfy(t -> assertThat(t.nodeId()).contains(n3));
            assertThat(node3.tasks()).filteredOn(t -> t.serviceId().equals(s.id()))
                    .allSatisfy(t -> assertThat(t.desiredState().isTerminal()).isTrue());
        } finally {
            node3.update(spec -> spec.availability(NodeAvailability.ACTIVE));
            s.remove();
        }
    }

    @Test
    @Order(6)
    @SuppressWarnings("try")
    void killingATaskContainer_onAWorker_isReplaced_andObserved() throws Exception {
        Service s = service("heal").replicas(3).maxReplicasPerNode(1).create();
        try {
            s.awaitConverged(CONVERGE);
            Task victim = running(s).stream().filter(t -> t.nodeId().orElseThrow().equals(n2)).findFirst()
                    .orElseThrow();
            List<TaskChange> changes = new CopyOnWriteArrayList<>();
            try (Subscription watch = s.watch(changes::add)) {
                WalkthroughIT.awaitUntil(() -> changes.size() >= 3, "the current tasks to be reported");
                cluster.engine(2).containers().get(victim.containerId().orElseThrow()).kill();
                WalkthroughIT.awaitUntil(() -> changes.stream().anyMatch(c -> c.task().id().equals(victim.id())
                        && c.task().state().isTerminal()), "the killed task to be reported failed");
                WalkthroughIT.awaitUntil(() -> changes.stream().anyMatch(c -> c.isNew()
                        && c.task().slot() == victim.slot()), "a replacement task");
            }
            s.awaitConverged(CONVERGE);
            List<Task> now = running(s);
            assertThat(now).hasSize(3).extracting(Task::id).doesNotContain(victim.id());
            assertThat(now).filteredOn(t -> t.slot() == victim.slot()).singleElement()
                    .satisfies(t -> assertThat(t.nodeId()).contains(n2));
        } finally {
            s.remove();
        }
    }

    @Test
    @Order(7)
    void badUpdate_withFailureActionRollback_rollsBackByItself() {
        Service s = service("rollback").replicas(3)
                .updateConfig(UpdatePolicy.defaults().parallelism(1).monitor(Duration.ofSeconds(3))
                        .failureAction(FailureAction.ROLLBACK))
                .rollbackConfig(UpdatePolicy.defaults().parallelism(0).monitor(Duration.ofMillis(500)))
                .restart(RestartPolicy.onFailure().delay(Duration.ofMillis(200)))
                .create();
        try {
            s.awaitConverged(CONVERGE);
            Set<String> before = running(s).stream().map(Task::id).collect(Collectors.toSet());
            List<ServiceProgress> progress = new CopyOnWriteArrayList<>();
            s.update(b -> b.command("sh", "-c", "sleep 1; exit 3"));
            assertThatThrownBy(() -> s.awaitConverged(Convergence.within(CONVERGE).onProgress(progress::add)))
                    .isInstanceOf(ServiceUpdateException.class)
                    .hasMessageContaining("was rolled back").hasMessageContaining("failure")
                    .satisfies(e -> assertThat(((ServiceUpdateException) e).status().state())
                            .isEqualTo(UpdateState.ROLLBACK_COMPLETED));
            assertThat(progress).anySatisfy(p -> assertThat(p.updateState()).contains(UpdateState.ROLLBACK_STARTED));
            assertThat(s.spec().command()).contains(List.of("sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"));
            ServiceInfo settled = s.awaitConverged(CONVERGE);
            assertThat(settled.runningTasks()).isEqualTo(3);
            assertThat(running(s)).hasSize(3);
            assertThat(before).hasSize(3);
        } finally {
            s.remove();
        }
    }

    @Test
    @Order(8)
    void autolockedManager_restarts_locked_andIsUnlocked() {
        swarm.update(ClusterUpdate.none().autolock(true));
        String key = swarm.unlockKey();
        assertThat(key).startsWith("SWMKEY-");
        Engine restarted = cluster.restart(1);
        Swarm locked = Swarm.on(restarted);
        assertThat(locked.info().state()).isEqualTo(SwarmState.LOCKED);
        assertThatThrownBy(() -> locked.services().list()).isInstanceOf(SwarmLockedException.class)
                .hasMessageContaining("unlock");
        locked.unlock(key);
        assertThat(locked.info().state()).isEqualTo(SwarmState.ACTIVE);
        swarm = locked;
        swarm.update(ClusterUpdate.none().autolock(false));
        assertThat(swarm.inspect().autolock()).isFalse();
        WalkthroughIT.awaitUntilQuietly(() -> swarm.nodes().stream().allMatch(n -> n.state() == NodeState.READY));
    }

    @Test
    @Order(9)
    void aNodeThatLeft_isRemoved() {
        Swarm.on(cluster.engine(3)).leave(false);
        assertThat(Swarm.on(cluster.engine(3)).info().state()).isEqualTo(SwarmState.INACTIVE);
        Node node3 = swarm.node(n3);
        WalkthroughIT.awaitUntilQuietly(() -> node3.inspect().state() == NodeState.DOWN);
        node3.remove();
        assertThat(swarm.nodes()).extracting(NodeInfo::id).containsExactlyInAnyOrder(n1, n2);
    }

    /** {@code docker swarm join --token MANAGER-TOKEN}: the node joins as a reachable manager. */
    @Test
    @Order(10)
    void joiningWithTheManagerToken_addsAManager() {
        Swarm node3 = Swarm.on(cluster.engine(3));
        node3.join(SwarmJoin.of(swarm.joinTokens().manager(), cluster.address(1) + ":2377")
                .advertiseAddr(cluster.address(3)));
        String id = node3.info().nodeId().orElseThrow();
        WalkthroughIT.awaitUntilQuietly(() -> swarm.node(id).inspect().reachability().filter("reachable"::equals)
                .isPresent());
        assertThat(swarm.node(id).inspect().role()).isEqualTo(NodeRole.MANAGER);
        assertThat(node3.info().manager()).isTrue();
        assertThat(swarm.nodes()).filteredOn(NodeInfo::isManager).extracting(NodeInfo::id)
                .containsExactlyInAnyOrder(n1, id);
    }

    static List<Task> running(Service s) {
        return s.tasks().stream().filter(Task::isRunning).collect(Collectors.toCollection(ArrayList::new));
    }
}
