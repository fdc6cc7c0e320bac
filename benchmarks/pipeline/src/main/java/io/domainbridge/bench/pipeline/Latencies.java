package io.domainbridge.bench.pipeline;

import java.util.Arrays;

/** Latency samples in nanoseconds, kept whole so that percentiles are exact; one instance per thread, then merged. */
final class Latencies {

    private long[] samples = new long[4096];
    private int size;
    private boolean sorted;

    void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
        sorted = false;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.samples[i]);
        }
    }

    int count() {
        return size;
    }

    /** The sample at the given percentile (nearest rank), in milliseconds; 0 when there is none. */
    double percentileMillis(double percentile) {
        if (size == 0) {
            return 0;
        }
        sort();
        int rank = (int) Math.ceil(percentile / 100.0 * size);
        return samples[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    double maxMillis() {
        return percentileMillis(100);
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(samples, 0, size);
            sorted = true;
        }
    }
}
