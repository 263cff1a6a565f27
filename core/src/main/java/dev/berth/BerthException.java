package dev.berth;

/**
 * Root of every exception Berth throws; unchecked, with a message that says what happened and what to do.
 */
public class BerthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BerthException(String message) {
        super(message);
    }

    public BerthException(String message, Throwable cause) {
        super(message, cause);
    }
}
