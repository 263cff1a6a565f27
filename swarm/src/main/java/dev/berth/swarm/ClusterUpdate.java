package dev.berth.swarm;

import java.util.Objects;
import java.util.Optional;

/**
 * Changes to the swarm ({@code docker swarm update}, {@code docker swarm join-token --rotate},
 * {@code docker swarm unlock-key --rotate}). Start from {@link #none()}.
 *
 * @param workerTokenRotation  issue a new worker join token
 * @param managerTokenRotation issue a new manager join token
 * @param unlockKeyRotation    issue a new unlock key
 * @param autolock           turn autolock on or off; empty leaves it
 * @param taskHistoryLimit   tasks kept per slot; empty leaves it
 */
public record ClusterUpdate(boolean workerTokenRotation, boolean managerTokenRotation, boolean unlockKeyRotation,
                            Optional<Boolean> autolock, Optional<Integer> taskHistoryLimit) {
    public ClusterUpdate {
        Objects.requireNonNull(autolock, "autolock");
        Objects.requireNonNull(taskHistoryLimit, "taskHistoryLimit");
    }

    /** No change. */
    public static ClusterUpdate none() {
        return new ClusterUpdate(false, false, false, Optional.empty(), Optional.empty());
    }

    /** The same, also issuing a new worker join token ({@code docker swarm join-token --rotate worker}). */
    public ClusterUpdate rotateWorkerToken() {
        return new ClusterUpdate(true, managerTokenRotation, unlockKeyRotation, autolock, taskHistoryLimit);
    }

    /** The same, also issuing a new manager join token. */
    public ClusterUpdate rotateManagerToken() {
        return new ClusterUpdate(workerTokenRotation, true, unlockKeyRotation, autolock, taskHistoryLimit);
    }

    /** The same, also issuing a new unlock key ({@code docker swarm unlock-key --rotate}). */
    public ClusterUpdate rotateUnlockKey() {
        return new ClusterUpdate(workerTokenRotation, managerTokenRotation, true, autolock, taskHistoryLimit);
    }

    /** The same, turning autolock on or off ({@code docker swarm update --autolock}). */
    public ClusterUpdate autolock(boolean on) {
        return new ClusterUpdate(workerTokenRotation, managerTokenRotation, unlockKeyRotation, Optional.of(on),
                taskHistoryLimit);
    }

    /** The same, keeping {@code n} tasks per slot ({@code --task-history-limit}). */
    public ClusterUpdate taskHistoryLimit(int n) {
        return new ClusterUpdate(workerTokenRotation, managerTokenRotation, unlockKeyRotation, autolock, Optional.of(n));
    }
}
