package dev.berth.container;

/**
 * One resource-usage sample, as a {@code docker stats --no-stream} row.
 *
 * @param cpuPercent       CPU use in percent of one CPU times the number of CPUs, as the CLI computes it
 * @param memoryUsageBytes memory in use, without page cache
 * @param memoryLimitBytes the memory limit
 * @param networkRxBytes   bytes received on all interfaces
 * @param networkTxBytes   bytes sent on all interfaces
 * @param blockReadBytes   bytes read from block devices
 * @param blockWriteBytes  bytes written to block devices
 * @param pids             number of processes
 */
public record ContainerStats(double cpuPercent, long memoryUsageBytes, long memoryLimitBytes, long networkRxBytes,
                             long networkTxBytes, long blockReadBytes, long blockWriteBytes, long pids) {
}
