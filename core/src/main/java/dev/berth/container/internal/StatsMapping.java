package dev.berth.container.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.container.ContainerStats;

import java.util.Locale;

/** Computes a {@code docker stats} row from the engine's raw statistics JSON, with the CLI's formulas. */
public final class StatsMapping {
    private StatsMapping() {
    }

    public static ContainerStats map(JsonNode s) {
        return new ContainerStats(cpuPercent(s.path("cpu_stats"), s.path("precpu_stats")),
                memoryUsage(s.path("memory_stats")), s.path("memory_stats").path("limit").asLong(0),
                net(s.path("networks"), "rx_bytes"), net(s.path("networks"), "tx_bytes"),
                blkio(s, "read"), blkio(s, "write"), s.path("pids_stats").path("current").asLong(0));
    }

    static double cpuPercent(JsonNode cpu, JsonNode pre) {
        if (cpu.path("cpu_usage").isMissingNode() || pre.path("cpu_usage").isMissingNode()) {
            return 0;
        }
        double cpuDelta = cpu.path("cpu_usage").path("total_usage").asDouble(0)
                - pre.path("cpu_usage").path("total_usage").asDouble(0);
        double systemDelta = cpu.path("system_cpu_usage").asDouble(0) - pre.path("system_cpu_usage").asDouble(0);
        long online = cpu.path("online_cpus").asLong(0);
        if (online == 0) {
            online = cpu.path("cpu_usage").path("percpu_usage").size();
        }
        return systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * online * 100.0 : 0;
    }

    static long memoryUsage(JsonNode m) {
        long usage = m.path("usage").asLong(0);
        // As the CLI: subtract page cache (cgroup v1 total_inactive_file, v2 inactive_file).
        JsonNode stats = m.path("stats");
        JsonNode inactive = stats.has("total_inactive_file") ? stats.get("total_inactive_file") : stats.get("inactive_file");
        if (inactive != null && inactive.asLong() < usage) {
            return usage - inactive.asLong();
        }
        return usage;
    }

    private static long net(JsonNode networks, String field) {
        long sum = 0;
        for (JsonNode n : networks) {
            sum += n.path(field).asLong(0);
        }
        return sum;
    }

    private static long blkio(JsonNode s, String op) {
        long sum = 0;
        for (JsonNode e : s.path("blkio_stats").path("io_service_bytes_recursive")) {
            if (e.path("op").asText("").toLowerCase(Locale.ROOT).equals(op)) {
                sum += e.path("value").asLong(0);
            }
        }
        return sum;
    }
}
