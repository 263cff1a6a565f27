package dev.berth.swarm;

import dev.berth.ConflictException;
import dev.berth.Engine;
import dev.berth.WaitTimeoutException;
import dev.berth.container.HealthCheck;
import dev.berth.swarm.testing.SingleNodeSwarm;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Services on a single-node swarm: create, inspect, list, update, scale, rollback, force update, tasks, logs, jobs. */
@ExtendWith(EngineExtension.class)
class ServiceIT {
    private static final Duration CONVERGE = Duration.ofSeconds(60);
    private static final UpdatePolicy UPDATE = UpdatePolicy.defaults().parallelism(0).monitor(Duration.ofMillis(500));
    private static Swarm swarm;
    private final List<Service> created = new ArrayList<>();

    @BeforeAll
    static void init(Engine engine) {
        swarm = SingleNodeSwarm.start(engine);
    }

    @AfterAll
    static void leave(Engine engine) {
        SingleNodeSwarm.stop(engine);
    }

    @AfterEach
    void removeServices() {
        created.forEach(s -> swarm.services().find(s.id()).ifPresent(Service::remove));
    }

    private Service create(ServiceSpec.Builder b) {
        Service s = b.create();
        created.add(s);
        return s;
    }

    private static ServiceSpec.Builder sleeper(String prefix) {
        // Stops at once on SIGTERM; rolls out all tasks at once and watches them only briefly, to keep the test short.
        return swarm.service(TestImages.BUSYBOX).name(Names.unique(prefix))
                .command("sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait")
                .updateConfig(UPDATE).rollbackConfig(UPDATE);
    }

