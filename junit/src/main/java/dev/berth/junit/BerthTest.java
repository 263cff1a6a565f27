package dev.berth.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class with Berth fixtures: its {@link Managed} fields are started before and stopped after their
 * scope — static fields around the class, instance fields around each test — and the engine and started resources
 * can be injected into test and lifecycle methods.
 *
 * <pre>{@code
 * @BerthTest
 * class CacheIT {
 *     @Managed(waitForPorts = 6379)
 *     static final ContainerSpec cache = ContainerSpec.builder("redis:7").publish(6379).build();
 *
 *     @Test
 *     void answersPing(Container cache) {
 *         int port = cache.hostPort(6379);
 *     }
 * }
 * }</pre>
 *
 * <p>One {@link dev.berth.Engine} serves the whole test run (JUnit's launcher session): it connects to the engine the
 * environment names (or the configuration parameter {@code berth.engine.host}), publishes a heartbeat so other Berth
 * sessions see it live, removes what dead sessions left, and on close removes everything it created. Classes and
 * methods may run in parallel (JUnit's {@code junit.jupiter.execution.parallel.enabled}); fixtures of different
 * classes never wait for each other.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BerthExtension.class)
public @interface BerthTest {

    /**
     * Disables the tests, instead of failing them, when no engine answers. Off by default: in CI a missing engine
     * must fail the build.
     */
    boolean disabledWithoutEngine() default false;

    /** How many lines of each running container's log to attach to a failed test. */
    int logLines() default 100;
}
