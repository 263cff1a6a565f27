package dev.berth.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median and percentiles of samples in milliseconds. */
final class Stats {
    private final List<Double> samples = new ArrayList<>();

    void add(double ms) {
        samples.add(ms);
    }

    double median() {
        return percentile(50);
    }

    double percentile(double p) {
        List<Double> s = new ArrayList<>(samples);
        Collections.sort(s);
        if (s.isEmpty()) {
            return Double.NaN;
        }
        double rank = p / 100.0 * (s.size() - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return s.get(lo) + (s.get(hi) - s.get(lo)) * (rank - lo);
    }

    int size() {
        return samples.size();
    }

    String row(String name) {
        return String.format("| %s | %d | %.1f | %.1f | %.1f |", name, size(), median(), percentile(10), percentile(90));
    }
}
