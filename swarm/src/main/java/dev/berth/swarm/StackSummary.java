package dev.berth.swarm;

import java.util.Objects;

/**
 * A stack as {@code docker stack ls} shows it.
 *
 * @param name     the stack's name (its namespace label)
 * @param services how many services it has
 */
public record StackSummary(String name, int services) {
    public StackSummary {
        Objects.requireNonNull(name, "name");
    }
}
