package dev.berth.junit.samples;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;

/**
 * Shared by the parallel samples: every test waits at the barrier, so the run passes only if all of them are running
 * at the same moment, each with its fixtures started. Thread-safe by design; reset by the IT before each run.
 */
public final class ParallelProbe {
    /** Two classes with two tests each. */
    public static final int TESTS = 4;
    public static volatile CyclicBarrier barrier = new CyclicBarrier(TESTS);
    /** "class test staticId instanceId thread" records. */
    public static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();

    private ParallelProbe() {
    }

    public static void reset() {
        barrier = new CyclicBarrier(TESTS);
        SEEN.clear();
    }
}
