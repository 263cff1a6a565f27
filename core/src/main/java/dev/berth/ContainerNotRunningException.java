package dev.berth;

/** An operation needs a running container (exec, pause, kill, …) but the container is not running. */
public class ContainerNotRunningException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public ContainerNotRunningException(String container, String message, Throwable cause) {
        super("Container '" + container + "' is not running: " + message
                + "; start it first (container.start()) or check why it exited (container.logs())", cause);
    }
}
