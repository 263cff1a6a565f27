package dev.berth.container.internal;

import dev.berth.internal.Connection;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.RawApi;

/**
 * Waiting until the engine's container list agrees with a stop, for core's {@code Container.stop()} and Compose's
 * {@code stop}. Docker 26 answers a stop as soon as the process has exited, while its exit handler, holding the
 * container's lock, is still recording the stopped state where the list reads it; an inspect waits for that lock.
 * ({@code docker stop; docker ps} on Docker 26 still listed the container in 6 of 40 runs, 0 of 40 with a
 * {@code docker inspect} between; Docker 20.10 records the state before it answers.)
 */
public final class RecordedState {
    private RecordedState() {
    }

    /**
     * Returns once the engine has recorded the state the last call on the container left; a container already gone
     * (removed by {@code --rm} once it stopped) is shown by no list either.
     *
     * @throws EngineHttpException for any other error status of the inspect
     */
    public static void await(Connection conn, String id) {
        try {
            RawApi.call(conn, "GET", "/containers/" + id + "/json", null);
        } catch (EngineHttpException e) {
            if (e.getHttpStatus() != 404) {
                throw e;
            }
        }
    }
}
