package org.switchboard.platform.internal.events;

import java.util.function.LongSupplier;

/** Counts dropped events and says, at most once per period, how many were dropped since the last report. */
final class DropReport {
    private final long periodMillis;
    private final LongSupplier clock;
    private long total;
    private long sinceReport;
    private long lastReport = Long.MIN_VALUE;

    DropReport(long periodMillis, LongSupplier clock) {
        this.periodMillis = periodMillis;
        this.clock = clock;
    }

    /** @return the line to log now, or null while within the period of the last one */
    synchronized String dropped(String topic) {
        total++;
        sinceReport++;
        long now = clock.getAsLong();
        if (lastReport != Long.MIN_VALUE && now - lastReport < periodMillis) {
            return null;
        }
        String line = sinceReport + " platform event(s) dropped (last: " + topic + "; " + total
                + " since start): the event queue is full because a subscriber is slow. Raise queue.size in "
                + "etc/org.switchboard.events.cfg, or fix the subscriber";
        lastReport = now;
        sinceReport = 0;
        return line;
    }

    synchronized long total() {
        return total;
    }
}
