package dev.berth.compose.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code deploy} section used by orchestration and swarm stacks. Unset numbers are null; {@code raw} keeps the whole
 * section as loaded.
 */
public record Deploy(String mode, Integer replicas, Map<String, String> labels, Resource limits, Resource reservations,
                     RestartPolicy restartPolicy, UpdateConfig updateConfig, UpdateConfig rollbackConfig,
                     List<String> placementConstraints, Integer maxReplicasPerNode, String endpointMode,
                     Map<String, Object> raw) {

    /** CPU (fractions of a CPU), memory in bytes and pid limits or reservations. */
    public record Resource(Float cpus, Long memoryBytes, Long pids) {
    }

    /** Restart policy: condition none, on-failure or any. */
    public record RestartPolicy(String condition, Duration delay, Integer maxAttempts, Duration window) {
    }

    /** Rolling update or rollback settings. */
    public record UpdateConfig(Integer parallelism, Duration delay, String failureAction, Duration monitor,
                               Float maxFailureRatio, String order) {
    }
}
