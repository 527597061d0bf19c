package org.switchboard.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests to the bench in the media modes. Callee side of bridged calls: an INVITE from the server
 * (sent by the application's connect()) for a callee that a {@link MediaCallOp} is waiting for gets a
 * 200 with an SDP answer for a new RTP leg, which becomes the caller leg's peer; ACK completes the
 * bridge; BYE closes the leg. A BYE from the server to a caller closes that call's leg.
 */
final class MediaUas implements Endpoint.Handler {
    private record CalleeDialog(MediaCallOp op, RtpLeg leg, String ok) {
    }

    final Map<String, MediaCallOp> waiting = new ConcurrentHashMap<>(); // callee user name -> call
    final Map<String, MediaCallOp> callers = new ConcurrentHashMap<>(); // caller Call-ID -> call
    private final Map<String, CalleeDialog> dialogs = new ConcurrentHashMap<>(); // callee Call-ID
    private final MediaIo io;
    final LongAdder serverByes = new LongAdder();
    final LongAdder unexpected = new LongAdder();

    MediaUas(MediaIo io) {
        this.io = io;
    }

    private static String user(String uri) {
        String s = uri.startsWith("sip:") ? uri.substring(4) : uri;
        int at = s.indexOf('@');
        return at < 0 ? s : s.substring(0, at);
    }

    @Override
    public void onMessage(SipMessage req, Endpoint ep, InetSocketAddress from) {
        String callId = req.callId();
        String toTag = "bm" + Integer.toHexString(callId == null ? 0 : callId.hashCode());
        CalleeDialog d = callId == null ? null : dialogs.get(callId);
        switch (req.method) {
            case "INVITE":
                if (d != null) {
                    ep.send(d.ok(), from); // retransmitted INVITE, or a re-INVITE: same answer
                    return;
                }
                invite(req, ep, from, toTag);
                return;
            case "ACK":
                if (d != null) {
                    d.op().calleeAcked();
                }
                return;
            case "BYE":
                ep.send(Uas.response(req, 200, "OK", toTag, ep, null), from);
                if (d != null) {
                    dialogs.remove(callId);
                    d.leg().close();
                } else {
                    MediaCallOp c = callers.remove(callId);
                    if (c != null) {
                        serverByes.increment();
                        c.ended = true;
                        c.leg.close();
                    }
                }
                return;
            default:
                ep.send(Uas.response(req, 200, "OK", toTag, ep, null), from);
        }
    }

    private void invite(SipMessage req, Endpoint ep, InetSocketAddress from, String toTag) {
        MediaCallOp op = waiting.remove(user(req.requestUri));
        SdpInfo offer = SdpInfo.parse(req.body);
        if (op == null || offer == null) {
            unexpected.increment();
            ep.send(Uas.response(req, op == null ? 480 : 488, op == null ? "Temporarily Unavailable"
                    : "Not Acceptable Here", toTag, ep, null), from);
            return;
        }
        RtpLeg leg;
        try {
            leg = new RtpLeg(op.calleeName, true);
            boolean secure = offer.profile() != null && offer.profile().contains("SAVP") && offer.inlineKey() != null;
            if (secure) {
                leg.secure(offer.inlineKey());
            }
            leg.connect(offer.address());
            String sdp = "v=0\r\no=bench " + leg.port + " 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio " + leg.port + (secure ? " RTP/SAVP" : " RTP/AVP") + " 0\r\na=rtpmap:0 PCMU/8000\r\n"
                    + "a=ptime:20\r\n" + (secure ? "a=crypto:" + leg.crypto(offer.cryptoTag()) + "\r\n" : "")
                    + "a=sendrecv\r\n";
            String ok = Uas.response(req, 200, "OK", toTag, ep, sdp);
            op.leg.peer = leg;
            leg.peer = op.leg;
            op.calleeLeg = leg;
            dialogs.put(req.callId(), new CalleeDialog(op, leg, ok));
            io.start(leg);
            ep.send(ok, from);
        } catch (IOException | RuntimeException e) {
            unexpected.increment();
            ep.send(Uas.response(req, 500, "Bench Error", toTag, ep, null), from);
        }
    }
}
