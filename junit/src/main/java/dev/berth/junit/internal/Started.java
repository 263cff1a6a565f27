package dev.berth.junit.internal;

import dev.berth.junit.FixtureLogs;

import java.util.List;
import java.util.function.IntFunction;

/**
 * A started fixture: the handle tests get, how to stop it (nothing for a reused one) and how to read its containers'
 * recent logs.
 *
 * @param field  the {@code @Managed} field's name
 * @param handle what is injected: a Container, Network, Volume or ComposeProject
 * @param stop   stops and removes the resource; a no-op for reused resources
 * @param logs   the last N log lines of each of its containers
 */
public record Started(String field, Object handle, Runnable stop, IntFunction<List<FixtureLogs>> logs) {

    /** A started resource without containers, hence without logs. */
    static Started withoutLogs(String field, Object handle, Runnable stop) {
        return new Started(field, handle, stop, lines -> List.of());
    }
}
