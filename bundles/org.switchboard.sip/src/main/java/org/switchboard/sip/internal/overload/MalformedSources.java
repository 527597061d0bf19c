package org.switchboard.sip.internal.overload;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts malformed requests per source address, and while they arrive logs one summary line a
 * minute, so that an operator sees a fuzzing or scanning campaign in {@code karaf.log} without a
 * line per message (which would let the attacker flood the log). At most {@value #MAX_SOURCES}
 * sources are told apart in a minute; the rest are counted together.
 */
public final class MalformedSources {
    private static final Logger LOG = LoggerFactory.getLogger(MalformedSources.class);
    static final int MAX_SOURCES = 1000;
    private static final String OTHERS = "other sources";

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicLong windowStart;
    private final AtomicLong total = new AtomicLong();
    private final long windowMillis;
    private final LongSupplier clock;
    private volatile String lastReason = "";

    public MalformedSources(long windowMillis, LongSupplier clock) {
        this.windowMillis = windowMillis;
        this.clock = clock;
        this.windowStart = new AtomicLong(clock.getAsLong());
    }

    /**
     * Counts one malformed request; logs the summary of the past window when it is over.
     *
     * @return the summary line when this call logged one, else null
     */
    public String record(String source, String reason) {
        String key = counts.size() >= MAX_SOURCES && !counts.containsKey(source) ? OTHERS : source;
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
        lastReason = reason;
        long start = windowStart.get();
        long now = clock.getAsLong();
        if (now - start >= windowMillis && windowStart.compareAndSet(start, now)) {
            return summarize((now - start) / 1000);
        }
        return null;
    }

    private String summarize(long seconds) {
        Map<String, Integer> window = new java.util.HashMap<>();
        counts.forEach((k, v) -> window.put(k, v.getAndSet(0)));
        counts.values().removeIf(v -> v.get() == 0);
        int sum = window.values().stream().mapToInt(Integer::intValue).sum();
        String top = window.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(5)
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
        String line = sum + " malformed SIP requests in the last " + seconds + " s from " + window.size() + " source(s): " + top
                + "; last: " + lastReason + ". A scanner or fuzzer may be at work: if it goes on, block the sources at the firewall";
        LOG.warn(line);
        return line;
    }

    /** @return malformed requests counted since start */
    public long total() {
        return total.get();
    }
}
