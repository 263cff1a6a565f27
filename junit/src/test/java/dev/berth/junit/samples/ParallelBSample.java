package dev.berth.junit.samples;

/** The same fixtures and tests as {@link ParallelASample}, in a second class that runs concurrently with it. */
public class ParallelBSample extends ParallelASample {
}
