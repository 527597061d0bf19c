package org.switchboard.media.internal.leg;

import java.nio.ByteBuffer;
import java.util.List;
import org.switchboard.media.internal.dtmf.DtmfReceiver;
import org.switchboard.media.internal.jitter.JitterBuffer;
import org.switchboard.media.internal.pipeline.InPacket;
import org.switchboard.media.internal.pipeline.Node;
import org.switchboard.media.internal.pipeline.NodeStats;
import org.switchboard.media.internal.rtp.Rtcp;
import org.switchboard.media.internal.transport.PacketSecurity;

/**
 * datagram → security → RTCP demux → RTP parse → telephone-event → jitter buffer; runs on the
 * leg's I/O thread.
 */
final class InboundChain {
    private final Leg leg;
    private final Node<InPacket> head;
    private final InPacket packet = new InPacket();

    InboundChain(Leg leg, PacketSecurity security, DtmfReceiver dtmf, JitterBuffer jitter, RtcpChannel rtcp) {
        this.leg = leg;
        head = new Node<InPacket>("security-in") {
            @Override
            protected boolean process(InPacket p) {
                ByteBuffer plain = security.inbound(p.buffer, p.from);
                if (plain == null) {
                    return false;
                }
                p.load(plain);
                return true;
            }
        };
        head.attach(new Node<InPacket>("rtcp-demux") {
            @Override
            protected boolean process(InPacket p) {
                if (p.rtcpPort || Rtcp.isRtcp(p.array, p.offset, p.length)) {
                    leg.activity();
                    rtcp.received(p.array, p.offset, p.length);
                    if (p.rtcpPort) {
                        rtcp.latch(p.from);
                    }
                    return false;
                }
                return true;
            }
        }).attach(new Node<InPacket>("rtp-parse") {
            @Override
            protected boolean process(InPacket p) {
                if (!p.rtp.parse(p.array, p.offset, p.length)) {
                    return false;
                }
                leg.activity();
                leg.latch(p.from);
                rtcp.session().received(p.rtp.ssrc(), p.rtp.sequence(), p.rtp.timestamp(), System.nanoTime(),
                        leg.clockRate(), p.rtp.payloadType() == leg.payloadType());
                return true;
            }
        }).attach(new Node<InPacket>("telephone-event") {
            @Override
            protected boolean process(InPacket p) {
                if (p.rtp.payloadType() != leg.telephoneEventPt()) {
                    return true;
                }
                dtmf.receive(p.rtp.timestamp(), p.rtp.buffer(), p.rtp.payloadOffset(), p.rtp.payloadLength());
                return false;
            }
        }).attach(new Node<InPacket>("jitter-buffer") {
            @Override
            protected boolean process(InPacket p) {
                if (p.rtp.payloadType() != leg.payloadType() || !leg.receiving()) {
                    return false;
                }
                jitter.offer(p.rtp.sequence(), p.rtp.timestamp(), p.rtp.buffer(), p.rtp.payloadOffset(),
                        p.rtp.payloadLength(), leg.clockMillis());
                return true;
            }
        });
    }

    void receive(ByteBuffer datagram, java.net.InetSocketAddress from, boolean rtcpPort) {
        packet.buffer = datagram;
        packet.from = from;
        packet.rtcpPort = rtcpPort;
        head.accept(packet);
    }

    List<NodeStats> stats() {
        return head.chainStats();
    }
}
