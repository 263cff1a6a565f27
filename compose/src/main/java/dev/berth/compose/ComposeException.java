package dev.berth.compose;

import dev.berth.BerthException;

import java.util.Optional;

/**
 * A Compose command failed on the engine: a service that could not be created, started or became unhealthy, an image
 * that could not be built or pulled, a missing external resource. The message names the service and says why.
 */
public class ComposeException extends BerthException {
    private static final long serialVersionUID = 1L;

    private final String service;

    public ComposeException(String service, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
    }

    /** The service the failure is about, when there is one. */
    public Optional<String> service() {
        return Optional.ofNullable(service);
    }
}
