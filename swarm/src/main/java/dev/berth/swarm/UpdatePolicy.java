package dev.berth.swarm;

import java.time.Duration;
import java.util.Objects;

/**
 * How a service rolls out a new spec, or rolls back to the previous one ({@code --update-*} and {@code --rollback-*}
 * flags). {@link #defaults()} are the docker CLI's defaults.
 *
 * @param parallelism     tasks updated at once; 0 updates all at once
 * @param delay           pause between batches
 * @param failureAction   what to do when an updated task fails
 * @param monitor         how long each updated task is watched for failure
 * @param maxFailureRatio fraction of tasks allowed to fail before the failure action applies
 * @param order           stop-first or start-first
 */
public record UpdatePolicy(int parallelism, Duration delay, FailureAction failureAction, Duration monitor,
                           double maxFailureRatio, UpdateOrder order) {
    public UpdatePolicy {
        if (parallelism < 0) {
            throw new IllegalArgumentException("parallelism must not be negative, was " + parallelism);
        }
        RestartPolicy.notNegative(delay, "delay");
        Objects.requireNonNull(failureAction, "failureAction");
        RestartPolicy.notNegative(monitor, "monitor");
        if (maxFailureRatio < 0 || maxFailureRatio > 1) {
            throw new IllegalArgumentException("maxFailureRatio must be between 0 and 1, was " + maxFailureRatio);
        }
        Objects.requireNonNull(order, "order");
    }

    /** One task at a time, no delay, pause on failure, 5 s monitor, stop-first: the CLI's defaults. */
    public static UpdatePolicy defaults() {
        return new UpdatePolicy(1, Duration.ZERO, FailureAction.PAUSE, Duration.ofSeconds(5), 0, UpdateOrder.STOP_FIRST);
    }

    public UpdatePolicy parallelism(int n) {
        return new UpdatePolicy(n, delay, failureAction, monitor, maxFailureRatio, order);
    }

    public UpdatePolicy delay(Duration d) {
        return new UpdatePolicy(parallelism, d, failureAction, monitor, maxFailureRatio, order);
    }

    public UpdatePolicy failureAction(FailureAction a) {
        return new UpdatePolicy(parallelism, delay, a, monitor, maxFailureRatio, order);
    }

    public UpdatePolicy monitor(Duration d) {
        return new UpdatePolicy(parallelism, delay, failureAction, d, maxFailureRatio, order);
    }

    public UpdatePolicy maxFailureRatio(double r) {
        return new UpdatePolicy(parallelism, delay, failureAction, monitor, r, order);
    }

    public UpdatePolicy order(UpdateOrder o) {
        return new UpdatePolicy(parallelism, delay, failureAction, monitor, maxFailureRatio, o);
    }
}
