package org.switchboard.media.internal.secure;

/** SRTP or SRTCP protection for one direction of a session. Implementations are thread-safe. */
interface SrtpTransform {
    /** Returns a new array holding the protected packet, or null when the packet is malformed. */
    byte[] protect(byte[] buf, int off, int len);

    /** Returns a new array holding the plain packet, or null when it fails authentication or is a replay. */
    byte[] unprotect(byte[] buf, int off, int len);
}
