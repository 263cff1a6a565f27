package dev.berth;

/** The engine refused a request because it conflicts with existing state (name in use, port taken, resource in use). */
public class ConflictException extends BerthException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
