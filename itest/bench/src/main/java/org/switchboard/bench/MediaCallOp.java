package org.switchboard.bench;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Sets up one call with media: INVITE (SDP offer for our RTP leg, SDES-SRTP when asked), 407, INVITE
 * with credentials, 200 (the answer connects the leg), ACK; then, for a bridged call, the DTMF digits
 * as SIP INFO (application/dtmf-relay), one at a time, and it waits until the server's INVITE for the
 * callee reached the {@link MediaUas} and was ACKed. The op ends when the media is up; {@link #hangup}
 * makes the op that sends the BYE later.
 */
final class MediaCallOp extends Op {
    private enum State { INVITING, DIGITS, WAIT_BRIDGE, UP }

    final User caller;
    final RtpLeg leg;
    final String calleeName; // null: no callee (conference)
    private final MediaIo io;
    private final String ruri;
    private final String digits;
    private final long digitGapMs;
    private final long setupTimeoutNanos;
    private final String fromTag = Sip.random();
    private State state = State.INVITING;
    private int cseq = 1;
    private boolean invitedWithAuth;
    private int digit;
    private boolean calleeUp;
    private String lastBranch;
    CallOp.Dialog dialog;
    volatile RtpLeg calleeLeg;
    volatile boolean ended; // BYE from the server, or hung up

    MediaCallOp(Runner runner, Endpoint ep, MediaIo io, User caller, String number, String digits, String calleeName,
            RtpLeg leg, long digitGapMs, long setupTimeoutMs) {
        super(runner, ep, "media-" + Sip.random() + "@bench");
        this.io = io;
        this.caller = caller;
        this.ruri = "sip:" + number + "@" + runner.opt.domain;
        this.digits = digits;
        this.calleeName = calleeName;
        this.leg = leg;
        this.digitGapMs = digitGapMs;
        this.setupTimeoutNanos = setupTimeoutMs * 1_000_000L;
    }

    @Override
    void start() {
        sendInvite(null);
    }

    private String from() {
        return "<sip:" + caller.name + "@" + runner.opt.domain + ">;tag=" + fromTag;
    }

    private String offer() {
        StringBuilder sb = new StringBuilder(400).append("v=0\r\no=bench ").append(leg.port)
                .append(" 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio ").append(leg.port)
                .append(io.srtp ? " RTP/SAVP" : " RTP/AVP").append(" 0 101\r\na=rtpmap:0 PCMU/8000\r\n")
                .append("a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\n");
        if (io.srtp) {
            sb.append("a=crypto:").append(leg.crypto(1)).append("\r\n");
        }
        return sb.append("a=sendrecv\r\n").toString();
    }

    private void sendInvite(String auth) {
        lastBranch = Sip.branch();
        StringBuilder sb = new StringBuilder(1400).append("INVITE ").append(ruri).append(" SIP/2.0\r\n");
        Sip.via(sb, ep, lastBranch).append("Max-Forwards: 70\r\nFrom: ").append(from()).append("\r\nTo: <")
                .append(ruri).append(">\r\nCall-ID: ").append(callId).append("\r\nCSeq: ").append(cseq)
                .append(" INVITE\r\nContact: <sip:").append(caller.name).append('@').append(ep.hostPort)
                .append(">\r\n").append(auth == null ? "" : auth).append("User-Agent: switchboard-bench\r\n");
        sendRequest(Sip.end(sb, offer()).toString(), runner.server);
    }

    private void ackFailure(SipMessage m) {
        StringBuilder sb = new StringBuilder(512).append("ACK ").append(ruri).append(" SIP/2.0\r\n");
        Sip.via(sb, ep, lastBranch).append("Max-Forwards: 70\r\nFrom: ").append(from()).append("\r\nTo: ")
                .append(m.get("to")).append("\r\nCall-ID: ").append(callId).append("\r\nCSeq: ").append(cseq)
                .append(" ACK\r\n");
        sendNoAnswer(Sip.end(sb, null).toString(), runner.server);
    }

    private String inDialog(String method, int n, String extra, String contentType, String body) {
        StringBuilder sb = new StringBuilder(900).append(method).append(' ').append(dialog.requestUri())
                .append(" SIP/2.0\r\n");
        Sip.via(sb, ep, Sip.branch()).append("Max-Forwards: 70\r\n");
        for (String r : dialog.routes()) {
            sb.append("Route: ").append(r).append("\r\n");
        }
        sb.append("From: ").append(from()).append("\r\nTo: ").append(dialog.to()).append("\r\nCall-ID: ")
                .append(callId).append("\r\nCSeq: ").append(n).append(' ').append(method).append("\r\n")
                .append(extra == null ? "" : extra);
        if (body == null) {
            return Sip.end(sb, null).toString();
        }
        return sb.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length())
                .append("\r\n\r\n").append(body).toString();
    }

    @Override
    void onResponse(SipMessage m) {
        String method = m.cseqMethod();
        if ("INVITE".equals(method) && state != State.INVITING) {
            if (m.status >= 200 && m.status < 300 && dialog != null) { // 2xx retransmission: ACK again
                sendNoAnswer(inDialog("ACK", m.cseqNumber(), null, null, null), dialog.nextHop());
            }
            stats.stray.increment();
            return;
        }
        if (m.cseqNumber() != cseq || m.status < 200) {
            if (m.status >= 200) {
                stats.stray.increment();
            }
            return;
        }
        if (state == State.INVITING) {
            onInviteFinal(m);
        } else if (state == State.DIGITS && "INFO".equals(method)) {
            if (m.status >= 300) {
                fail("INFO " + m.status);
                return;
            }
            digit++;
            if (digit < digits.length()) {
                idle();
                runner.later(digitGapMs, this::sendDigit);
            } else {
                state = State.WAIT_BRIDGE;
                expectWithin(setupTimeoutNanos);
                if (calleeUp) {
                    up();
                }
            }
        }
    }

    private void onInviteFinal(SipMessage m) {
        if (m.status >= 300) {
            ackFailure(m);
            Digest.Challenge c = (m.status == 401 || m.status == 407) ? Digest.pick(m) : null;
            if (c != null && !invitedWithAuth) {
                stats.challenges.increment();
                invitedWithAuth = true;
                cseq++;
                sendInvite((c.proxy() ? "Proxy-Authorization: " : "Authorization: ")
                        + Digest.credentials(caller.name, runner.opt.password, c, "INVITE", ruri, 1, Sip.random())
                        + "\r\n");
            } else {
                fail("INVITE " + m.status);
            }
            return;
        }
        stats.latency("INVITE->200").record(elapsed());
        dialog = CallOp.dialog(m, runner.server);
        sendNoAnswer(inDialog("ACK", cseq, null, null, null), dialog.nextHop());
        SdpInfo answer = SdpInfo.parse(m.body);
        if (answer == null) {
            fail("200 without usable SDP");
            return;
        }
        try {
            if (io.srtp) {
                if (answer.inlineKey() == null) {
                    fail("answer without a=crypto");
                    return;
                }
                leg.secure(answer.inlineKey());
            }
            leg.connect(answer.address());
        } catch (IOException | IllegalArgumentException e) {
            fail("media: " + e.getMessage());
            return;
        }
        io.start(leg);
        if (digits.isEmpty()) {
            up();
        } else {
            state = State.DIGITS;
            idle();
            runner.later(digitGapMs * 2, this::sendDigit);
        }
    }

    private synchronized void sendDigit() {
        if (state != State.DIGITS || ended) {
            return;
        }
        cseq++;
        String body = "Signal=" + digits.charAt(digit) + "\r\nDuration=100\r\n";
        sendRequest(inDialog("INFO", cseq, null, "application/dtmf-relay", body), dialog.nextHop());
    }

    /** The callee's leg was answered and ACKed by the server (UAS receiver thread). */
    synchronized void calleeAcked() {
        calleeUp = true;
        if (state == State.WAIT_BRIDGE) {
            up();
        }
    }

    private void up() {
        state = State.UP;
        stats.latency("setup (INVITE->media up)").record(elapsed());
        succeed();
    }

    @Override
    String phase() {
        return state.name();
    }

    /** The op that ends the call: BYE along the dialog, one retry with credentials if challenged. */
    synchronized Op hangup() {
        ended = true;
        cseq++;
        int byeCseq = cseq;
        return new Op(runner, ep, callId) {
            private boolean withAuth;

            @Override
            void start() {
                sendRequest(inDialog("BYE", byeCseq, null, null, null), dialog.nextHop());
            }

            @Override
            void onResponse(SipMessage m) {
                if (!"BYE".equals(m.cseqMethod()) || m.status < 200) {
                    return;
                }
                Digest.Challenge c = (m.status == 401 || m.status == 407) ? Digest.pick(m) : null;
                if (c != null && !withAuth) {
                    withAuth = true;
                    sendRequest(inDialog("BYE", byeCseq + 1, (c.proxy() ? "Proxy-Authorization: " : "Authorization: ")
                            + Digest.credentials(caller.name, runner.opt.password, c, "BYE", dialog.requestUri(), 1,
                            Sip.random()) + "\r\n", null, null), dialog.nextHop());
                } else if (m.status < 300 || m.status == 481) {
                    succeed();
                } else {
                    fail("BYE " + m.status);
                }
            }

            @Override
            String phase() {
                return "BYE";
            }
        };
    }

    InetSocketAddress remoteMedia() {
        return leg.remote();
    }
}
