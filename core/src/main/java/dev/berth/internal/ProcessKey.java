package dev.berth.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Identifies a process well enough that another process in the same PID namespace can tell whether it still runs:
 * the kernel's boot id, the PID namespace, the pid and the process's start time in clock ticks since boot, all read
 * from Linux's {@code /proc}. A pid reused by a later process has another start time, so it is not mistaken for the
 * first. Where {@code /proc} is missing or hides other users' processes ({@code hidepid}), there is no key.
 *
 * @param namespace  {@code BOOT_ID/PID_NAMESPACE}; equal namespaces see the same pids
 * @param pid        the process id in that namespace
 * @param startTicks the process's start time, in clock ticks since boot ({@code /proc/PID/stat} field 22)
 */
public record ProcessKey(String namespace, long pid, long startTicks) {
    private static final Path PROC = Path.of("/proc");

    /** This JVM's key, or empty where {@code /proc} cannot answer for other processes. */
    public static Optional<ProcessKey> self() {
        return Holder.SELF;
    }

    /** Parses {@link #label()}; empty if the text is not a key. */
    public static Optional<ProcessKey> parse(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String[] parts = label.split("/");
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcessKey(parts[0] + "/" + parts[1], Long.parseLong(parts[2]),
                    Long.parseLong(parts[3])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The key as a label value, {@code BOOT_ID/PID_NAMESPACE/PID/START_TICKS}. */
    public String label() {
        return namespace + "/" + pid + "/" + startTicks;
    }

    /**
     * Whether this process still runs, asked from a process whose own key is {@code observer}; empty when the
     * observer cannot tell because it lives in another PID namespace or on another machine.
     */
    public Optional<Boolean> runs(Optional<ProcessKey> observer) {
        if (observer.isEmpty() || !observer.get().namespace.equals(namespace)) {
            return Optional.empty();
        }
        return Optional.of(startTicks(PROC.resolve(Long.toString(pid))).map(t -> t == startTicks).orElse(false));
    }

    /** The start time of the process whose {@code /proc} directory this is; empty if gone or a zombie. */
    static Optional<Long> startTicks(Path procDir) {
        String stat;
        try {
            stat = Files.readString(procDir.resolve("stat"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        // "PID (COMM) STATE PPID …": COMM may hold spaces and parentheses, so fields count from the last ')'.
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return Optional.empty();
        }
        String[] fields = stat.substring(close + 1).trim().split("\\s+");
        if (fields.length < 20 || fields[0].equals("Z") || fields[0].equals("X")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(fields[19])); // field 22 of the whole line
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<ProcessKey> read(Path proc) {
        try {
            String mounts = Files.readString(proc.resolve("mounts"));
            boolean hidden = mounts.lines().anyMatch(l -> l.startsWith("proc ") && l.matches(".*hidepid=(?!0\\b|off\\b).*"));
            if (hidden) {
                return Optional.empty();
            }
            String bootId = Files.readString(proc.resolve("sys/kernel/random/boot_id")).trim();
            String pidNs = Files.readSymbolicLink(proc.resolve("self/ns/pid")).toString();
            long pid = ProcessHandle.current().pid();
            return startTicks(proc.resolve(Long.toString(pid)))
                    .map(start -> new ProcessKey(bootId + "/" + pidNs.replace('/', '_'), pid, start));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static final class Holder {
        static final Optional<ProcessKey> SELF = read(PROC);
    }
}
