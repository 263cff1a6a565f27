package dev.berth.bench;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same class written with Testcontainers 2.0.5: three {@code @Container} fields (exposed port 80, awaited by
 * Testcontainers' default wait strategy) and 20 test methods.
 */
@Testcontainers
public class FixtureClassTestcontainers {
    private static GenericContainer<?> httpd() {
        return new GenericContainer<>(DockerImageName.parse(LifecycleBenchmark.IMAGE)).withExposedPorts(80)
                .withCommand("httpd", "-f", "-p", "80");
    }

    @Container
    static final GenericContainer<?> a = httpd();
    @Container
    static final GenericContainer<?> b = httpd();
    @Container
    static final GenericContainer<?> c = httpd();

    @Test
    void test01() {
        assertTrue(b.isRunning());
    }

    @Test
    void test02() {
        assertTrue(c.isRunning());
    }

    @Test
    void test03() {
        assertTrue(a.isRunning());
    }

    @Test
    void test04() {
        assertTrue(b.isRunning());
    }

    @Test
    void test05() {
        assertTrue(c.isRunning());
    }

    @Test
    void test06() {
        assertTrue(a.isRunning());
    }

    @Test
    void test07() {
        assertTrue(b.isRunning());
    }

    @Test
    void test08() {
        assertTrue(c.isRunning());
    }

    @Test
    void test09() {
        assertTrue(a.isRunning());
    }

    @Test
    void test10() {
        assertTrue(b.isRunning());
    }

    @Test
    void test11() {
        assertTrue(c.isRunning());
    }

    @Test
    void test12() {
        assertTrue(a.isRunning());
    }

    @Test
    void test13() {
        assertTrue(b.isRunning());
    }

    @Test
    void test14() {
        assertTrue(c.isRunning());
    }

    @Test
    void test15() {
        assertTrue(a.isRunning());
    }

    @Test
    void test16() {
        assertTrue(b.isRunning());
    }

    @Test
    void test17() {
        assertTrue(c.isRunning());
    }

    @Test
    void test18() {
        assertTrue(a.isRunning());
    }

    @Test
    void test19() {
        assertTrue(b.isRunning());
    }

    @Test
    void test20() {
        assertTrue(c.isRunning());
    }
}
