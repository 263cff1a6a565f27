package dev.berth.swarm;

import dev.berth.BerthException;

/**
 * The engine is not a manager of an active swarm (swarm mode is inactive, or it is a worker), so it cannot answer
 * swarm requests.
 */
public class NotSwarmManagerException extends BerthException {
    private static final long serialVersionUID = 1L;

    public NotSwarmManagerException(String message, Throwable cause) {
        super(message, cause);
    }
}
