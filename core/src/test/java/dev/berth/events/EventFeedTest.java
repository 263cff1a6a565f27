package dev.berth.events;

import dev.berth.internal.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Event JSON to {@link EngineEvent}, and the query string {@code docker events} flags become. */
class EventFeedTest {

    @Test
    void map_usesTimeNanoAndActor() throws Exception {
        EngineEvent e = EventFeed.map(Json.read("""
                {"status":"die","id":"abc","from":"busybox","Type":"container","Action":"die",
                 "Actor":{"ID":"abc","Attributes":{"exitCode":"3","name":"web"}},"scope":"local",
                 "time":1795826499,"timeNano":1795826499123456789}"""));
        assertThat(e.type()).isEqualTo("container");
        assertThat(e.action()).isEqualTo("die");
        assertThat(e.actorId()).isEqualTo("abc");
        assertThat(e.attribute("exitCode")).isEqualTo("3");
        assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(1795826499, 123456789));
    }

    @Test
    void map_ofOldShapeWithoutActor_fallsBackToStatusAndId() throws Exception {
        EngineEvent e = EventFeed.map(Json.read(
                "{\"status\":\"pull\",\"id\":\"busybox:1\",\"time\":1795826499}"));
        assertThat(e.action()).isEqualTo("pull");
        assertThat(e.actorId()).isEqualTo("busybox:1");
        assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(1795826499));
    }

    @Test
    void query_encodesFiltersSinceAndUntil() {
        EventQuery q = new EventQuery(null).type("container", "network")
                .action("start").label("app", "web").network("front")
                .since(Instant.ofEpochSecond(10, 5)).until(Instant.ofEpochSecond(20));
        assertThat(q.query()).isEqualTo("?since=10.000000005&until=20.000000000&filters="
                + "%7B%22type%22%3A%5B%22container%22%2C%22network%22%5D%2C%22event%22%3A%5B%22start%22%5D%2C"
                + "%22label%22%3A%5B%22app%3Dweb%22%5D%2C%22network%22%3A%5B%22front%22%5D%7D");
    }
}
