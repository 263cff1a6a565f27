package dev.berth;

import java.util.Optional;

/** A registry or the engine refused the credentials (HTTP 401); the message never contains the secret. */
public class UnauthorizedException extends BerthException {
    private static final long serialVersionUID = 1L;
    private final String registry;

    public UnauthorizedException(String message, Throwable cause) {
        this(null, message, cause);
    }

    public UnauthorizedException(String registry, String message, Throwable cause) {
        super(message, cause);
        this.registry = registry;
    }

    /** The registry that refused, e.g. {@code 127.0.0.1:5001} or {@code docker.io}, when known. */
    public Optional<String> registry() {
        return Optional.ofNullable(registry);
    }
}
