package dev.berth.wait;

import dev.berth.BerthException;
import dev.berth.WaitTimeoutException;
import dev.berth.container.Container;
import dev.berth.container.ContainerInfo;
import dev.berth.container.ContainerState;

import java.time.Duration;

/** Shared pieces of the strategies. */
final class Waits {
    private Waits() {
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while waiting", e);
        }
    }

    /** Fails at once when the container has exited, since it can no longer become ready. */
    static void failIfExited(Container c, String awaited) {
        ContainerInfo info = c.inspect();
        if (info.state() == ContainerState.EXITED || info.state() == ContainerState.DEAD) {
            throw new BerthException("Container '" + c.name() + "' exited (code " + info.exitCode()
                    + ") while waiting for " + awaited + "; check its logs: container.logs().fetch()");
        }
    }

    static WaitTimeoutException timeout(Container c, String awaited, Deadline d, String last) {
        return new WaitTimeoutException(awaited + " of container '" + c.name() + "'", d.timeout(), last, null);
    }

    static Duration checkTimeout(Duration t) {
        if (t == null || t.isNegative() || t.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + t);
        }
        return t;
    }
}
