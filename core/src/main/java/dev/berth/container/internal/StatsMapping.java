package dev.berth.container.internal;

import com.github.dockerjava.api.model.BlkioStatEntry;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.Statistics;
import dev.berth.container.ContainerStats;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Computes a {@code docker stats} row from the engine's raw statistics, with the CLI's formulas. */
public final class StatsMapping {
    private StatsMapping() {
    }

    public static ContainerStats map(Statistics s) {
        return new ContainerStats(cpuPercent(s.getCpuStats(), s.getPreCpuStats()), memoryUsage(s.getMemoryStats()),
                nz(s.getMemoryStats() == null ? null : s.getMemoryStats().getLimit()),
                net(s.getNetworks(), true), net(s.getNetworks(), false),
                blkio(s, "read"), blkio(s, "write"),
                s.getPidsStats() == null ? 0 : nz(s.getPidsStats().getCurrent()));
    }

    static double cpuPercent(CpuStatsConfig cpu, CpuStatsConfig pre) {
        if (cpu == null || pre == null || cpu.getCpuUsage() == null || pre.getCpuUsage() == null) {
            return 0;
        }
        double cpuDelta = nz(cpu.getCpuUsage().getTotalUsage()) - nz(pre.getCpuUsage().getTotalUsage());
        double systemDelta = nz(cpu.getSystemCpuUsage()) - nz(pre.getSystemCpuUsage());
        long online = nz(cpu.getOnlineCpus());
        if (online == 0 && cpu.getCpuUsage().getPercpuUsage() != null) {
            online = cpu.getCpuUsage().getPercpuUsage().size();
        }
        return systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * online * 100.0 : 0;
    }

    static long memoryUsage(MemoryStatsConfig m) {
        if (m == null) {
            return 0;
        }
        long usage = nz(m.getUsage());
        // As the CLI: subtract page cache (cgroup v1 total_inactive_file, v2 inactive_file).
        if (m.getStats() != null) {
            Long inactive = m.getStats().getTotalInactiveFile() != null ? m.getStats().getTotalInactiveFile()
                    : m.getStats().getInactiveFile();
            if (inactive != null && inactive < usage) {
                return usage - inactive;
            }
        }
        return usage;
    }

    private static long net(Map<String, StatisticNetworksConfig> networks, boolean rx) {
        if (networks == null) {
            return 0;
        }
        return networks.values().stream().mapToLong(n -> nz(rx ? n.getRxBytes() : n.getTxBytes())).sum();
    }

    private static long blkio(Statistics s, String op) {
        if (s.getBlkioStats() == null) {
            return 0;
        }
        List<BlkioStatEntry> entries = s.getBlkioStats().getIoServiceBytesRecursive();
        if (entries == null) {
            return 0;
        }
        return entries.stream().filter(e -> e.getOp() != null && e.getOp().toLowerCase(Locale.ROOT).equals(op))
                .mapToLong(e -> nz(e.getValue())).sum();
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }
}
