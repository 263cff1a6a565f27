package dev.berth.bench;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The Testcontainers class with its opt-in parallel start: the same fields and tests, inherited. */
@Testcontainers(parallel = true)
public class FixtureClassTestcontainersParallel extends FixtureClassTestcontainers {
}
