package dev.berth.swarm.internal;

import dev.berth.ConflictException;

/** An update quoted a version that is no longer current: another client changed the object in between. */
public final class StaleVersionException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public StaleVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
