package dev.berth.wait;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ready-made {@link WaitStrategy}s, each with a 60 s default timeout.
 *
 * <pre>{@code
 * engine.container("web:1").publish(8080, 80).detached()
 *       .waitingFor(Wait.forHttp("/").forPort(80).withTimeout(Duration.ofSeconds(20)))
 *       .run();
 * }</pre>
 */
public final class Wait {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private Wait() {
    }

    /** Until a line of output matches the regular expression (anywhere in the line) once. */
    public static WaitStrategy forLogMessage(String regex) {
        return forLogMessage(regex, 1);
    }

    /** Until {@code times} lines of output match the regular expression. */
    public static WaitStrategy forLogMessage(String regex, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        return new LogMessageWait(Pattern.compile(regex), times, DEFAULT_TIMEOUT);
    }

    /** Until a TCP connection to the container port's published host port on 127.0.0.1 is served. */
    public static WaitStrategy forPort(int containerPort) {
        return new PortWait(containerPort, DEFAULT_TIMEOUT);
    }

    /** Until {@code GET path} on the published port answers 200; refine with {@link HttpWait#forPort} and {@link HttpWait#forStatus}. */
    public static HttpWait forHttp(String path) {
        return new HttpWait(path, 0, List.of(), DEFAULT_TIMEOUT);
    }

    /** Until the container's health check reports healthy; driven by engine events, not polling. */
    public static WaitStrategy forHealthy() {
        return new HealthyWait(DEFAULT_TIMEOUT);
    }

    /** Until the container exits, with any exit code; driven by the engine's die event, not polling. */
    public static WaitStrategy forExit() {
        return new ExitWait(null, DEFAULT_TIMEOUT);
    }

    /** Until the container exits with this exit code; another code fails the wait. */
    public static WaitStrategy forExit(int exitCode) {
        return new ExitWait(exitCode, DEFAULT_TIMEOUT);
    }

    /** All of the strategies, one after another, under one timeout (the default, or set with withTimeout). */
    public static WaitStrategy allOf(WaitStrategy... strategies) {
        if (strategies.length == 0) {
            throw new IllegalArgumentException("allOf needs at least one strategy");
        }
        return new AllWait(List.of(strategies), DEFAULT_TIMEOUT);
    }
}
