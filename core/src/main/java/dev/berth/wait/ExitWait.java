package dev.berth.wait;

import dev.berth.BerthException;
import dev.berth.WaitTimeoutException;
import dev.berth.container.Container;

import java.time.Duration;

/** Waits for the container to exit, optionally with a given code; uses the engine's blocking wait endpoint. */
record ExitWait(Integer expectedCode, Duration timeout) implements WaitStrategy {

    @Override
    public void waitUntilReady(Container container, Deadline outer) {
        Deadline deadline = outer.atMost(timeout);
        int code;
        try {
            code = container.await(deadline.remaining().isZero() ? Duration.ofMillis(1) : deadline.remaining());
        } catch (WaitTimeoutException e) {
            throw Waits.timeout(container, describe(), deadline, "still running");
        }
        if (expectedCode != null && code != expectedCode) {
            throw new BerthException("Container '" + container.name() + "' exited with code " + code + ", expected "
                    + expectedCode + "; check its logs: container.logs().fetch()");
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
