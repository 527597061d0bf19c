package org.switchboard.sip.internal.overload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MalformedSourcesTest {
    private final AtomicLong now = new AtomicLong(0);
    private final MalformedSources sources = new MalformedSources(60_000, now::get);

    @Test
    void oneSummaryAMinuteWhileMalformedRequestsArrive() {
        for (int i = 0; i < 30; i++) {
            assertNull(sources.record("198.51.100.7", "Malformed To header"), "no line per message");
        }
        assertNull(sources.record("203.0.113.9", "Duplicate call-id header"));
        now.set(61_000);
        String summary = sources.record("198.51.100.7", "Malformed Via header");
        assertNotNull(summary);
        assertTrue(summary.startsWith("32 malformed SIP requests in the last 61 s from 2 source(s): 198.51.100.7 (31), 203.0.113.9 (1)"),
                summary);
        assertTrue(summary.contains("last: Malformed Via header"), summary);
        assertNull(sources.record("198.51.100.7", "again"), "the next summary waits for the next minute");
        now.set(122_000);
        assertTrue(sources.record("198.51.100.7", "x").startsWith("2 malformed SIP requests"), "the window was reset");
        assertEquals(34, sources.total());
    }

    @Test
    void manySourcesAreCountedWithoutGrowingWithoutBound() {
        for (int i = 0; i < MalformedSources.MAX_SOURCES + 500; i++) {
            sources.record("10.0." + (i / 250) + "." + (i % 250), "x");
        }
        now.set(60_000);
        String summary = sources.record("10.9.9.9", "x");
        assertTrue(summary.contains("from " + (MalformedSources.MAX_SOURCES + 1) + " source(s)"), summary);
        assertTrue(summary.contains("other sources (501)"), summary);
    }
}
