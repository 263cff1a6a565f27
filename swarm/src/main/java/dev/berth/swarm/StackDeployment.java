package dev.berth.swarm;

import java.util.List;
import java.util.Objects;

/**
 * What a {@code docker stack deploy} did.
 *
 * @param stack    the deployed stack
 * @param created  names of the services created
 * @param updated  names of the services updated
 * @param removed  names of the services pruned
 * @param warnings options that were ignored, in the docker CLI's words
 */
public record StackDeployment(Stack stack, List<String> created, List<String> updated, List<String> removed,
                              List<String> warnings) {
    public StackDeployment {
        Objects.requireNonNull(stack, "stack");
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        removed = List.copyOf(removed);
        warnings = List.copyOf(warnings);
    }
}
