package dev.berth.testing.fuzz;

import dev.berth.testing.fuzz.FuzzReport.Outcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Seeded fuzzing of a loader: input {@code i} is corpus file and mutation chosen by a random seeded from the run's
 * seed and {@code i} alone, so any input can be rebuilt from the two numbers. Each input runs on a worker thread under
 * a time limit, a hang detector rather than a speed check: the worker's CPU time, which other processes on a busy
 * machine do not inflate, may not pass the limit, nor its wall time {@value #BACKSTOP} times the limit (for a thread
 * that blocks). An input that is neither accepted nor rejected with the typed exception naming a file, line and
 * column is a failure, written to {@code target/fuzz/} for reproduction.
 *
 * <p>System properties: {@code berth.fuzz.full=true} runs {@value #FULL} inputs instead of {@value #SAMPLE};
 * {@code berth.fuzz.count}, {@code berth.fuzz.seed} and {@code berth.fuzz.limitMillis} override the count, seed and
 * limit; {@code berth.fuzz.index=I,J,…} runs those inputs alone and writes them out.
 */
public final class Fuzzer {
    public static final long SEED = 20261128L;
    public static final int SAMPLE = 300;
    public static final int FULL = 10_000;
    private static final long LIMIT_MILLIS = 2_000;
    private static final int BACKSTOP = 15;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String name;
    private final Grammar grammar;
    private final List<CorpusFile> corpus;
    private final long seed;
    private final int count;
    private final int[] only;
    private final Duration limit;
    private final Path out = Path.of("target", "fuzz");
    private ExecutorService worker;
    private Thread workerThread;

    Fuzzer(String name, Grammar grammar, List<CorpusFile> corpus, long seed, int count, int[] only, Duration limit) {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("empty corpus for " + name);
        }
        this.name = name;
        this.grammar = grammar;
        this.corpus = List.copyOf(corpus);
        this.seed = seed;
        this.count = count;
        this.only = only;
        this.limit = limit;
    }

    /** A fuzzer for one kind of input, configured from the system properties above. */
    public static Fuzzer of(String name, Grammar grammar, List<CorpusFile> corpus) {
        String indexes = System.getProperty("berth.fuzz.index", "").trim();
        return new Fuzzer(name, grammar, corpus, Long.getLong("berth.fuzz.seed", SEED),
                Integer.getInteger("berth.fuzz.count", Boolean.getBoolean("berth.fuzz.full") ? FULL : SAMPLE),
                indexes.isEmpty() ? null
                        : java.util.Arrays.stream(indexes.split(",")).mapToInt(i -> Integer.parseInt(i.trim())).toArray(),
                Duration.ofMillis(Long.getLong("berth.fuzz.limitMillis", LIMIT_MILLIS)));
    }

    /** Input {@code index} of this run's seed: the same bytes every time. */
    public FuzzInput input(int index) {
        Random r = new Random(mix(seed + index * 0x9E3779B97F4A7C15L));
        List<Mutation> mutations = grammar.mutations();
        Mutation m = mutations.get(index % mutations.size());
        CorpusFile c = corpus.get(r.nextInt(corpus.size()));
        return new FuzzInput(index, c, m, Mutator.mutate(c.content(), m, grammar, r));
    }

    /**
     * Runs every input through {@code target}; {@code typed} returns the location a throwable names when it is the
     * documented typed exception, and null for any other throwable.
     */
    public FuzzReport run(Target target, Function<Throwable, Location> typed) throws IOException {
        FuzzReport report = new FuzzReport(name, seed, limit);
        if (only == null) {
            clean();
        }
        worker = newWorker();
        long start = System.nanoTime();
        try {
            for (int i : only != null ? only : java.util.stream.IntStream.range(0, count).toArray()) {
                runOne(input(i), target, typed, report);
            }
        } finally {
            worker.shutdownNow();
        }
        report.finish(System.nanoTime() - start);
        Files.createDirectories(out);
        Files.writeString(out.resolve(name + "-report.md"), report.markdown(), StandardCharsets.UTF_8);
        System.out.println(report.markdown());
        return report;
    }

    private void runOne(FuzzInput input, Target target, Function<Throwable, Location> typed, FuzzReport report)
            throws IOException {
        Path file = target.write(input);
        Future<Result> future = worker.submit(() -> load(target, input, file));
        Result result = await(future);
        Outcome outcome;
        String failure = null;
        if (result == null) {
            future.cancel(true);
            worker.shutdownNow(); // the stuck thread is a daemon; carry on with a fresh one
            worker = newWorker();
            result = new Result(null, limit.toNanos(), limit.toNanos());
            outcome = Outcome.OVER_TIME_LIMIT;
            failure = "still running after " + limit.toMillis() + " ms of CPU time (or "
                    + limit.toMillis() * BACKSTOP + " ms of wall time)";
        } else if (result.thrown() == null) {
            outcome = Outcome.ACCEPTED;
        } else {
            Location at = typed.apply(result.thrown());
            failure = at == null ? stackTrace(result.thrown()) : locationProblem(at, result.thrown());
            outcome = at == null ? Outcome.OTHER_EXCEPTION : failure == null ? Outcome.REJECTED : Outcome.UNLOCATED;
        }
        report.record(input, outcome, result.cpuNanos(), result.wallNanos(), failure);
        if (failure != null || only != null) {
            save(input, outcome, failure);
        }
        target.restore(input);
    }

    private record Result(Throwable thrown, long cpuNanos, long wallNanos) {
    }

    private static Result load(Target target, FuzzInput input, Path file) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        Throwable thrown = null;
        try {
            target.load(input, file);
        } catch (Throwable t) { // anything but the typed exception is what this harness looks for
            thrown = t;
        }
        return new Result(thrown, THREADS.getCurrentThreadCpuTime() - cpu, System.nanoTime() - wall);
    }

    /** The result, or null once the worker has used the limit in CPU time or the backstop in wall time. */
    private Result await(Future<Result> future) {
        long cpuStart = THREADS.getThreadCpuTime(workerThread.getId());
        long wallStart = System.nanoTime();
        while (true) {
            try {
                return future.get(20, TimeUnit.MILLISECONDS); // a poll: CPU time cannot be waited on
            } catch (TimeoutException e) {
                long cpu = THREADS.getThreadCpuTime(workerThread.getId()) - cpuStart;
                if (cpu > limit.toNanos() || System.nanoTime() - wallStart > limit.toNanos() * BACKSTOP) {
                    return null;
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Null when the location names an existing place of a file; otherwise what is wrong with it. */
    static String locationProblem(Location at, Throwable thrown) throws IOException {
        String problem = null;
        if (at.file() == null) {
            problem = "names no file";
        } else if (at.line() < 1 || at.column() < 1) {
            problem = "line " + at.line() + ", column " + at.column() + " (both must be 1-based)";
        } else if (Files.isRegularFile(at.file())) {
            byte[] b = Files.readAllBytes(at.file());
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < b.length && line < at.line(); i++) {
                if (b[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int lineEnd = lineStart;
            while (lineEnd < b.length && b[lineEnd] != '\n') {
                lineEnd++;
            }
            if (line < at.line()) {
                problem = "line " + at.line() + " is past the end of " + at.file() + " (" + line + " lines)";
            } else if (at.column() > lineEnd - lineStart + 1) {
                problem = "column " + at.column() + " is past the end of line " + at.line() + " ("
                        + (lineEnd - lineStart) + " bytes)";
            }
        }
        return problem == null ? null : problem + ": " + stackTrace(thrown);
    }

    /** Removes what an earlier run of this fuzzer wrote, so that target/fuzz/ holds this run's failures only. */
    private void clean() throws IOException {
        if (Files.isDirectory(out)) {
            try (var files = Files.newDirectoryStream(out, name + "-*")) {
                for (Path f : files) {
                    Files.delete(f);
                }
            }
        }
    }

    private void save(FuzzInput input, Outcome outcome, String failure) throws IOException {
        Files.createDirectories(out);
        String base = name + "-" + seed + "-" + input.index();
        Files.write(out.resolve(base + ".input"), input.bytes());
        Files.writeString(out.resolve(base + ".txt"), input + "\n" + outcome + "\n"
                + (failure == null ? "" : failure) + "\nrerun: -Dberth.fuzz.seed=" + seed + " -Dberth.fuzz.index="
                + input.index() + "\n", StandardCharsets.UTF_8);
    }

    /** A single-thread executor whose thread is created now, so that its CPU time can be read from the start. */
    private ExecutorService newWorker() {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + name);
            t.setDaemon(true);
            workerThread = t;
            return t;
        });
        try {
            executor.submit(() -> { }).get();
        } catch (ExecutionException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return executor;
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    /** SplitMix64's finaliser: neighbouring indexes get unrelated random streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
