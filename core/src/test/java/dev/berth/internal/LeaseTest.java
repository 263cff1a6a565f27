package dev.berth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.Labels;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LeaseTest {
    private static final Instant CREATED = Instant.parse("2026-12-04T17:30:24Z");
    private static final ProcessKey OTHER_HOST = new ProcessKey("boot-b/pid:[2]", 10, 20);

    /** A volume as the engine lists it. */
    private static JsonNode volume(String createdAt, Map<String, String> labels) {
        return Json.read(Json.write(Map.of("Name", "berth-heartbeat-s1-0", "CreatedAt", createdAt, "Labels", labels)));
    }

    @Test
    void of_readsTheSessionTtlProcessAndTheEnginesCreationTime() {
        Lease lease = Lease.of(volume("2026-12-04T18:30:24+01:00", Map.of(Labels.SESSION, "s1", Labels.LEASE, "60",
                Labels.LEASE_PROCESS, OTHER_HOST.label()))).orElseThrow();
        assertThat(lease).isEqualTo(new Lease("s1", "berth-heartbeat-s1-0", CREATED, Duration.ofSeconds(60),
                Optional.of(OTHER_HOST)));
    }

    @Test
    void of_ignoresVolumesThatAreNotReadableHeartbeats() {
        assertThat(Lease.of(volume("2026-12-04T17:30:24Z", Map.of(Labels.SESSION, "s1")))).isEmpty();
        assertThat(Lease.of(volume("2026-12-04T17:30:24Z", Map.of(Labels.SESSION, "s1", Labels.LEASE, "x")))).isEmpty();
        assertThat(Lease.of(volume("", Map.of(Labels.SESSION, "s1", Labels.LEASE, "60")))).isEmpty();
        assertThat(Lease.of(Json.read("{\"Name\": \"v\"}"))).isEmpty();
    }

    @Test
    void seenFromAnotherMachine_deadExactlyWhenTheEnginesClockReachesCreationPlusTtl() {
        Lease lease = new Lease("s1", "v", CREATED, Duration.ofSeconds(60), Optional.of(OTHER_HOST));
        Optional<ProcessKey> observer = Optional.of(new ProcessKey("boot-a/pid:[1]", 1, 1));
        assertThat(lease.dead(CREATED.plusSeconds(59), observer)).isFalse();
        assertThat(lease.dead(CREATED.plusSeconds(60), observer)).isTrue();
        // A reader's own clock plays no part: only the engine's "now" is passed in.
        assertThat(lease.dead(CREATED.minusSeconds(3600), observer)).isFalse();
    }

    @Test
    void inTheSameNamespace_theProcessDecides_notTheClock() {
        ProcessKey self = ProcessKey.self().orElseThrow();
        Lease live = new Lease("s1", "v", CREATED, Duration.ZERO, Optional.of(self));
        assertThat(live.dead(CREATED.plusSeconds(3600), Optional.of(self))).as("expired lease, process runs").isFalse();
        ProcessKey killed = new ProcessKey(self.namespace(), Integer.MAX_VALUE, 5);
        Lease dead = new Lease("s2", "v", CREATED, Duration.ofHours(1), Optional.of(killed));
        assertThat(dead.dead(CREATED, Optional.of(self))).as("fresh lease, process gone").isTrue();
    }

    @Test
    void withoutAProcessKey_theLeaseDecides() {
        Lease lease = new Lease("s1", "v", CREATED, Duration.ofSeconds(1), Optional.empty());
        assertThat(lease.dead(CREATED, ProcessKey.self())).isFalse();
        assertThat(lease.dead(CREATED.plusSeconds(1), ProcessKey.self())).isTrue();
    }
}
