package dev.berth;

/** No network with the given name or id exists. */
public class NetworkNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public NetworkNotFoundException(String network, Throwable cause) {
        super("network", network, "No such network '" + network
                + "'; create it first or check the name", cause);
    }
}
