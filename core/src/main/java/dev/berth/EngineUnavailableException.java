package dev.berth;

import java.net.URI;

/** The Docker engine could not be reached or did not answer; the message names the host tried and how to fix it. */
public class EngineUnavailableException extends BerthException {
    private static final long serialVersionUID = 1L;
    private final transient URI host;

    public EngineUnavailableException(URI host, String message, Throwable cause) {
        super(message, cause);
        this.host = host;
    }

    /** The engine address that was tried. */
    public URI host() {
        return host;
    }
}
