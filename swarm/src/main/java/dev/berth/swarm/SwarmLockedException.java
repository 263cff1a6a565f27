package dev.berth.swarm;

import dev.berth.BerthException;

/** The manager restarted with autolock on and waits for its unlock key ({@code docker swarm unlock}). */
public class SwarmLockedException extends BerthException {
    private static final long serialVersionUID = 1L;

    public SwarmLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
