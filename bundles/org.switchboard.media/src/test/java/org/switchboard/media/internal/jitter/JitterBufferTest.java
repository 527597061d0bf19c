package org.switchboard.media.internal.jitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JitterBufferTest {
    private final byte[] out = new byte[320];

    private static void offer(JitterBuffer jb, int seq, long arrival) {
        byte[] p = {(byte) seq, 0, 0, 0};
        jb.offer(seq & 0xFFFF, seq * 160L, p, 0, 4, arrival);
    }

    private List<Integer> drain(JitterBuffer jb, int ticks) {
        List<Integer> played = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            int n = jb.poll(out);
            if (n > 0) {
                played.add(out[0] & 0xFF);
            } else if (n < 0) {
                played.add(-1);
            }
        }
        return played;
    }

    @Test
    void reordersPackets() {
        JitterBuffer jb = new JitterBuffer(8000);
        offer(jb, 1, 20);
        offer(jb, 3, 60);
        offer(jb, 2, 61);
        offer(jb, 4, 80);
        assertEquals(List.of(1, 2, 3, 4), drain(jb, 10));
        assertEquals(0, jb.stats().lost);
    }

    @Test
    void dropsLateAndDuplicatePacketsAndCountsLoss() {
        JitterBuffer jb = new JitterBuffer(8000);
        offer(jb, 10, 0);
        offer(jb, 11, 20);
        offer(jb, 13, 40);
        offer(jb, 13, 41);
        assertEquals(List.of(10, 11, -1, 13), drain(jb, 4));
        offer(jb, 12, 100);
        JitterStats s = jb.stats();
        assertEquals(1, s.late);
        assertEquals(1, s.duplicates);
        assertEquals(1, s.lost);
        assertEquals(3, s.played);
    }

    @Test
    void survivesSequenceWrap() {
        JitterBuffer jb = new JitterBuffer(8000);
        for (int seq = 65534; seq <= 65537; seq++) {
            offer(jb, seq, seq * 20L);
        }
        assertEquals(4, drain(jb, 6).size());
        assertEquals(0, jb.stats().lost);
    }

    @Test
    void depthGrowsWithJitterAndShrinksWhenItCalms() {
        JitterBuffer calm = new JitterBuffer(8000);
        JitterBuffer rough = new JitterBuffer(8000);
        Random random = new Random(42);
        for (int seq = 0; seq < 200; seq++) {
            offer(calm, seq, seq * 20L);
            offer(rough, seq, seq * 20L + random.nextInt(60));
            calm.poll(out);
            rough.poll(out);
        }
        int calmTarget = calm.stats().targetMillis;
        int roughTarget = rough.stats().targetMillis;
        assertEquals(20, calmTarget);
        assertTrue(roughTarget >= 60, "target with 0-60 ms of jitter: " + roughTarget);
        assertTrue(rough.stats().jitterMillis > 5);
        for (int seq = 200; seq < 600; seq++) {
            offer(rough, seq, seq * 20L + 60);
            rough.poll(out);
        }
        assertTrue(rough.stats().targetMillis < roughTarget, "adapts down once the jitter is gone");
    }

    /**
     * Packets every 20 ms; our clock thread stalls for 60 ms every 200 ms and catches up with 4
     * ticks in a row (scheduleAtFixedRate on a loaded host). Returns the underruns meanwhile.
     */
    private long clockStalls(JitterBuffer jb, int fromSeq, int ticks) {
        long before = jb.stats().underruns;
        for (int t = fromSeq; t < fromSeq + ticks; t++) {
            offer(jb, t, t * 20L);
            int polls = t % 10 >= 7 ? 0 : t % 10 == 0 && t > 0 ? 4 : 1;
            for (int i = 0; i < polls; i++) {
                jb.poll(out);
            }
        }
        return jb.stats().underruns - before;
    }

    @Test
    void ourOwnClockCatchingUpDropsNothing() {
        // before: each stall's backlog was trimmed at once (a dropped frame), and the catch-up
        // ticks then ran the buffer dry (silence): 38 underruns and 39 dropped frames in 8 s
        JitterBuffer jb = new JitterBuffer(8000);
        clockStalls(jb, 0, 400);
        assertEquals(0, jb.stats().shrinks, "no frame dropped");
        assertTrue(jb.stats().underruns <= 1, "underruns: " + jb.stats().underruns);
        assertEquals(0, jb.stats().lost);
    }

    @Test
    void aLastingBacklogIsStillTrimmed() {
        JitterBuffer jb = new JitterBuffer(8000);
        for (int seq = 0; seq < 10; seq++) {
            offer(jb, seq, 0); // a burst: 10 frames at once, then one per tick
        }
        for (int seq = 10; seq < 10 + 4 * JitterBuffer.EXCESS_POLLS; seq++) {
            offer(jb, seq, seq * 20L);
            jb.poll(out);
        }
        JitterStats s = jb.stats();
        assertTrue(s.shrinks >= 3, "the sender's backlog is trimmed, slowly: " + s.shrinks);
        assertTrue(s.depthFrames <= 10 - s.shrinks, "depth " + s.depthFrames);
    }
}
