package org.switchboard.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters and latency histograms of one measured phase. */
final class Stats {
    final LongAdder started = new LongAdder();
    final LongAdder ok = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder challenges = new LongAdder();
    final LongAdder stray = new LongAdder();
    final LongAdder warmupStarted = new LongAdder();
    final LongAdder warmupFailed = new LongAdder();
    final LongAdder capWaits = new LongAdder();
    final LongAdder missedSlots = new LongAdder();
    private final Map<String, LongAdder> reasons = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();

    void fail(String reason) {
        failed.increment();
        reasons.computeIfAbsent(reason, k -> new LongAdder()).increment();
        if (reason.startsWith("timeout")) {
            timeouts.increment();
        }
    }

    Histogram latency(String name) {
        return latencies.computeIfAbsent(name, k -> new Histogram());
    }

    Map<String, Long> reasons() {
        Map<String, Long> out = new TreeMap<>();
        reasons.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    Map<String, Histogram> latencies() {
        return new TreeMap<>(latencies);
    }
}
