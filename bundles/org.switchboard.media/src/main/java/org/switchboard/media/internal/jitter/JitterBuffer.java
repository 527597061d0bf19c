package org.switchboard.media.internal.jitter;

/**
 * An adaptive jitter buffer for 20 ms audio frames. Packets go in from the I/O thread in any
 * order; the media clock takes one frame per tick in sequence order. It
 * <ul>
 * <li>reorders within {@value #SLOTS} packets and drops duplicates and late packets;</li>
 * <li>measures interarrival jitter as RFC 3550 does, and keeps a target depth of about three
 * times the jitter (between one and {@value #MAX_FRAMES} frames);</li>
 * <li>grows by re-buffering after an underrun, and shrinks by dropping a frame when it holds
 * more than two frames above its target for half a second (not at once: the backlog that our
 * own clock leaves when it falls behind and catches up drains by itself).</li>
 * </ul>
 * Slots are preallocated: no allocation per packet.
 */
public final class JitterBuffer {
    static final int SLOTS = 64;
    static final int MAX_FRAMES = 10;
    private static final int FRAME_MS = 20;

    private final byte[][] data = new byte[SLOTS][];
    private final int[] lengths = new int[SLOTS];
    private final int[] seqs = new int[SLOTS];
    private final boolean[] filled = new boolean[SLOTS];
    private int clockRate;

    private boolean playing;
    private boolean any;
    private int nextSeq;
    private int highestSeq;
    private int count;
    private double jitter;
    private long lastTransit = Long.MIN_VALUE;
    private int targetFrames = 2;
    /**
     * Consecutive polls with more than two frames above the target. A backlog left by our own
     * clock falling behind drains within a few catch-up ticks; only an excess that lasts
     * {@value #EXCESS_POLLS} polls is the sender's and worth a dropped frame.
     */
    private int excessPolls;
    static final int EXCESS_POLLS = 25;
    private final JitterStats stats = new JitterStats();

    /** @param clockRate the RTP clock rate, for the jitter estimate */
    public JitterBuffer(int clockRate) {
        this.clockRate = clockRate;
        for (int i = 0; i < SLOTS; i++) {
            data[i] = new byte[320];
        }
    }

    /**
     * Adds a packet.
     *
     * @param arrivalMillis its arrival time on the engine's clock
     */
    public synchronized void offer(int seq, long timestamp, byte[] b, int off, int len, long arrivalMillis) {
        stats.received++;
        updateJitter(timestamp, arrivalMillis);
        if (!any || (!playing && count == 0)) {
            any = true;
            nextSeq = seq;
            highestSeq = seq;
        }
        int ahead = delta(seq, nextSeq);
        if (ahead < 0) {
            stats.late++;
            return;
        }
        if (ahead >= SLOTS) {
            // The sender jumped (or we fell far behind): start again from this packet.
            clear();
            nextSeq = seq;
            highestSeq = seq;
            playing = false;
            stats.resets++;
        }
        int slot = seq & (SLOTS - 1);
        if (filled[slot] && seqs[slot] == seq) {
            stats.duplicates++;
            return;
        }
        if (data[slot].length < len) {
            data[slot] = new byte[len];
        }
        System.arraycopy(b, off, data[slot], 0, len);
        lengths[slot] = len;
        seqs[slot] = seq;
        filled[slot] = true;
        count++;
        if (delta(seq, highestSeq) > 0) {
            highestSeq = seq;
        }
    }

    /**
     * Takes the next frame, once per 20 ms.
     *
     * @return the payload length copied into {@code out}; 0 when nothing is due (buffering,
     *     or no packets); -1 when the due packet is lost (conceal it)
     */
    public synchronized int poll(byte[] out) {
        if (!playing) {
            if (count == 0 || delta(highestSeq, nextSeq) + 1 < targetFrames) {
                return 0;
            }
            playing = true;
        }
        if (count == 0) {
            playing = false;
            stats.underruns++;
            adapt();
            return 0;
        }
        if (delta(highestSeq, nextSeq) + 1 > targetFrames + 2) {
            if (++excessPolls >= EXCESS_POLLS) {
                excessPolls = 0;
                skip();
                stats.shrinks++;
            }
        } else {
            excessPolls = 0;
        }
        int slot = nextSeq & (SLOTS - 1);
        nextSeq = (nextSeq + 1) & 0xFFFF;
        if (!filled[slot] || seqs[slot] != ((nextSeq - 1) & 0xFFFF)) {
            stats.lost++;
            return -1;
        }
        filled[slot] = false;
        count--;
        int len = Math.min(lengths[slot], out.length);
        System.arraycopy(data[slot], 0, out, 0, len);
        stats.played++;
        adapt();
        return len;
    }

    /** The RTP clock rate changed (a new codec was negotiated): the jitter estimate follows it. */
    public synchronized void clockRate(int rate) {
        if (rate != clockRate) {
            jitter = jitter * rate / clockRate;
            lastTransit = Long.MIN_VALUE;
            clockRate = rate;
        }
    }

    /**
     * After {@link #poll} reported a loss: copies the packet due next, if it is here, without
     * taking it (its in-band FEC can rebuild the lost one).
     *
     * @return its payload length, or 0 if it has not arrived
     */
    public synchronized int peek(byte[] out) {
        int slot = nextSeq & (SLOTS - 1);
        if (!filled[slot] || seqs[slot] != nextSeq) {
            return 0;
        }
        int len = Math.min(lengths[slot], out.length);
        System.arraycopy(data[slot], 0, out, 0, len);
        return len;
    }

    public synchronized JitterStats stats() {
        JitterStats copy = stats.copy();
        copy.jitterMillis = jitter * 1000 / clockRate;
        copy.targetMillis = targetFrames * FRAME_MS;
        copy.depthFrames = count;
        return copy;
    }

    private void skip() {
        int slot = nextSeq & (SLOTS - 1);
        if (filled[slot] && seqs[slot] == nextSeq) {
            filled[slot] = false;
            count--;
        }
        nextSeq = (nextSeq + 1) & 0xFFFF;
    }

    private void adapt() {
        double jitterMs = jitter * 1000 / clockRate;
        int frames = (int) Math.ceil(3 * jitterMs / FRAME_MS);
        targetFrames = Math.max(1, Math.min(MAX_FRAMES, frames));
    }

    private void updateJitter(long timestamp, long arrivalMillis) {
        long transit = arrivalMillis * clockRate / 1000 - timestamp;
        if (lastTransit != Long.MIN_VALUE) {
            long d = Math.abs(transit - lastTransit);
            if (d < clockRate) {
                jitter += (d - jitter) / 16;
            }
        }
        lastTransit = transit;
    }

    private void clear() {
        java.util.Arrays.fill(filled, false);
        count = 0;
    }

    /** @return a - b as a signed 16-bit sequence distance */
    static int delta(int a, int b) {
        return (short) (a - b);
    }
}
