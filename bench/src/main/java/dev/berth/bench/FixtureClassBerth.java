package dev.berth.bench;

import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Managed;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's test class written with berth-junit: three class-scoped containers (busybox httpd, port 80
 * published and awaited) and 20 test methods that each ask the engine whether one of them runs.
 */
@BerthTest
public class FixtureClassBerth {
    private static ContainerSpec httpd() {
        return ContainerSpec.builder(LifecycleBenchmark.IMAGE).publish(80).command("httpd", "-f", "-p", "80").init()
                .build();
    }

    @Managed(waitForPorts = 80)
    static final ContainerSpec a = httpd();
    @Managed(waitForPorts = 80)
    static final ContainerSpec b = httpd();
    @Managed(waitForPorts = 80)
    static final ContainerSpec c = httpd();

    @Test
    void test01(@Managed("b") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test02(@Managed("c") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test03(@Managed("a") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test04(@Managed("b") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test05(@Managed("c") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test06(@Managed("a") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test07(@Managed("b") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test08(@Managed("c") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test09(@Managed("a") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test10(@Managed("b") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test11(@Managed("c") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test12(@Managed("a") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test13(@Managed("b") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test14(@Managed("c") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test15(@Managed("a") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test16(@Managed("b") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test17(@Managed("c") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test18(@Managed("a") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test19(@Managed("b") Container c) {
        assertTrue(c.isRunning());
    }

    @Test
    void test20(@Managed("c") Container c) {
        assertTrue(c.isRunning());
    }
}
