package dev.berth;

/** A named resource (container, image, network, volume, service, …) does not exist on the engine. */
public class NotFoundException extends BerthException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String resource;

    public NotFoundException(String kind, String resource, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.resource = resource;
    }

    /** What kind of resource was missing: {@code container}, {@code image}, {@code network}, … */
    public String kind() {
        return kind;
    }

    /** The name or id that was looked up. */
    public String resource() {
        return resource;
    }
}
