package org.switchboard.bench;

import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** The callee side: a stateless UAS answering INVITE with 180 + 200 (SDP), BYE and others with 200. */
final class Uas {
    final LongAdder invites = new LongAdder();
    final LongAdder byes = new LongAdder();
    final LongAdder acks = new LongAdder();
    final LongAdder others = new LongAdder();
    private final ScheduledExecutorService timer;
    private final long ringMs;

    /** {@code ringMs}: time between the 180 and the 200 (0 = at once, like an auto-answering UA). */
    Uas(ScheduledExecutorService timer, long ringMs) {
        this.timer = timer;
        this.ringMs = ringMs;
    }

    void handle(SipMessage req, Endpoint ep, InetSocketAddress from) {
        String toTag = "uas" + Integer.toHexString(req.callId() == null ? 0 : req.callId().hashCode());
        switch (req.method) {
            case "ACK":
                acks.increment();
                return;
            case "INVITE":
                invites.increment();
                ep.send(response(req, 180, "Ringing", toTag, ep, null), from);
                String ok = response(req, 200, "OK", toTag, ep, Sip.SDP);
                if (ringMs > 0) {
                    timer.schedule(() -> ep.send(ok, from), ringMs, TimeUnit.MILLISECONDS);
                } else {
                    ep.send(ok, from);
                }
                return;
            case "BYE":
                byes.increment();
                ep.send(response(req, 200, "OK", toTag, ep, null), from);
                return;
            default:
                others.increment();
                ep.send(response(req, 200, "OK", toTag, ep, null), from);
        }
    }

    /** A response copying Via, From, To (tag added), Call-ID, CSeq and, for INVITE, Record-Route. */
    static String response(SipMessage req, int code, String reason, String toTag, Endpoint ep, String body) {
        StringBuilder sb = new StringBuilder(768).append("SIP/2.0 ").append(code).append(' ').append(reason)
                .append("\r\n");
        for (String v : req.lines("via")) {
            sb.append("Via: ").append(v).append("\r\n");
        }
        boolean invite = "INVITE".equals(req.method);
        if (invite) {
            for (String rr : req.lines("record-route")) {
                sb.append("Record-Route: ").append(rr).append("\r\n");
            }
        }
        String to = req.get("to");
        if (to != null && !to.contains(";tag=")) {
            to = to + ";tag=" + toTag;
        }
        sb.append("From: ").append(req.get("from")).append("\r\nTo: ").append(to)
                .append("\r\nCall-ID: ").append(req.callId()).append("\r\nCSeq: ").append(req.get("cseq"))
                .append("\r\n");
        if (invite) {
            sb.append("Contact: <sip:callee@").append(ep.hostPort).append(">\r\n");
        }
        return Sip.end(sb.append("Server: switchboard-bench\r\n"), body).toString();
    }
}
