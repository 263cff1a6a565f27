package dev.berth.swarm;

import java.util.Objects;
import java.util.Optional;

/**
 * CPU, memory and pid amounts, used both as limits ({@code --limit-cpu}, {@code --limit-memory}, {@code --limit-pids})
 * and as reservations ({@code --reserve-cpu}, {@code --reserve-memory}; pids cannot be reserved).
 *
 * @param cpus        CPUs, fractions allowed (0.5 = half a CPU)
 * @param memoryBytes memory in bytes
 * @param pids        maximum number of processes (limits only)
 */
public record Resources(Optional<Double> cpus, Optional<Long> memoryBytes, Optional<Long> pids) {
    public Resources {
        Objects.requireNonNull(cpus, "cpus");
        Objects.requireNonNull(memoryBytes, "memoryBytes");
        Objects.requireNonNull(pids, "pids");
        cpus.ifPresent(c -> {
            if (!(c > 0)) {
                throw new IllegalArgumentException("cpus must be positive, was " + c);
            }
        });
        memoryBytes.ifPresent(m -> positive(m, "memoryBytes"));
        pids.ifPresent(p -> positive(p, "pids"));
    }

    /** No amount set. */
    public static Resources none() {
        return new Resources(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The same with {@code cpus} CPUs. */
    public Resources cpus(double cpus) {
        return new Resources(Optional.of(cpus), memoryBytes, pids);
    }

    /** The same with {@code bytes} of memory. */
    public Resources memory(long bytes) {
        return new Resources(cpus, Optional.of(bytes), pids);
    }

    /** The same with at most {@code pids} processes. */
    public Resources pids(long pids) {
        return new Resources(cpus, memoryBytes, Optional.of(pids));
    }

    /** Whether no amount is set. */
    public boolean isEmpty() {
        return cpus.isEmpty() && memoryBytes.isEmpty() && pids.isEmpty();
    }

    private static void positive(long v, String what) {
        if (v <= 0) {
            throw new IllegalArgumentException(what + " must be positive, was " + v);
        }
    }
}
