package org.switchboard.api.media;

/** The SDP direction of a leg, from our side (RFC 3264). */
public enum MediaDirection {
    /** Both ways. */
    SENDRECV,
    /** We send only (the peer put us on hold with {@code recvonly}, or we hold the peer). */
    SENDONLY,
    /** We receive only (the peer holds us with {@code sendonly}). */
    RECVONLY,
    /** Nothing flows. */
    INACTIVE;

    /** @return whether we send media */
    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    /** @return whether we accept media */
    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }
}
