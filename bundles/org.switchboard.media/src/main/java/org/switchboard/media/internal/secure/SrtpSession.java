package org.switchboard.media.internal.secure;

/**
 * An SRTP session: outbound RTP/RTCP protected with the local master key, inbound unprotected
 * with the remote one.
 */
public final class SrtpSession {
    private final SrtpTransform rtpOut;
    private final SrtpTransform rtcpOut;
    private final SrtpTransform rtpIn;
    private final SrtpTransform rtcpIn;

    public SrtpSession(SrtpMasterKey local, SrtpMasterKey remote) {
        this.rtpOut = rtp(local);
        this.rtcpOut = rtcp(local);
        this.rtpIn = rtp(remote);
        this.rtcpIn = rtcp(remote);
    }

    private static SrtpTransform rtp(SrtpMasterKey key) {
        return key.profile().aead() ? new SrtpGcmTransform(key, false) : new SrtpCmTransform(key);
    }

    private static SrtpTransform rtcp(SrtpMasterKey key) {
        return key.profile().aead() ? new SrtpGcmTransform(key, true) : new SrtcpCmTransform(key);
    }

    /** Protects into {@code out} (no allocation): the length, or -1. */
    public int protect(byte[] buf, int off, int len, boolean rtcp, byte[] out) {
        return (rtcp ? rtcpOut : rtpOut).protect(buf, off, len, out);
    }

    /** Unprotects into {@code out} (no allocation): the plain length, or -1 when it fails authentication or replay. */
    public int unprotect(byte[] buf, int off, int len, boolean rtcp, byte[] out) {
        return (rtcp ? rtcpIn : rtpIn).unprotect(buf, off, len, out);
    }

    public byte[] protectRtp(byte[] buf, int off, int len) {
        return rtpOut.protect(buf, off, len);
    }

    public byte[] protectRtcp(byte[] buf, int off, int len) {
        return rtcpOut.protect(buf, off, len);
    }

    /** The plain RTP packet, or null when it fails authentication or replay checks. */
    public byte[] unprotectRtp(byte[] buf, int off, int len) {
        return rtpIn.unprotect(buf, off, len);
    }

    /** The plain RTCP packet, or null when it fails authentication or replay checks. */
    public byte[] unprotectRtcp(byte[] buf, int off, int len) {
        return rtcpIn.unprotect(buf, off, len);
    }
}
