package dev.berth.swarm;

import dev.berth.BerthException;

/**
 * A service update did not go through: the swarm paused it or rolled it back. The message carries the engine's
 * reason; {@link Service#tasks()} shows the failing tasks.
 */
public class ServiceUpdateException extends BerthException {
    private static final long serialVersionUID = 1L;
    private final String service;
    private final UpdateStatus status;

    public ServiceUpdateException(String service, UpdateStatus status, String message) {
        super(message);
        this.service = service;
        this.status = status;
    }

    /** The service's name. */
    public String service() {
        return service;
    }

    /** The update status the swarm reported (paused, rollback_completed, …). */
    public UpdateStatus status() {
        return status;
    }
}
