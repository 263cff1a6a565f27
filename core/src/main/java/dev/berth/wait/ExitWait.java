package dev.berth.wait;

import dev.berth.BerthException;
import dev.berth.container.Container;
import dev.berth.container.ContainerInfo;
import dev.berth.events.EngineEvent;
import dev.berth.events.EventStream;

import java.time.Duration;
import java.util.Optional;

/**
 * Waits for the container to exit, optionally with a given code. Subscribes to the container's {@code die} event
 * first, then reads the current state, so an exit between the two is never missed; no polling. The engine sends
 * {@code die} after it has recorded the exit and flushed the logs, and ~100 ms before its {@code /wait} endpoint
 * answers (Docker 20.10), which is why this does not use {@code docker wait}.
 */
record ExitWait(Integer expectedCode, Duration timeout) implements WaitStrategy {

    @Override
    public void waitUntilReady(Container container, Deadline outer) {
        Deadline deadline = outer.atMost(timeout);
        int code;
        try (EventStream events = container.engine().events().type("container").container(container.id())
                .action("die").open()) {
            ContainerInfo info = container.inspect();
            if (!info.isRunning()) {
                code = info.exitCode();
            } else {
                Optional<EngineEvent> die = events.next(deadline.remaining());
                if (die.isEmpty()) {
                    throw Waits.timeout(container, describe(), deadline, "still running");
                }
                code = exitCode(die.get(), container);
            }
        }
        if (expectedCode != null && code != expectedCode) {
            throw new BerthException("Container '" + container.name() + "' exited with code " + code + ", expected "
                    + expectedCode + "; check its logs: container.logs().fetch()");
        }
    }

    private static int exitCode(EngineEvent die, Container container) {
        String code = die.attribute("exitCode");
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException | NullPointerException e) {
            return container.inspect().exitCode();
        }
    }

    @Override
    public WaitStrategy withTimeout(Duration t) {
        return new ExitWait(expectedCode, Waits.checkTimeout(t));
    }

    @Override
    public String describe() {
        return expectedCode == null ? "exit" : "exit with code " + expectedCode;
    }
}
