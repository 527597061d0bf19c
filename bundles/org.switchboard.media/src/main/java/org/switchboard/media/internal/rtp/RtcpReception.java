package org.switchboard.media.internal.rtp;

/**
 * Reception statistics of the one source a leg receives, as RFC 3550 appendix A keeps them:
 * extended highest sequence number with wrap-around (A.1), cumulative and interval loss (A.3)
 * and interarrival jitter (A.8). Not thread-safe: {@link RtcpSession} guards it.
 */
final class RtcpReception {
    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;
    private static final int SEQ_MOD = 1 << 16;

    private long ssrc = -1;
    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private int badSeq;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private int lastTransit;
    private boolean hasTransit;
    /** Jitter in timestamp units, times 16 (A.8, integer form). */
    private long jitterQ4;

    boolean any() {
        return ssrc >= 0;
    }

    long ssrc() {
        return ssrc;
    }

    /**
     * One RTP packet.
     *
     * @param arrival its arrival time in the stream's timestamp units; jitter is only measured
     *     for audio packets ({@code audio}), not telephone-events that repeat their timestamp
     */
    void packet(long source, int seq, long timestamp, long arrival, boolean audio) {
        if (source != ssrc) {
            ssrc = source;
            init(seq);
            hasTransit = false;
            jitterQ4 = 0;
        } else if (!updateSeq(seq)) {
            return;
        }
        received++;
        if (audio) {
            int transit = (int) arrival - (int) timestamp;
            if (hasTransit) {
                int d = Math.abs(transit - lastTransit);
                jitterQ4 += d - ((jitterQ4 + 8) >> 4);
            }
            lastTransit = transit;
            hasTransit = true;
        }
    }

    private void init(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
        cycles = 0;
        received = 0;
        expectedPrior = 0;
        receivedPrior = 0;
    }

    /** A.1 without probation: @return false for a packet not counted (a jump not yet confirmed) */
    private boolean updateSeq(int seq) {
        int udelta = (seq - maxSeq) & 0xFFFF;
        if (udelta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
        } else if (udelta <= SEQ_MOD - MAX_MISORDER) {
            if (seq == badSeq) {
                init(seq); // two sequential packets after a jump: the sender restarted
            } else {
                badSeq = (seq + 1) & 0xFFFF;
                return false;
            }
        }
        return true;
    }

    long extendedMax() {
        return cycles + maxSeq;
    }

    /** @return the cumulative number of packets lost, clamped to 24 bits signed */
    int cumulativeLost() {
        long lost = extendedMax() - baseSeq + 1 - received;
        return (int) Math.max(-0x800000, Math.min(0x7FFFFF, lost));
    }

    /** @return the fraction lost since the last call, in 1/256, and starts a new interval */
    int fractionLost() {
        long expected = extendedMax() - baseSeq + 1;
        long expectedInterval = expected - expectedPrior;
        expectedPrior = expected;
        long receivedInterval = received - receivedPrior;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        return expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
    }

    /** @return the interarrival jitter in timestamp units */
    long jitter() {
        return jitterQ4 >> 4;
    }
}
