package org.switchboard.media.internal.secure;

/** A 64-packet sliding replay window over packet indices (RFC 3711 section 3.3.2). */
public final class ReplayWindow {
    private static final int SIZE = 64;
    private long highest = -1;
    private long seen; // bit i set: index highest - i was received

    /** True when the index is new: ahead of the window, or inside it and not yet seen. */
    public boolean accepts(long index) {
        if (index < 0) {
            return false;
        }
        if (highest < 0 || index > highest) {
            return true;
        }
        long back = highest - index;
        return back < SIZE && (seen & (1L << back)) == 0;
    }

    /** Records an index that passed authentication. */
    public void record(long index) {
        if (highest < 0) {
            highest = index;
            seen = 1;
        } else if (index > highest) {
            long shift = index - highest;
            seen = shift >= SIZE ? 1 : (seen << shift) | 1;
            highest = index;
        } else if (highest - index < SIZE) {
            seen |= 1L << (highest - index);
        }
    }
}
