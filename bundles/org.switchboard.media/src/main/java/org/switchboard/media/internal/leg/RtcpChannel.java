package org.switchboard.media.internal.leg;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.switchboard.media.internal.rtp.RtcpSession;
import org.switchboard.media.internal.sdp.Negotiated;
import org.switchboard.media.internal.transport.LegSocket;
import org.switchboard.media.internal.transport.PacketSecurity;

/**
 * Sends a leg's RTCP reports (SRTCP on secure legs) on the clock thread, to the RTP address
 * with rtcp-mux, else to the RTCP address of the SDP ({@code a=rtcp} or RTP port + 1), or where
 * the peer's RTCP comes from (symmetric RTCP). One buffer per leg, reused.
 */
final class RtcpChannel {
    private final Leg leg;
    private final RtcpSession session;
    private final PacketSecurity security;
    private final LegSocket socket;
    private final byte[] buffer = new byte[256];
    private final ByteBuffer wrapper = ByteBuffer.wrap(buffer);
    private volatile InetSocketAddress remote;

    RtcpChannel(Leg leg, RtcpSession session, PacketSecurity security, LegSocket socket) {
        this.leg = leg;
        this.session = session;
        this.security = security;
        this.socket = socket;
    }

    RtcpSession session() {
        return session;
    }

    /** The RTCP address from the SDP (null on hold). */
    void remote(InetSocketAddress address) {
        remote = address;
    }

    /** RTCP arrived on the RTCP port (not muxed): report back to where it comes from. */
    void latch(InetSocketAddress from) {
        if (!from.equals(remote)) {
            remote = from;
        }
    }

    void received(byte[] b, int off, int len) {
        session.received(b, off, len, RtcpSession.ntpNow());
    }

    /** Sends a report when one is due. */
    void tick(long now, long rtpTimestamp) {
        if (session.due(now)) {
            send(session.report(buffer, 0, RtcpSession.ntpNow(), rtpTimestamp));
        }
    }

    /** The leg ends: a last report and BYE, if media ever flowed. */
    void bye(long rtpTimestamp) {
        if (session.started()) {
            send(session.bye(buffer, 0, RtcpSession.ntpNow(), rtpTimestamp));
        }
    }

    private void send(int length) {
        Negotiated n = leg.signalling().negotiated();
        if (n == null || !security.ready()) {
            return;
        }
        wrapper.clear().limit(length);
        ByteBuffer out = security.outbound(wrapper, true);
        if (out != null) {
            socket.sendRtcp(out, n.rtcpMux() ? leg.destination() : remote, n.rtcpMux());
        }
    }
}
