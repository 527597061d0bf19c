package org.switchboard.media.internal.secure;

/** What a datagram on a shared media port is, by RFC 7983 first-byte demultiplexing. */
public enum PacketKind {
    STUN, DTLS, RTP, RTCP, UNKNOWN;

    /**
     * Classifies a datagram: 0-3 STUN, 20-63 DTLS, 128-191 RTP or RTCP. Under rtcp-mux (RFC 5761)
     * RTCP is told apart from RTP by its packet type 192-223 in the second byte.
     */
    public static PacketKind of(byte[] buf, int off, int len) {
        if (len < 1) {
            return UNKNOWN;
        }
        int b = buf[off] & 0xFF;
        if (b <= 3) {
            return len >= StunMessage.HEADER_LENGTH ? STUN : UNKNOWN;
        }
        if (b >= 20 && b <= 63) {
            return DTLS;
        }
        if (b >= 128 && b <= 191) {
            if (len < 2) {
                return UNKNOWN;
            }
            int pt = buf[off + 1] & 0xFF;
            return pt >= 192 && pt <= 223 ? RTCP : RTP;
        }
        return UNKNOWN;
    }
}
