package dev.berth.junit;

import dev.berth.BerthException;

/**
 * A fixture is declared wrongly (unsupported field type, unknown or cyclic {@code dependsOn}, a reusable fixture
 * depending on a throw-away one) or could not be started or stopped; the message names the field and what to do.
 */
public class FixtureException extends BerthException {
    private static final long serialVersionUID = 1L;

    public FixtureException(String message) {
        super(message);
    }

    public FixtureException(String message, Throwable cause) {
        super(message, cause);
    }
}