    @Test
    void create_fullSpec_readsBackAsSent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path hostDir) {
        OverlayNetwork net = swarm.network(Names.unique("svc-net")).attachable().create();
        String volume = Names.unique("svc-vol");
        Secret secret = swarm.secrets().create(SecretSpec.of(Names.unique("svc-secret"), "s3cret"));
        Config config = swarm.configs().create(ConfigSpec.of(Names.unique("svc-config"), "k=v\n"));
        try {
            ServiceSpec.Builder b = sleeper("full").replicas(2)
                    .env("GREETING", "hi").label("tier", "back").containerLabel("team", "berth")
                    .network(net.name(), "sleepy")
                    .mount(new ServiceMount.Volume(java.util.Optional.of(volume), "/data", false, false,
                            swarm.engine().labels(), java.util.Optional.empty(), java.util.Map.of()))
                    .tmpfs("/scratch")
                    .constraint("node.role==manager").spread("node.id").maxReplicasPerNode(2)
                    .limitCpus(0.5).limitMemory(64L << 20).limitPids(64).reserveMemory(8L << 20)
                    .restart(RestartPolicy.onFailure().delay(Duration.ofMillis(500)).maxAttempts(3))
                    .updateConfig(UPDATE.parallelism(2).order(UpdateOrder.START_FIRST))
                    .rollbackConfig(UPDATE.failureAction(FailureAction.CONTINUE))
                    .healthCheck(HealthCheck.cmd("true").interval(Duration.ofSeconds(1)))
                    .user("nobody").workdir("/tmp").hostname("task-{{.Task.Slot}}").stopSignal("SIGTERM")
                    .capDrop("MKNOD").host("db.local", "10.1.2.3").init().endpointMode(EndpointMode.VIP)
                    // host-mode ports need no routing mesh (this CI kernel has no IPVS); no published port: each task
                    // gets its own, so two replicas on one node do not collide
                    .publish(ServicePort.target(5353).protocol(dev.berth.container.Protocol.UDP).hostMode())
                    .bind(hostDir, "/host")
                    .secret(SecretRef.of(secret.name()).target("token"))
                    .config(config.name(), "/etc/app.conf")
                    .stopGracePeriod(Duration.ofSeconds(3));
            ServiceSpec sent = b.build();
            Service s = create(b);

            ServiceInfo info = s.awaitConverged(CONVERGE);
            assertThat(info.name()).isEqualTo(sent.name().orElseThrow());
            assertThat(info.runningTasks()).isEqualTo(2);
            assertThat(info.desiredTasks()).isEqualTo(2);
            ServiceSpec.Builder expected = sent.toBuilder();
            swarm.engine().labels().forEach(expected::label);
            assertThat(s.spec()).isEqualTo(expected.build());
            assertThat(swarm.services().find(sent.name().orElseThrow())).contains(s);
        } finally {
            created.forEach(Service::remove);
            created.clear();
            removeWhenFree(net);
            removeVolumeWhenFree(volume);
            removeWhenFree(secret::remove);
            removeWhenFree(config::remove);
        }
    }

    @Test
    void list_filtersByLabelAndName() {
        String tag = Names.unique("tag");
        Service a = create(sleeper("list-a").replicas(0).label("berth.test", tag));
        Service b = create(sleeper("list-b").replicas(0).label("berth.test", tag).label("pick", "me"));
        assertThat(swarm.services().label("berth.test", tag).list()).extracting(ServiceInfo::id)
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(swarm.services().label("berth.test", tag).label("pick").services()).containsExactly(b);
        assertThat(swarm.services().name(a.name()).list()).extracting(ServiceInfo::name).containsExactly(a.name());
        assertThat(swarm.services().ownSession().list()).extracting(ServiceInfo::id).contains(a.id(), b.id());
        assertThat(swarm.services().find("no-such-service-" + tag)).isEmpty();
        assertThatThrownBy(() -> swarm.services().get("no-such-service-" + tag))
                .isInstanceOf(ServiceNotFoundException.class).hasMessageContaining("no-such-service-" + tag);
    }

    @Test
    void update_withStaleVersion_isRefused_andReadModifyWriteApplies() {
        Service s = create(sleeper("upd").replicas(1));
        ServiceInfo v1 = s.inspect();
        s.update(b -> b.env("STAGE", "two"));
        ServiceInfo v2 = s.awaitConverged(CONVERGE);
        assertThat(v2.spec().env()).containsEntry("STAGE", "two");
        assertThat(v2.version()).isGreaterThan(v1.version());
        assertThat(v2.previousSpec()).get().satisfies(p -> assertThat(p.env()).doesNotContainKey("STAGE"));

        ServiceSpec stale = v1.spec().toBuilder().env("STAGE", "stale").build();
        assertThatThrownBy(() -> s.update(stale, v1.version())).isInstanceOf(ConflictException.class)
                .hasMessageContaining(s.name()).hasMessageContaining("read it again");
        s.update(v2.spec().toBuilder().env("STAGE", "three").build(), v2.version()).awaitConverged(CONVERGE);
        assertThat(s.spec().env()).containsEntry("STAGE", "three");
    }

    @Test
    void scale_forceUpdate_andRollback() {
        Service s = create(sleeper("scale").replicas(1));
        List<ServiceProgress> progress = new CopyOnWriteArrayList<>();
        s.scale(3).awaitConverged(Convergence.within(CONVERGE).onProgress(progress::add));
        assertThat(running(s)).hasSize(3);
        assertThat(progress).anySatisfy(p -> assertThat(p.changes()).isNotEmpty());
        assertThat(progress.get(progress.size() - 1).running()).isEqualTo(3);

        Set<String> before = ids(running(s));
        s.forceUpdate().awaitConverged(CONVERGE);
        Set<String> after = ids(running(s));
        assertThat(after).hasSize(3).doesNotContainAnyElementsOf(before);

        s.update(b -> b.env("VERSION", "2")).awaitConverged(CONVERGE);
        assertThat(s.spec().env()).containsEntry("VERSION", "2");
        s.rollback().awaitConverged(CONVERGE);
        assertThat(s.spec().env()).doesNotContainKey("VERSION");
        assertThat(s.inspect().updateStatus()).get().extracting(UpdateStatus::state)
                .isEqualTo(UpdateState.ROLLBACK_COMPLETED);
        assertThat(running(s)).hasSize(3);

        Service global = create(sleeper("glob").global());
        assertThatThrownBy(() -> global.scale(2)).hasMessageContaining("global").hasMessageContaining(global.name());
        assertThatThrownBy(() -> create(sleeper("never").replicas(1)).rollback())
                .hasMessageContaining("no previous spec");
    }

    @Test
    void awaitConverged_timesOutWithTheTaskError() {
        Service s = create(swarm.service("berth-test/no-such-image:1").name(Names.unique("bad")).replicas(1));
        assertThatThrownBy(() -> s.awaitConverged(Duration.ofSeconds(4)))
                .isInstanceOf(WaitTimeoutException.class)
                .hasMessageContaining("service '" + s.name() + "' to converge")
                .hasMessageContaining("0/1 tasks running");
    }

    @Test
    void tasks_reportNodeStatesErrorsAndExitCodes() {
        Service s = create(swarm.service(TestImages.BUSYBOX).name(Names.unique("exit3")).replicas(1)
                .command("sh", "-c", "echo bye; exit 3").restart(RestartPolicy.none()));
        Task t = awaitTask(s, task -> task.state() == TaskState.FAILED);
        assertThat(t.exitCode()).contains(3);
        assertThat(t.error()).get().asString().contains("non-zero exit (3)");
        assertThat(t.nodeId()).isEqualTo(swarm.info().nodeId());
        assertThat(t.desiredState()).isIn(TaskState.SHUTDOWN, TaskState.RUNNING);
        assertThat(t.name()).isEqualTo(s.name() + ".1");
        assertThat(swarm.self().tasks()).extracting(Task::id).contains(t.id());
    }

    @Test
    void logs_fetchTailTimestampsPerTask_andFollow() throws Exception {
        Service s = create(swarm.service(TestImages.BUSYBOX).name(Names.unique("logs")).replicas(2)
                .command("sh", "-c", "for i in 1 2 3; do echo line$i {{.Task.Slot}}; done; echo oops >&2;"
                        + " while true; do sleep 0.3; echo tick; done")
                .hostname("{{.Task.Slot}}").stopGracePeriod(Duration.ofSeconds(1)));
        s.awaitConverged(CONVERGE);
        awaitLogs(s, 8);
        List<ServiceLogLine> all = s.logs().fetch();
        assertThat(all).extracting(ServiceLogLine::text).contains("line1 {{.Task.Slot}}", "oops");
        assertThat(all.stream().map(ServiceLogLine::taskId).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(ids(running(s)));
        assertThat(all).filteredOn(l -> l.text().equals("oops"))
                .allSatisfy(l -> assertThat(l.source()).isEqualTo(dev.berth.container.LogSource.STDERR));

        Task one = running(s).get(0);
        List<ServiceLogLine> mine = s.logs(one).timestamps().fetch();
        assertThat(mine).allSatisfy(l -> {
            assertThat(l.taskId()).isEqualTo(one.id());
            assertThat(l.timestamp()).isPresent();
        });
        assertThat(s.logs(one).tail(1).fetch()).hasSize(1);

        try (ServiceLogStream follow = s.logs().tail(0).open()) {
            assertThat(follow.next(Duration.ofSeconds(10))).get()
                    .satisfies(l -> assertThat(l.text()).isEqualTo("tick"));
        }
    }

    @Test
    void replicatedJob_runsToCompletion_andGlobalJobOnEveryNode() {
        Service job = create(swarm.service(TestImages.BUSYBOX).name(Names.unique("job"))
                .mode(ServiceMode.replicatedJob(2, 4)).command("sh", "-c", "echo done"));
        ServiceInfo info = job.awaitConverged(CONVERGE);
        assertThat(job.tasks()).filteredOn(t -> t.state() == TaskState.COMPLETE).hasSize(4);
        assertThat(info.spec().mode()).isEqualTo(ServiceMode.replicatedJob(2, 4));

        Service gjob = create(swarm.service(TestImages.BUSYBOX).name(Names.unique("gjob")).mode(ServiceMode.globalJob())
                .command("true"));
        gjob.awaitConverged(CONVERGE);
        assertThat(gjob.tasks()).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo(TaskState.COMPLETE));
    }

    static List<Task> running(Service s) {
        return s.tasks().stream().filter(Task::isRunning).collect(Collectors.toCollection(ArrayList::new));
    }

    static Set<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).collect(Collectors.toSet());
    }

    private static Task awaitTask(Service s, java.util.function.Predicate<Task> p) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            for (Task t : s.tasks()) {
                if (p.test(t)) {
                    return t;
                }
            }
            sleep(200);
        }
        throw new AssertionError("no task matched in 60 s: " + s.tasks());
    }

    private static void awaitLogs(Service s, int lines) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (s.logs().fetch().size() < lines) {
            if (System.nanoTime() > end) {
                throw new AssertionError("fewer than " + lines + " log lines after 30 s: " + s.logs().fetch());
            }
            sleep(200);
        }
    }

    /** Removes a volume the node created for a task, once the task's container is gone. */
    static void removeVolumeWhenFree(String volume) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                swarm.engine().dockerClient().removeVolumeCmd(volume).exec();
                return;
            } catch (com.github.dockerjava.api.exception.NotFoundException gone) {
                return;
            } catch (RuntimeException inUse) {
                if (System.nanoTime() > end) {
                    throw inUse;
                }
                sleep(200);
            }
        }
    }

    static void removeWhenFree(OverlayNetwork net) {
        removeWhenFree(net::remove);
    }

    /** Runs a removal until the engine stops refusing it (tasks of a removed service still hold what it used), 30 s. */
    static void removeWhenFree(Runnable remove) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                remove.run();
                return;
            } catch (RuntimeException inUse) {
                if (System.nanoTime() > end) {
                    throw inUse;
                }
                sleep(200);
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
