package dev.berth.compose.internal;

import dev.berth.compose.model.Service;
import dev.berth.container.ContainerSpec;
import dev.berth.container.Device;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A Compose service's host settings — isolation, resources, DNS, logging — onto a {@link ContainerSpec}, as Docker
 * Compose's {@code getCreateConfigs} sets the host config. Keys the typed model does not hold are read from the
 * service's Go-shaped rendering ({@code g}), where Compose's own parser has put them.
 */
final class HostSettings {
    private HostSettings() {
    }

    static void apply(Service s, Map<String, Object> g, ContainerSpec.Builder b) {
        b.capAdd(s.capAdd().toArray(String[]::new));
        b.capDrop(s.capDrop().toArray(String[]::new));
        if (Boolean.TRUE.equals(s.init())) {
            b.init();
        }
        if (s.readOnly()) {
            b.readOnlyRootfs();
        }
        if (s.privileged()) {
            b.privileged();
        }
        ContainerSpecs.text(s.ipc(), b::ipc);
        ContainerSpecs.text(s.pid(), b::pid);
        ContainerSpecs.text(str(g.get("cgroup")), b::cgroupns);
        ContainerSpecs.text(str(g.get("userns_mode")), b::userns);
        ContainerSpecs.text(str(g.get("uts")), b::uts);
        ContainerSpecs.text(str(g.get("runtime")), b::runtime);
        b.groupAdd(strList(g.get("group_add")).toArray(String[]::new));
        b.securityOpt(s.securityOpt().toArray(String[]::new));
        s.sysctls().forEach(b::sysctl);
        long shm = num(g.get("shm_size"));
        if (shm > 0) {
            b.shmSize(shm);
        }
        b.dns(s.dns().toArray(String[]::new));
        b.dnsSearch(s.dnsSearch().toArray(String[]::new));
        b.dnsOption(strList(g.get("dns_opt")).toArray(String[]::new));
        for (String h : s.extraHosts()) {
            int sep = h.indexOf('=') >= 0 ? h.indexOf('=') : h.indexOf(':');
            if (sep < 0) {
                throw new IllegalArgumentException("extra host '" + h + "' has no address; write HOST=IP");
            }
            b.extraHost(h.substring(0, sep), h.substring(sep + 1));
        }
        if (s.logging() != null) {
            ContainerSpecs.text(s.logging().driver(), b::logDriver);
            s.logging().options().forEach(b::logOption);
        }
        long oom = num(g.get("oom_score_adj"));
        if (oom != 0) {
            b.oomScoreAdj((int) oom);
        }
        resources(s, g, b);
    }

    private static void resources(Service s, Map<String, Object> g, ContainerSpec.Builder b) {
        ContainerSpecs.text(str(g.get("cgroup_parent")), b::cgroupParent);
        long mem = num(g.get("mem_limit"));
        long reservation = num(g.get("mem_reservation"));
        double cpus = g.get("cpus") instanceof Number n ? n.doubleValue() : 0;
        long pids = num(g.get("pids_limit"));
        if (s.deploy() != null) {
            if (s.deploy().limits() != null) {
                var l = s.deploy().limits();
                mem = l.memoryBytes() != null && l.memoryBytes() != 0 ? l.memoryBytes() : mem;
                cpus = l.cpus() != null && l.cpus() != 0 ? l.cpus() : cpus;
                pids = l.pids() != null && l.pids() > 0 ? l.pids() : pids;
            }
            if (s.deploy().reservations() != null && s.deploy().reservations().memoryBytes() != null
                    && s.deploy().reservations().memoryBytes() != 0) {
                reservation = s.deploy().reservations().memoryBytes();
            }
        }
        if (mem != 0) {
            b.memory(mem);
        }
        if (reservation != 0) {
            b.memoryReservation(reservation);
        }
        long swap = num(g.get("memswap_limit"));
        if (swap != 0) {
            b.memorySwap(swap);
        }
        if (cpus != 0) {
            b.cpus(cpus);
        }
        positive(num(g.get("cpu_shares")), b::cpuShares);
        positive(num(g.get("cpu_period")), b::cpuPeriod);
        long quota = num(g.get("cpu_quota"));
        if (quota != 0) {
            b.cpuQuota(quota);
        }
        ContainerSpecs.text(str(g.get("cpuset")), b::cpusetCpus);
        if (pids != 0) {
            b.pidsLimit(pids);
        }
        if (g.get("devices") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> d) {
                    String src = str(d.get("source"));
                    String dst = str(d.get("target"));
                    String perm = str(d.get("permissions"));
                    b.device(new Device(src, dst.isEmpty() ? src : dst, perm.isEmpty() ? "rwm" : perm));
                }
            }
        }
        new TreeMap<>(s.ulimits()).forEach((name, u) -> b.ulimit(name, u.soft(), u.hard()));
    }

    private static void positive(long value, Consumer<Long> setter) {
        if (value > 0) {
            setter.accept(value);
        }
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static long num(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        if (o instanceof String s && !s.isEmpty()) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static List<String> strList(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
