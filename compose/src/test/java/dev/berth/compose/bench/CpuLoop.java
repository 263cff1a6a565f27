package dev.berth.compose.bench;

import dev.berth.compose.Compose;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.model.Project;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Warm loads of the {@link BigProject}, timed with the current thread's CPU time (robust against other load on a
 * shared machine). Arguments: warm-up loads (default 50), measured loads (default 50). Prints the median, minimum and
 * maximum CPU ms per load and the median wall ms. See docs/benchmarks.md.
 */
public final class CpuLoop {
    private CpuLoop() {
    }

    public static void main(String[] args) throws IOException {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path dir = Files.createTempDirectory("berth-cpuloop");
        BigProject.write(dir);
        LoadOptions options = LoadOptions.builder().projectDirectory(dir).environment(Map.of("LOG_LEVEL", "debug"))
                .file(dir.resolve("compose.yaml")).file(dir.resolve("compose.override.yaml")).build();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += Compose.load(options).services().size();
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.ThreadMXBean alloc = (com.sun.management.ThreadMXBean) mx;
        long a0 = alloc.getCurrentThreadAllocatedBytes();
        long p0 = os.getProcessCpuTime();
        double[] cpu = new double[runs];
        double[] wall = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            Project p = Compose.load(options);
            wall[i] = (System.nanoTime() - w0) / 1e6;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            sink += p.services().size();
        }
        double processPerLoad = (os.getProcessCpuTime() - p0) / 1e6 / runs;
        double allocatedPerLoad = (alloc.getCurrentThreadAllocatedBytes() - a0) / 1e6 / runs;
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf("loads=%d thread cpu median=%.1f ms min=%.1f ms max=%.1f ms | process cpu (incl. GC, JIT)"
                + " mean=%.1f ms | wall median=%.1f ms | allocated %.1f MB per load (sink %d)%n",
                runs, cpu[runs / 2], cpu[0], cpu[runs - 1], processPerLoad, wall[runs / 2], allocatedPerLoad, sink);
    }
}
