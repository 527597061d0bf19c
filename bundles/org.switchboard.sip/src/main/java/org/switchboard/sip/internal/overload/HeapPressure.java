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
 * {@code PS Old Gen}), which the JVM checks itself after each collection, so asking costs a
 * field read.
 */
public final class HeapPressure {
    private final MemoryPoolMXBean pool;
    private final int percent;

    HeapPressure(MemoryPoolMXBean pool, int percent) {
        this.pool = pool;
        this.percent = percent;
        if (pool != null) {
            long max = pool.getUsage().getMax();
            if (max > 0) {
                pool.setCollectionUsageThreshold(max / 100 * percent);
            }
        }
    }

    /** Watches this JVM's old generation; {@code percent} of 100 or more turns the check off. */
    public static HeapPressure of(int percent) {
        return new HeapPressure(percent >= 100 ? null : oldGeneration(ManagementFactory.getMemoryPoolMXBeans()), percent);
    }

    static MemoryPoolMXBean oldGeneration(List<MemoryPoolMXBean> pools) {
        for (MemoryPoolMXBean p : pools) {
            String name = p.getName();
            if (p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()
                    && (name.contains("Old") || name.contains("Tenured")) && p.getUsage().getMax() > 0) {
                return p;
            }
        }
        return null;
    }

    /** @return true while the heap left after the last collection is above the threshold */
    public boolean high() {
        return pool != null && pool.isCollectionUsageThresholdExceeded();
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
