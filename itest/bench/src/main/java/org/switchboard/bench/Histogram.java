package org.switchboard.bench;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** Lock-free latency histogram: 10 us buckets up to 100 ms, then 1 ms buckets up to 60 s. */
final class Histogram {
    private static final int FINE = 10_000;
    private static final int COARSE = 60_000;
    private final AtomicLongArray buckets = new AtomicLongArray(FINE + COARSE + 1);
    private final LongAdder count = new LongAdder();

    void record(long nanos) {
        long us = Math.max(0, nanos / 1000);
        int i = us < 100_000 ? (int) (us / 10) : (int) Math.min(FINE + (us - 100_000) / 1000, FINE + COARSE);
        buckets.incrementAndGet(i);
        count.increment();
    }

    long count() {
        return count.sum();
    }

    /** Upper bound (ms) of the bucket holding the p-quantile, p in [0,1]; NaN when empty. */
    double percentileMs(double p) {
        long total = count.sum();
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (int i = 0; i < buckets.length(); i++) {
            seen += buckets.get(i);
            if (seen >= rank) {
                return i < FINE ? (i + 1) * 0.01 : 100.0 + (i - FINE + 1);
            }
        }
        return Double.NaN;
    }
}
