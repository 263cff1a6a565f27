package dev.berth;

/** No container with the given name or id exists. */
public class ContainerNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public ContainerNotFoundException(String container, Throwable cause) {
        super("container", container, "No such container '" + container
                + "'; list containers with engine.containers().all().list() and check the name or id", cause);
    }
}
