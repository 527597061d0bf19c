package org.switchboard.sip.internal.overload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeapPressureTest {
    private static final OverloadLimits LIMITS = new OverloadLimits(4096, 16L << 20, 400, 1_000, 2_000, 5, 1000, 100, 30, 80);

    @Test
    void thisJvmHasAnOldGenerationToWatch() {
        assertTrue(HeapPressure.oldGeneration(ManagementFactory.getMemoryPoolMXBeans()) != null,
                "pools: " + ManagementFactory.getMemoryPoolMXBeans().stream().map(p -> p.getName()).toList());
    }

    @Test
    void heapRetainedAfterACollectionClosesTheGateAndItsReleaseOpensIt() {
        HeapPressure heap = HeapPressure.of(1, 0);
        long onePercent = Runtime.getRuntime().maxMemory() / 100;
        byte[][] retained = new byte[(int) (onePercent / (1 << 20)) * 2 + 2][];
        for (int i = 0; i < retained.length; i++) {
            retained[i] = new byte[1 << 20];
        }
        System.gc();
        LoadGate gate = new LoadGate(() -> 0, () -> 0, LIMITS, heap);
        assertTrue(heap.high(), "above 1 % after the collection: " + heap.percentAfterLastCollection() + " %");
        assertTrue(gate.overloaded(), "no transactions open, but the heap is full: refuse new requests");
        assertTrue(heap.percentAfterLastCollection() >= 1, heap.percentAfterLastCollection() + " %");
        retained = null;
        System.gc();
        assertFalse(heap.high(), "released: " + heap.percentAfterLastCollection() + " %");
        assertFalse(gate.overloaded());
    }

    @Test
    void oneHundredPercentTurnsTheCheckOff() {
        HeapPressure off = HeapPressure.of(100);
        assertFalse(off.high());
        assertEquals(-1, off.percentAfterLastCollection());
    }

    @Test
    void theTransactionBoundFollowsTheHeap() {
        assertEquals(45_875, OverloadLimits.autoTransactions(512L << 20));
        assertEquals(2_000, OverloadLimits.autoTransactions(32L << 20), "never below 2,000");
        assertTrue(new LoadGate(() -> 1_000, () -> 0, LIMITS, HeapPressure.of(100)).overloaded(), "at the transaction bound");
        assertFalse(new LoadGate(() -> 999, () -> 0, LIMITS, HeapPressure.of(100)).overloaded());
    }
}
