package dev.berth.events;

import dev.berth.Engine;
import dev.berth.Subscription;
import dev.berth.container.Container;
import dev.berth.network.Network;
import dev.berth.testing.EngineExtension;
import dev.berth.testing.Names;
import dev.berth.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code docker events} through Berth: filters, order, since/until, and closing streams and subscriptions. */
@ExtendWith(EngineExtension.class)
class EventsIT {
    private static final String RUN = "berth.test.run";

    /** Takes events until one has the action, or 30 s pass; returns the actions seen. */
    private static List<String> actionsUntil(EventStream stream, String last) {
        List<String> actions = new ArrayList<>();
        Instant end = Instant.now().plusSeconds(30);
        for (int i = 0; i < 100 && Instant.now().isBefore(end); i++) {
            Optional<EngineEvent> e = stream.next(Duration.between(Instant.now(), end));
            if (e.isEmpty()) {
                break;
            }
            actions.add(e.get().action());
            if (e.get().action().equals(last)) {
                break;
            }
        }
        return actions;
    }

    @Test
    void runStopRemove_produceContainerEventsInOrder(Engine engine) {
        // docker run -d; docker stop -t 1 (busybox sleep ignores SIGTERM as PID 1, so SIGKILL follows); docker rm:
        // create, start, kill (SIGTERM), kill (SIGKILL), die and stop, destroy. Docker 20.10 reports die before
        // stop; Docker 26 reports them in either order (its exit handler wakes the stop call before it logs die), so
        // those two are checked as a pair.
        String run = Names.unique("run");
        try (EventStream events = engine.events().type("container").label(RUN, run).open()) {
            Container c = engine.container(TestImages.BUSYBOX).label(RUN, run).command("sleep", "60").detached().run();
            c.stop(Duration.ofSeconds(1));
            c.remove();
            List<String> actions = actionsUntil(events, "destroy");
            assertThat(actions).hasSize(7);
            assertThat(actions.subList(0, 4)).containsExactly("create", "start", "kill", "kill");
            assertThat(actions.subList(4, 6)).containsExactlyInAnyOrder("die", "stop");
            assertThat(actions.get(6)).isEqualTo("destroy");
        }
    }

    @Test
    void events_carryActorIdAttributesAndEngineTime(Engine engine) {
        String run = Names.unique("run");
        Instant before = Instant.now().minusSeconds(1);
        try (EventStream events = engine.events().type("container").action("die").label(RUN, run).open()) {
            try (Container c = engine.container(TestImages.BUSYBOX).label(RUN, run).command("sh", "-c", "exit 7")
                    .detached().run()) {
                EngineEvent die = events.next(Duration.ofSeconds(30)).orElseThrow();
                assertThat(die.type()).isEqualTo("container");
                assertThat(die.action()).isEqualTo("die");
                assertThat(die.actorId()).isEqualTo(c.id());
                assertThat(die.attribute("exitCode")).isEqualTo("7");
                assertThat(die.attribute(RUN)).isEqualTo(run);
                assertThat(die.time()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
                Instant finished = c.inspect().finishedAt().orElseThrow();
                assertThat(Duration.between(finished, die.time()).abs()).as("die time vs FinishedAt")
                        .isLessThan(Duration.ofSeconds(1));
            }
        }
    }

    @Test
    void filters_byTypeActionNetworkAndVolume(Engine engine) {
        // docker events --filter type=network --filter event=create --filter network=NAME; volume=NAME likewise.
        // Network and volume events carry no labels, so they are selected by name.
        String net = Names.unique("berth-ev");
        String vol = Names.unique("berth-ev");
        try (EventStream nets = engine.events().type("network").action("create", "destroy").network(net).open();
             EventStream vols = engine.events().type("volume").volume(vol).open()) {
            engine.network(net).create().remove();
            engine.volume(vol).create().remove();
            assertThat(actionsUntil(nets, "destroy")).containsExactly("create", "destroy");
            assertThat(actionsUntil(vols, "destroy")).containsExactly("create", "destroy");
        }
    }

    @Test
    void sinceUntil_replayPastEvents_andFetchReturnsWhenTheStreamEnds(Engine engine) {
        // docker events --since T0 --until T1 replays what happened in between and exits.
        String run = Names.unique("run");
        Instant t0 = Instant.now();
        engine.container(TestImages.BUSYBOX).label(RUN, run).command("true").create().remove();
        Instant t1 = Instant.now().plusMillis(200);
        List<EngineEvent> past = engine.events().label(RUN, run).since(t0).until(t1).fetch();
        assertThat(past).extracting(EngineEvent::action).containsExactly("create", "destroy");
        assertThatThrownBy(() -> engine.events().fetch()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("until");

        // With until but no since the engine also replays its buffer (as docker events --until does); since(now)
        // keeps only what comes next.
        try (EventStream replay = engine.events().label(RUN, run).until(Instant.now().plusMillis(500)).open()) {
            assertThat(actionsUntil(replay, "destroy")).containsExactly("create", "destroy");
        }
        try (EventStream future = engine.events().label(RUN, run).since(Instant.now())
                .until(Instant.now().plusMillis(1500)).open()) {
            assertThat(future.next(Duration.ofSeconds(20))).isEmpty();
            assertThat(future.ended()).as("the engine ended the stream at until").isTrue();
            assertThat(future.next(Duration.ofSeconds(20))).isEmpty();
        }
    }

    @Test
    void subscription_deliversUntilClosed(Engine engine) throws Exception {
        String run = Names.unique("run");
        List<EngineEvent> seen = new CopyOnWriteArrayList<>();
        Subscription s = engine.events().label(RUN, run).action("create").subscribe(seen::add);
        try {
            engine.container(TestImages.BUSYBOX).label(RUN, run).command("true").create().remove();
            for (int i = 0; i < 100 && seen.isEmpty(); i++) {
                Thread.sleep(50);
            }
            assertThat(seen).hasSize(1);
        } finally {
            s.close();
            s.close(); // idempotent
        }
        engine.container(TestImages.BUSYBOX).label(RUN, run).command("true").create().remove();
        Thread.sleep(500);
        assertThat(seen).as("nothing after close").hasSize(1);
    }

    @Test
    void closedStream_returnsEmptyAtOnce(Engine engine) {
        EventStream s = engine.events().type("container").label(RUN, Names.unique("run")).open();
        s.close();
        long start = System.nanoTime();
        assertThat(s.next(Duration.ofSeconds(10))).isEmpty();
        assertThat(s.ended()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void networkConnectAndDisconnect_nameTheNetworkAndTheContainer(Engine engine) {
        // docker network connect/disconnect: events of type network whose actor is the network and whose container
        // attribute is the container's id.
        String run = Names.unique("run");
        try (Network n = engine.network(Names.unique("berth-ev")).create();
             Container c = engine.container(TestImages.BUSYBOX).label(RUN, run).command("sleep", "60").detached().run();
             EventStream events = engine.events().type("network").network(n.name()).action("connect", "disconnect")
                     .open()) {
            n.connect(c);
            n.disconnect(c);
            EngineEvent connect = events.next(Duration.ofSeconds(20)).orElseThrow();
            assertThat(connect.action()).isEqualTo("connect");
            assertThat(connect.actorId()).isEqualTo(n.id());
            assertThat(connect.attribute("container")).isEqualTo(c.id());
            assertThat(events.next(Duration.ofSeconds(20)).orElseThrow().action()).isEqualTo("disconnect");
        }
    }
}
