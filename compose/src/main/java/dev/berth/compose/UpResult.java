package dev.berth.compose;

import java.util.List;

/**
 * What {@code up} did, by container name.
 *
 * @param created   containers created for new replicas
 * @param recreated containers replaced because their configuration or image changed (or recreation was forced)
 * @param started   containers started by this call
 * @param running   up-to-date containers that were already running and were left alone
 * @param removed   containers removed by scaling down or as orphans
 * @param warnings  warnings Compose would print (orphans, foreign networks, …)
 */
public record UpResult(List<String> created, List<String> recreated, List<String> started, List<String> running,
                       List<String> removed, List<String> warnings) {
    public UpResult {
        created = List.copyOf(created);
        recreated = List.copyOf(recreated);
        started = List.copyOf(started);
        running = List.copyOf(running);
        removed = List.copyOf(removed);
        warnings = List.copyOf(warnings);
    }
}
