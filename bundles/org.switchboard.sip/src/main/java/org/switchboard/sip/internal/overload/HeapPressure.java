package org.switchboard.sip.internal.overload;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Whether the heap that survived the last garbage collection is above a share of its maximum:
 * the one measure that covers every kind of retained state (transactions of any size, dialogs,
 * queued messages), where counting transactions only guesses their size. It reads the JVM's
 * collection-usage threshold of the old generation ({@code G1 Old Gen}, {@code Tenured Gen},
 * {@code PS Old Gen}), read at most every 100 ms, so asking costs a clock read. (Not the JVM's
 * {@code isCollectionUsageThresholdExceeded()}: its sensor is cleared later than the usage drops,
 * which would keep the gate closed after the heap was released.)
 */
public final class HeapPressure {
    private static final long RECHECK_NANOS = 100_000_000L;

    private final MemoryPoolMXBean pool;
    private final int percent;
    private final long threshold;
    private final long recheckNanos;
    private volatile long checkedAt;
    private volatile boolean high;

    HeapPressure(MemoryPoolMXBean pool, int percent, long recheckNanos) {
        this.pool = pool;
        this.percent = percent;
        this.recheckNanos = recheckNanos;
        long max = pool == null ? -1 : pool.getUsage().getMax();
        this.threshold = max > 0 ? max / 100 * percent : Long.MAX_VALUE;
        this.checkedAt = System.nanoTime() - recheckNanos - 1;
    }

    /** Watches this JVM's old generation; {@code percent} of 100 or more turns the check off. */
    public static HeapPressure of(int percent) {
        return of(percent, RECHECK_NANOS);
    }

    static HeapPressure of(int percent, long recheckNanos) {
        return new HeapPressure(percent >= 100 ? null : oldGeneration(ManagementFactory.getMemoryPoolMXBeans()), percent,
                recheckNanos);
    }

    static MemoryPoolMXBean oldGeneration(List<MemoryPoolMXBean> pools) {
        for (MemoryPoolMXBean p : pools) {
            String name = p.getName();
            if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null
                    && (name.contains("Old") || name.contains("Tenured")) && p.getUsage().getMax() > 0) {
                return p;
            }
        }
        return null;
    }

    /** @return true while the heap left after the last collection is above the threshold */
    public boolean high() {
        if (pool == null) {
            return false;
        }
        long now = System.nanoTime();
        if (now - checkedAt > recheckNanos) {
            java.lang.management.MemoryUsage after = pool.getCollectionUsage();
            high = after != null && after.getUsed() >= threshold;
            checkedAt = now;
        }
        return high;
    }

    /** @return the old generation's use after the last collection, in percent of its maximum, or -1 if unknown */
    public int percentAfterLastCollection() {
        if (pool == null || pool.getCollectionUsage() == null || pool.getUsage().getMax() <= 0) {
            return -1;
        }
        return (int) (pool.getCollectionUsage().getUsed() * 100 / pool.getUsage().getMax());
    }

    /** @return the configured threshold in percent (100 or more: off) */
    public int thresholdPercent() {
        return percent;
    }
}
