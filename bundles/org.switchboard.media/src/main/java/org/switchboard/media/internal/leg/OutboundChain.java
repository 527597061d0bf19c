package org.switchboard.media.internal.leg;

import java.util.List;
import org.switchboard.media.internal.codec.AudioCodec;
import org.switchboard.media.internal.codec.CodecLane;
import org.switchboard.media.internal.dtmf.DtmfSender;
import org.switchboard.media.internal.pipeline.Node;
import org.switchboard.media.internal.pipeline.NodeStats;
import org.switchboard.media.internal.pipeline.OutFrame;
import org.switchboard.media.internal.rtp.RtcpSession;
import org.switchboard.media.internal.rtp.RtpWriter;
import org.switchboard.media.internal.transport.LegSocket;
import org.switchboard.media.internal.transport.PacketSecurity;

/** PCM frame → encoder (or telephone-event) → RTP packetizer → security → socket; on the clock thread. */
final class OutboundChain {
    private final Node<OutFrame> head;
    private final OutFrame frame = new OutFrame();
    private final long ssrc;
    private final Leg leg;
    private int seq = java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000);
    private long timestamp = java.util.concurrent.ThreadLocalRandom.current().nextInt() & 0xFFFFFFFFL;
    private long eventTimestamp;
    private volatile long sent;

    OutboundChain(Leg leg, DtmfSender dtmf, PacketSecurity security, LegSocket socket, RtcpSession rtcp) {
        this.ssrc = rtcp.ssrc();
        this.leg = leg;
        head = new Node<OutFrame>("encoder") {
            @Override
            protected boolean process(OutFrame f) {
                f.dtmf = leg.telephoneEventPt() >= 0 && dtmf.active();
                if (f.dtmf) {
                    if (!dtmf.next(f.packet, OutFrame.HEADER, leg.clockRate() / 50)) {
                        return false;
                    }
                    f.marker = dtmf.marker();
                    f.payloadLength = 4;
                    return true;
                }
                f.marker = false;
                CodecLane lane = leg.codecLane();
                if (lane != null) { // Opus: this frame goes to a worker, an earlier one comes back
                    f.payloadLength = lane.encode(f.pcm, f.packet, OutFrame.HEADER);
                    return f.payloadLength > 0;
                }
                AudioCodec codec = leg.codecInstance();
                f.payloadLength = codec.encode(f.pcm, OutFrame.SAMPLES, f.packet, OutFrame.HEADER);
                return true;
            }
        };
        head.attach(new Node<OutFrame>("packetizer") {
            @Override
            protected boolean process(OutFrame f) {
                if (f.dtmf && f.marker) {
                    eventTimestamp = timestamp;
                }
                long ts = f.dtmf ? eventTimestamp : timestamp;
                RtpWriter.header(f.packet, 0, f.dtmf ? leg.telephoneEventPt() : leg.payloadType(), f.marker,
                        seq, ts, ssrc);
                seq = (seq + 1) & 0xFFFF;
                f.wrapper.clear().limit(OutFrame.HEADER + f.payloadLength);
                return true;
            }
        }).attach(new Node<OutFrame>("security-out") {
            @Override
            protected boolean process(OutFrame f) {
                if (!security.ready()) {
                    return false;
                }
                f.out = security.outbound(f.wrapper, false);
                return f.out != null;
            }
        }).attach(new Node<OutFrame>("socket") {
            @Override
            protected boolean process(OutFrame f) {
                boolean ok = socket.sendRtp(f.out, leg.destination());
                if (ok) {
                    sent++;
                    rtcp.sent(f.payloadLength);
                }
                return ok;
            }
        });
    }

    OutFrame frame() {
        return frame;
    }

    /** Sends the frame's PCM (or a due DTMF event), and advances the RTP clock by 20 ms. */
    void send() {
        head.accept(frame);
        skip();
    }

    /** Advances the RTP clock without sending (hold). */
    void skip() {
        timestamp = (timestamp + leg.clockRate() / 50) & 0xFFFFFFFFL;
    }

    /** @return the RTP timestamp of the next frame */
    long timestamp() {
        return timestamp;
    }

    long sent() {
        return sent;
    }

    List<NodeStats> stats() {
        return head.chainStats();
    }
}
