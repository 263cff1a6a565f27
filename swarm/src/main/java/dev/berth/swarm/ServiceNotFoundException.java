package dev.berth.swarm;

import dev.berth.NotFoundException;

/** No swarm service has the given name or id. */
public class ServiceNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public ServiceNotFoundException(String service, Throwable cause) {
        super("service", service, "Service '" + service + "' does not exist on this swarm; check the name with"
                + " swarm.services().list() (stack services are named STACK_SERVICE)", cause);
    }
}
