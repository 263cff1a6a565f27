package dev.berth.internal;

import com.github.dockerjava.api.exception.DockerException;

/** An error status from an Engine API call made outside docker-java, shaped like docker-java's so {@link Errors} maps it. */
public final class EngineHttpException extends DockerException {
    private static final long serialVersionUID = 1L;

    public EngineHttpException(int status, String body) {
        super("Status " + status + ": " + body, status);
    }
}
