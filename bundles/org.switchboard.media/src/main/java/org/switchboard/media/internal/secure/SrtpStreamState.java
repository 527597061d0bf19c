package org.switchboard.media.internal.secure;

/** Per-SSRC SRTP state: rollover counter, highest sequence number and replay window. */
final class SrtpStreamState {
    private boolean started;
    private int roc;
    private int highestSeq;
    private final ReplayWindow window = new ReplayWindow();

    /** The packet index for seq (RFC 3711 section 3.3.1 / appendix A), or -1 when it would be negative. */
    long estimateIndex(int seq) {
        if (!started) {
            return seq;
        }
        long v = roc;
        if (highestSeq < 32768) {
            if (seq - highestSeq > 32768) {
                v = roc - 1L;
            }
        } else if (highestSeq - 32768 > seq) {
            v = roc + 1L;
        }
        return v < 0 ? -1 : (v << 16) | seq;
    }

    boolean replayAccepts(long index) {
        return window.accepts(index);
    }

    /** Records an authenticated (or, when sending, a protected) index. */
    void record(long index) {
        int v = (int) (index >>> 16);
        int s = (int) (index & 0xFFFF);
        if (!started || v > roc || (v == roc && s > highestSeq)) {
            started = true;
            roc = v;
            highestSeq = s;
        }
        window.record(index);
    }

    int roc() {
        return roc;
    }
}
