package org.switchboard.sip.internal.overload;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * Decides, cheaply and before any expensive work, whether a new initial request is taken or
 * refused with 503: the heap left after the last collection, the stack's transaction tables and
 * the stream transports' waiting messages must stay under their bounds. It also counts what was shed, for {@code sip:transports} and
 * the health report.
 */
public final class LoadGate {
    private final IntSupplier transactions;
    private final IntSupplier pending;
    private final OverloadLimits limits;
    private final HeapPressure heap;
    private final LongAdder shed = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    public LoadGate(IntSupplier transactions, IntSupplier pending, OverloadLimits limits, HeapPressure heap) {
        this.transactions = transactions;
        this.pending = pending;
        this.limits = limits;
        this.heap = heap;
    }

    /** @return true when a new initial request must be refused with 503 */
    public boolean overloaded() {
        return heap.high() || transactions.getAsInt() >= limits.maxTransactions()
                || pending.getAsInt() >= limits.maxPendingTasks();
    }

    /** @return the heap check of this gate */
    public HeapPressure heap() {
        return heap;
    }

    public OverloadLimits limits() {
        return limits;
    }

    /** Counts a request refused with 503. */
    public void shed() {
        shed.increment();
    }

    /** Counts a message dropped because even the hard bound was reached. */
    public void dropped() {
        dropped.increment();
    }

    /** @return requests refused with 503 since start */
    public long shedCount() {
        return shed.sum();
    }

    /** @return messages dropped at a hard bound since start */
    public long droppedCount() {
        return dropped.sum();
    }

    /** @return transactions open now */
    public int transactions() {
        return transactions.getAsInt();
    }

    /** @return stream-transport messages waiting for a worker now */
    public int pending() {
        return pending.getAsInt();
    }
}
