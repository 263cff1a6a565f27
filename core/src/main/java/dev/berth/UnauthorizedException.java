package dev.berth;

/** A registry or the engine refused the credentials (HTTP 401); the message never contains the secret. */
public class UnauthorizedException extends BerthException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message, Throwable cause) {
        super(message, cause);
    }
}
