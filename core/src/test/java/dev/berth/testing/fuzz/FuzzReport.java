package dev.berth.testing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tally of one fuzz run: outcomes per mutation, the slowest input, the total time and every failure. */
public final class FuzzReport {
    /** What became of one input. */
    public enum Outcome {
        ACCEPTED, REJECTED, OTHER_EXCEPTION, UNLOCATED, OVER_TIME_LIMIT;

        boolean failed() {
            return this != ACCEPTED && this != REJECTED;
        }
    }

    private final String name;
    private final long seed;
    private final Duration limit;
    private final Map<Mutation, int[]> counts = new EnumMap<>(Mutation.class);
    private final List<String> failures = new ArrayList<>();
    private long slowestCpuNanos = -1;
    private long slowestWallNanos;
    private String slowest = "";
    private long totalNanos;
    private long cpuNanos;

    FuzzReport(String name, long seed, Duration limit) {
        this.name = name;
        this.seed = seed;
        this.limit = limit;
    }

    void record(FuzzInput input, Outcome outcome, long cpuNanos, long wallNanos, String failure) {
        int[] c = counts.computeIfAbsent(input.mutation(), m -> new int[Outcome.values().length]);
        c[outcome.ordinal()]++;
        this.cpuNanos += cpuNanos;
        if (cpuNanos > slowestCpuNanos) {
            slowestCpuNanos = cpuNanos;
            slowestWallNanos = wallNanos;
            slowest = input.toString();
        }
        if (outcome.failed()) {
            String first = failure.lines().limit(4).reduce((a, b) -> a + " | " + b).orElse("");
            failures.add(input + ", " + outcome + ": " + first);
        }
    }

    void finish(long totalNanos) {
        this.totalNanos = totalNanos;
    }

    /** One line per input that ended otherwise than accepted or rejected with a located typed exception (20 first). */
    public List<String> failures() {
        if (failures.size() <= 20) {
            return List.copyOf(failures);
        }
        List<String> first = new ArrayList<>(failures.subList(0, 20));
        first.add("… and " + (failures.size() - 20) + " more, all written to target/fuzz/");
        return first;
    }

    /**
     * Fails the test unless every input was accepted or rejected with {@code exception} naming a place in a file, and
     * some of each happened (a target that rejects, or accepts, everything tests nothing).
     */
    public void assertAllAcceptedOrLocated(String exception) {
        assertThat(failures())
                .as("inputs that did not end in a located %s", exception).isEmpty();
        assertThat(count(Outcome.ACCEPTED)).as("accepted inputs").isPositive();
        assertThat(count(Outcome.REJECTED)).as("rejected inputs").isPositive();
    }

    /** How many inputs ended with {@code outcome}. */
    public int count(Outcome outcome) {
        return counts.values().stream().mapToInt(c -> c[outcome.ordinal()]).sum();
    }

    /** How many inputs were run. */
    public int inputs() {
        return counts.values().stream().mapToInt(c -> java.util.Arrays.stream(c).sum()).sum();
    }

    /** The figures as a Markdown table, the way docs/reliability.md shows them. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: seed %d, %d inputs, limit %d ms of CPU per input%n%n", name, seed,
                inputs(), limit.toMillis()));
        b.append("| mutation | inputs | accepted | rejected (typed, located) | other exception | unlocated"
                + " | over limit |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|\n");
        int[] total = new int[Outcome.values().length];
        counts.forEach((m, c) -> {
            row(b, m.title(), c);
            for (int i = 0; i < c.length; i++) {
                total[i] += c[i];
            }
        });
        row(b, "**all**", total);
        b.append(String.format(Locale.ROOT, "%nslowest input: %.0f ms CPU, %.0f ms wall (%s)%n", slowestCpuNanos / 1e6,
                slowestWallNanos / 1e6, slowest));
        b.append(String.format(Locale.ROOT, "total: %.1f s wall, %.1f s CPU in the loader%n", totalNanos / 1e9,
                cpuNanos / 1e9));
        return b.toString();
    }

    private static void row(StringBuilder b, String title, int[] c) {
        int sum = java.util.Arrays.stream(c).sum();
        b.append("| ").append(title).append(" | ").append(sum);
        for (int v : c) {
            b.append(" | ").append(v);
        }
        b.append(" |\n");
    }
}
