package dev.berth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Vectors from Go's time package (durationTests / parseDurationTests), which Docker uses for HEALTHCHECK. */
class GoDurationTest {

    @Test
    void format_matchesGoDurationString() {
        assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(GoDuration.format(Duration.ofNanos(1))).isEqualTo("1ns");
        assertThat(GoDuration.format(Duration.ofNanos(1100))).isEqualTo("1.1µs");
        assertThat(GoDuration.format(Duration.ofNanos(2_200_000))).isEqualTo("2.2ms");
        assertThat(GoDuration.format(Duration.ofMillis(3300))).isEqualTo("3.3s");
        assertThat(GoDuration.format(Duration.ofSeconds(245))).isEqualTo("4m5s");
        assertThat(GoDuration.format(Duration.ofMillis(245_001))).isEqualTo("4m5.001s");
        assertThat(GoDuration.format(Duration.ofMillis(5 * 3_600_000L + 6 * 60_000 + 7001))).isEqualTo("5h6m7.001s");
        assertThat(GoDuration.format(Duration.ofMinutes(8).plusNanos(1))).isEqualTo("8m0.000000001s");
        assertThat(GoDuration.format(Duration.ofHours(4))).isEqualTo("4h0m0s");
    }

    @Test
    void parse_acceptsGoSyntax() {
        assertThat(GoDuration.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(GoDuration.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("1h2m3s4ms5us6ns")).isEqualTo(Duration.ofNanos(3_723_004_005_006L));
        assertThat(GoDuration.parse(".5s")).isEqualTo(Duration.ofMillis(500));
        assertThat(GoDuration.parse("10µs")).isEqualTo(Duration.ofNanos(10_000));
        assertThatThrownBy(() -> GoDuration.parse("3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoDuration.parse("1d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoDuration.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_refusesWhatGoRefuses_withGosMessages() {
        assertThatThrownBy(() -> GoDuration.parse("3")).hasMessage("time: missing unit in duration \"3\"");
        assertThatThrownBy(() -> GoDuration.parse("1d")).hasMessage("time: unknown unit \"d\" in duration \"1d\"");
        assertThatThrownBy(() -> GoDuration.parse("1.2.3s")).hasMessage("time: invalid duration \"1.2.3s\"");
        // Go's int64 nanoseconds overflow at about 2562047h; both former parsers disagreed here.
        assertThatThrownBy(() -> GoDuration.parse("2562048h")).hasMessage("time: invalid duration \"2562048h\"");
        assertThat(GoDuration.parse("2562047h")).isEqualTo(Duration.ofHours(2562047));
        assertThat(GoDuration.parse("-1.5s")).isEqualTo(Duration.ofMillis(-1500));
        assertThat(GoDuration.format(GoDuration.parse("1.5h"))).isEqualTo("1h30m0s");
    }
}
