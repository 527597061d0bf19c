package org.switchboard.media.internal.codec;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One leg's expensive codec, worked by {@link CodecWorkers}. The leg's clock thread submits a frame
 * to encode and a packet to decode (or a loss to conceal) every tick, and takes the results of the
 * previous tick: one frame (20 ms) of latency each way, and the clock never waits. Both rings are
 * preallocated and bounded ({@value #SLOTS} frames): when the worker falls that far behind, the
 * new frame is dropped (the peer conceals a missing packet; our playout conceals a missing frame).
 * Single producer (the clock thread owning the leg) and one worker at a time: the counters are
 * volatile, and a slot is only reused after the clock took its result.
 */
public final class CodecLane {
    static final int SLOTS = 4;
    private static final int MAX_PACKET = 1500;
    private static final int DECODE = 1;
    private static final int CONCEAL = 2;
    private static final Logger LOG = LoggerFactory.getLogger(CodecLane.class);

    private final AudioCodec codec;
    private final CodecWorkers workers;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    // encode ring
    private final short[][] pcmIn = new short[SLOTS][160];
    private final byte[][] encoded = new byte[SLOTS][MAX_PACKET];
    private final int[] encodedLength = new int[SLOTS];
    private volatile long encSubmitted;
    private volatile long encDone;
    private long encTaken;
    // decode ring
    private final byte[][] packets = new byte[SLOTS][MAX_PACKET];
    private final int[] packetLength = new int[SLOTS];
    private final int[] kind = new int[SLOTS];
    private final short[][] pcmOut = new short[SLOTS][160];
    private volatile long decSubmitted;
    private volatile long decDone;
    private long decTaken;
    private volatile long dropped;
    private boolean warned;

    public CodecLane(AudioCodec codec, CodecWorkers workers) {
        this.codec = codec;
        this.workers = workers;
    }

    /**
     * Submits this tick's frame and takes the packet encoded from an earlier one.
     *
     * @return its length written at {@code out[off]}, or 0 when none is ready (nothing to send this tick)
     */
    public int encode(short[] pcm, byte[] out, int off) {
        long s = encSubmitted;
        if (s - encTaken < SLOTS) {
            System.arraycopy(pcm, 0, pcmIn[(int) (s % SLOTS)], 0, 160);
            encSubmitted = s + 1;
            schedule();
        } else {
            dropped++;
        }
        if (encTaken < encDone) {
            int slot = (int) (encTaken % SLOTS);
            int n = Math.min(encodedLength[slot], out.length - off);
            System.arraycopy(encoded[slot], 0, out, off, n);
            encTaken++;
            return n;
        }
        return 0;
    }

    /** Submits a received packet (its payload) to decode. */
    public void decode(byte[] payload, int len) {
        submitDecode(DECODE, payload, len);
    }

    /** Submits a lost frame: concealed from the next packet's in-band FEC when given ({@code len > 0}), else by the codec. */
    public void conceal(byte[] next, int len) {
        submitDecode(CONCEAL, next, next == null ? 0 : len);
    }

    /** @return whether an earlier packet's (or loss's) PCM was ready and copied to {@code pcm} */
    public boolean takeDecoded(short[] pcm) {
        if (decTaken < decDone) {
            System.arraycopy(pcmOut[(int) (decTaken % SLOTS)], 0, pcm, 0, 160);
            decTaken++;
            return true;
        }
        return false;
    }

    /** @return frames dropped because the worker was {@value #SLOTS} frames behind */
    public long dropped() {
        return dropped;
    }

    private void submitDecode(int what, byte[] payload, int len) {
        long s = decSubmitted;
        if (s - decTaken >= SLOTS || len > MAX_PACKET) {
            dropped++;
            return;
        }
        int slot = (int) (s % SLOTS);
        kind[slot] = what;
        packetLength[slot] = len;
        if (len > 0) {
            System.arraycopy(payload, 0, packets[slot], 0, len);
        }
        decSubmitted = s + 1;
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true) && !workers.schedule(this)) {
            scheduled.set(false); // queued again with the next frame
        }
    }

    /** Runs every pending frame in order (one worker at a time). */
    void drain() {
        do {
            for (long d = decDone; d < decSubmitted; d = decDone) {
                int slot = (int) (d % SLOTS);
                decodeSlot(slot);
                decDone = d + 1;
            }
            for (long e = encDone; e < encSubmitted; e = encDone) {
                int slot = (int) (e % SLOTS);
                encodedLength[slot] = safeEncode(slot);
                encDone = e + 1;
            }
            scheduled.set(false);
            // work that came in after the loops but before the flag was cleared: take it on now
        } while ((decDone < decSubmitted || encDone < encSubmitted) && scheduled.compareAndSet(false, true));
    }

    private void decodeSlot(int slot) {
        short[] pcm = pcmOut[slot];
        try {
            int len = packetLength[slot];
            if (kind[slot] == DECODE) {
                codec.decode(packets[slot], 0, len, pcm);
            } else if (codec.conceal(len > 0 ? packets[slot] : null, 0, len, pcm) == 0) {
                Arrays.fill(pcm, (short) 0);
            }
        } catch (Throwable t) { // NOPMD: the frame becomes silence, the leg goes on
            warn("decode", t);
            Arrays.fill(pcm, (short) 0);
        }
    }

    private int safeEncode(int slot) {
        try {
            return codec.encode(pcmIn[slot], 160, encoded[slot], 0);
        } catch (Throwable t) { // NOPMD
            warn("encode", t);
            return 0;
        }
    }

    private void warn(String what, Throwable t) {
        if (!warned) {
            warned = true;
            LOG.error("{} {} failed on a codec worker (the frame is dropped; not logged again for this leg): {}",
                    codec.name(), what, t.toString(), t);
        }
    }
}
