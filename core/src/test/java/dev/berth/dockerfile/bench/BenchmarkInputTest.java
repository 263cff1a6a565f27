package dev.berth.dockerfile.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.dockerfile.Dockerfile;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark input honest: at least 1,000 lines, and it round-trips; no timing is asserted here. */
class BenchmarkInputTest {

    @Test
    void thousandLines_isAThousandLinesAndRoundTrips() {
        String text = DockerfileBenchmark.thousandLines();
        assertThat(text.lines().count()).isBetween(1000L, 1100L);
        Dockerfile df = Dockerfile.parse(text);
        assertThat(df.instructions()).hasSizeGreaterThan(400);
        assertThat(Dockerfile.parse(df.render())).isEqualTo(df);
    }
}
