package dev.berth;

import java.time.Duration;

/** A wait did not succeed in time; the message names what was awaited and the last state seen. */
public class WaitTimeoutException extends BerthException {
    private static final long serialVersionUID = 1L;
    private final String awaited;
    private final String lastState;
    private final transient Duration timeout;

    public WaitTimeoutException(String awaited, Duration timeout, String lastState, Throwable cause) {
        super("Timed out after " + timeout.toMillis() + " ms waiting for " + awaited + "; last state: " + lastState
                + "; raise the timeout or check the container's logs", cause);
        this.awaited = awaited;
        this.lastState = lastState;
        this.timeout = timeout;
    }

    /** What was awaited, in words. */
    public String awaited() {
        return awaited;
    }

    /** The last state observed before giving up. */
    public String lastState() {
        return lastState;
    }

    /** The timeout that elapsed. */
    public Duration timeout() {
        return timeout;
    }
}
