package dev.berth.examples.support;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A bounded load loop on a loopback port: {@code workers} threads GET {@code http://127.0.0.1:PORT/PATH} back to back
 * until {@link #stop()}, {@code maxRequests} requests or {@code maxTime}, whichever comes first. It counts every
 * request, every failure (an I/O error or a status other than 200) and which replica answered.
 */
public final class LoadLoop implements AutoCloseable {
    private final int port;
    private final String path;
    private final Function<String, String> replicaOf;
    private final long maxRequests;
    private final long deadline;
    private final long started = System.nanoTime();
    private final AtomicLong issued = new AtomicLong();
    private final LongAdder failures = new LongAdder();
    private final long[] latencies;
    private final AtomicLong recorded = new AtomicLong();
    private final Map<String, LongAdder> replicas = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;
    private Result result;

    /**
     * What the loop saw.
     *
     * @param requests   requests completed
     * @param failures   of which failed
     * @param elapsed    from start to stop
     * @param byReplica  successful answers by replica
     * @param errors     the first failures, described
     * @param p50Millis  median latency
     * @param p99Millis  99th percentile latency
     * @param maxMillis  slowest request
     */
    public record Result(long requests, long failures, Duration elapsed, Map<String, Long> byReplica,
                         List<String> errors, double p50Millis, double p99Millis, double maxMillis) {
        /** Requests per second over the whole loop. */
        public double perSecond() {
            return requests / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    private LoadLoop(int port, String path, long maxRequests, Duration maxTime, Function<String, String> replicaOf) {
        this.port = port;
        this.path = path;
        this.replicaOf = replicaOf;
        this.maxRequests = maxRequests;
        this.deadline = started + maxTime.toNanos();
        this.latencies = new long[(int) maxRequests];
    }

    /**
     * Starts {@code workers} threads; {@code replicaOf} names the replica from a successful response's body.
     *
     * @throws IllegalArgumentException unless 1 ≤ workers ≤ 64, 1 ≤ maxRequests ≤ 1,000,000 and maxTime ≤ 10 min
     */
    public static LoadLoop start(int port, String path, int workers, long maxRequests, Duration maxTime,
                                 Function<String, String> replicaOf) {
        if (workers < 1 || workers > 64 || maxRequests < 1 || maxRequests > 1_000_000
                || maxTime.isNegative() || maxTime.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("a load loop needs 1-64 workers, 1-1,000,000 requests and at most 10"
                    + " minutes; was " + workers + ", " + maxRequests + ", " + maxTime);
        }
        Loopback.uri(port, path);
        LoadLoop loop = new LoadLoop(port, path, maxRequests, maxTime, replicaOf);
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(loop::work, "load-" + i);
            t.setDaemon(true);
            loop.threads.add(t);
            t.start();
        }
        return loop;
    }

    private void work() {
        while (!stopped && System.nanoTime() < deadline && issued.getAndIncrement() < maxRequests) {
            long t0 = System.nanoTime();
            try {
                Loopback.Response r = Loopback.get(port, path);
                if (r.status() == 200) {
                    replicas.computeIfAbsent(replicaOf.apply(r.body()), k -> new LongAdder()).increment();
                } else {
                    fail("status " + r.status() + ": " + r.body().strip());
                }
            } catch (IOException | RuntimeException e) {
                fail(e.toString());
            }
            long i = recorded.getAndIncrement();
            if (i < latencies.length) {
                latencies[(int) i] = System.nanoTime() - t0;
            }
        }
    }

    private void fail(String what) {
        failures.increment();
        if (errors.size() < 10) {
            errors.add(String.format("%.1f s: %s", (System.nanoTime() - started) / 1e9, what));
        }
    }

    /** Successful answers by replica so far. */
    public Map<String, Long> answeredSoFar() {
        Map<String, Long> out = new TreeMap<>();
        replicas.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Failures so far. */
    public long failuresSoFar() {
        return failures.sum();
    }

    /** Whether the loop ran out of requests or time before being stopped. */
    public boolean exhausted() {
        return issued.get() >= maxRequests || System.nanoTime() >= deadline;
    }

    /** Stops the workers, waits for their last requests, and reports; idempotent. */
    public synchronized Result stop() {
        if (result != null) {
            return result;
        }
        stopped = true;
        for (Thread t : threads) {
            try {
                t.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        int n = (int) Math.min(recorded.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        result = new Result(recorded.get(), failures.sum(), elapsed, answeredSoFar(), List.copyOf(errors),
                percentile(sorted, 0.50), percentile(sorted, 0.99), n == 0 ? 0 : sorted[n - 1] / 1e6);
        return result;
    }

    @Override
    public void close() {
        stop();
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }
}
