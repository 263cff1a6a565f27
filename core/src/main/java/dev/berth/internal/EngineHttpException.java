package dev.berth.internal;

/**
 * An error status from an Engine API call; {@link Errors#translate} turns it into the Berth exception a caller can act
 * on. {@link #getMessage()} is {@code Status N: BODY}.
 */
public final class EngineHttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public EngineHttpException(int status, String body) {
        super("Status " + status + ": " + body);
        this.status = status;
    }

    /** The HTTP status. */
    public int getHttpStatus() {
        return status;
    }
}
