package dev.berth.swarm;

import dev.berth.BerthException;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A compose project uses options a swarm stack cannot honour and that {@code docker stack deploy} refuses
 * (extends, volumes_from, mem_limit, cpu_shares, …). Nothing was deployed.
 */
public class UnsupportedOptionsException extends BerthException {
    private static final long serialVersionUID = 1L;
    private final Map<String, String> options;

    public UnsupportedOptionsException(String stack, Map<String, String> options) {
        super("Cannot deploy stack '" + stack + "': the compose file contains unsupported options:\n\n"
                + options.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).sorted()
                .collect(Collectors.joining("\n\n"))
                + "\n\nRemove them (stack services take their limits from deploy.resources) and deploy again");
        this.options = Map.copyOf(options);
    }

    /** Each refused option with the docker CLI's advice. */
    public Map<String, String> options() {
        return options;
    }
}
