package org.switchboard.media.internal.dtmf;

import java.util.ArrayDeque;

/**
 * Produces RFC 4733 packets for queued digits, one per 20 ms tick: a first packet with the
 * marker bit, updates with a growing duration, then three end packets, all with the
 * timestamp of the event start; 40 ms of pause between digits.
 */
public final class DtmfSender {
    private static final int GAP_TICKS = 2;
    private static final int END_PACKETS = 3;

    private final ArrayDeque<int[]> queue = new ArrayDeque<>();
    private int event = -1;
    private int totalTicks;
    private int tick;
    private int endSent;
    private int gap;
    private boolean marker;

    /** @param durationMillis how long to press, at least 40 ms */
    public void queue(char digit, int durationMillis) {
        int code = TelephoneEvent.code(digit);
        if (code < 0) {
            throw new IllegalArgumentException("not a DTMF digit: " + digit);
        }
        queue.add(new int[] {code, Math.max(2, durationMillis / 20)});
    }

    /** @return whether a digit is being sent or queued (audio must pause) */
    public boolean active() {
        return event >= 0 || !queue.isEmpty() || gap > 0;
    }

    /**
     * Writes this tick's event payload.
     *
     * @param frameSamples RTP timestamp units per 20 ms (160 at 8 kHz, 960 at 48 kHz)
     *
     * @return false if no event packet is due this tick
     */
    public boolean next(byte[] dst, int off, int frameSamples) {
        if (event < 0) {
            if (gap > 0) {
                gap--;
                return false;
            }
            int[] next = queue.poll();
            if (next == null) {
                return false;
            }
            event = next[0];
            totalTicks = next[1];
            tick = 0;
            endSent = 0;
            marker = true;
        } else {
            marker = false;
        }
        if (tick < totalTicks) {
            tick++;
        }
        boolean end = tick >= totalTicks;
        TelephoneEvent.write(dst, off, event, end, 10, tick * frameSamples);
        if (end && ++endSent >= END_PACKETS) {
            event = -1;
            gap = GAP_TICKS;
        }
        return true;
    }

    /** @return whether the payload written last starts an event (marker bit, new timestamp) */
    public boolean marker() {
        return marker;
    }

    /** @return whether nothing is queued or being sent */
    public boolean idle() {
        return !active();
    }
}
