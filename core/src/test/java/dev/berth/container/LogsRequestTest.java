package dev.berth.container;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** How since/until go on the wire: SECONDS.NANOSECONDS, as the docker CLI sends them. */
class LogsRequestTest {
    @Test
    void unixTime_keepsNanoseconds() {
        assertThat(LogsRequest.unixTime(Instant.parse("2026-11-28T04:00:00.000000001Z"))).isEqualTo("1795838400.000000001");
        assertThat(LogsRequest.unixTime(Instant.ofEpochSecond(5, 120_000_000))).isEqualTo("5.120000000");
        assertThat(LogsRequest.unixTime(Instant.EPOCH)).isEqualTo("0.000000000");
    }
}
