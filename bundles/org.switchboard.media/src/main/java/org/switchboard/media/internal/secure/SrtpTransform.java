package org.switchboard.media.internal.secure;

/**
 * SRTP or SRTCP protection for one direction of a session. Implementations are thread-safe. The
 * media path uses the methods that write into the caller's buffer (no allocation per packet);
 * the copying ones are for tests and rare packets.
 */
interface SrtpTransform {
    /** SRTCP index and E flag (4) plus the longest tag (16): what protection adds to a packet at most. */
    int MAX_OVERHEAD = 20;

    /** Writes the protected packet to {@code out} from index 0: its length, or -1 when malformed or too long. */
    int protect(byte[] buf, int off, int len, byte[] out);

    /** Writes the plain packet to {@code out} from index 0: its length, or -1 when it fails authentication or replay. */
    int unprotect(byte[] buf, int off, int len, byte[] out);

    /** Returns a new array holding the protected packet, or null when the packet is malformed. */
    default byte[] protect(byte[] buf, int off, int len) {
        byte[] out = new byte[len + MAX_OVERHEAD];
        int n = protect(buf, off, len, out);
        return n < 0 ? null : java.util.Arrays.copyOf(out, n);
    }

    /** Returns a new array holding the plain packet, or null when it fails authentication or is a replay. */
    default byte[] unprotect(byte[] buf, int off, int len) {
        byte[] out = new byte[Math.max(0, len)];
        int n = unprotect(buf, off, len, out);
        return n < 0 ? null : java.util.Arrays.copyOf(out, n);
    }

    /** Copies a packet made by an allocating implementation into {@code out}: its length, or -1. */
    static int into(byte[] packet, byte[] out) {
        if (packet == null || packet.length > out.length) {
            return -1;
        }
        System.arraycopy(packet, 0, out, 0, packet.length);
        return packet.length;
    }
}
