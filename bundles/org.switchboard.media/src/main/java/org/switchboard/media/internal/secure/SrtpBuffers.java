package org.switchboard.media.internal.secure;

import java.nio.ByteBuffer;

/**
 * A secure leg's reusable packet buffers, so that SRTP allocates nothing per packet. Outgoing
 * packets are protected on the leg's clock thread and sent before the next one is made (RTP and
 * RTCP have a buffer each); incoming ones are unprotected on the leg's I/O thread and parsed
 * before the next datagram is read. A returned buffer is valid until the next call of the same kind.
 */
final class SrtpBuffers {
    private static final int SIZE = 2048 + SrtpTransform.MAX_OVERHEAD;
    private final byte[] rtpOut = new byte[SIZE];
    private final byte[] rtcpOut = new byte[SIZE];
    private final byte[] in = new byte[SIZE];
    private final ByteBuffer rtpOutView = ByteBuffer.wrap(rtpOut);
    private final ByteBuffer rtcpOutView = ByteBuffer.wrap(rtcpOut);
    private final ByteBuffer inView = ByteBuffer.wrap(in);

    /** @return the protected packet, or null */
    ByteBuffer outbound(SrtpSession s, ByteBuffer packet, boolean rtcp) {
        byte[] out = rtcp ? rtcpOut : rtpOut;
        int n = s.protect(Datagrams.array(packet), Datagrams.offset(packet), packet.remaining(), rtcp, out);
        if (n < 0) {
            return null;
        }
        ByteBuffer view = rtcp ? rtcpOutView : rtpOutView;
        view.clear().limit(n);
        return view;
    }

    /** @return the plain packet, or null when it fails authentication or is a replay */
    ByteBuffer inbound(SrtpSession s, byte[] buf, int off, int len, boolean rtcp) {
        int n = s.unprotect(buf, off, len, rtcp, in);
        if (n < 0) {
            return null;
        }
        inView.clear().limit(n);
        return inView;
    }
}
