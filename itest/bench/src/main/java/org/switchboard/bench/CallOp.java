package org.switchboard.bench;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * One proxied call: INVITE, 407, ACK, INVITE with Proxy-Authorization, 180, 200, ACK and BYE along
 * the Record-Route set, 200 to BYE. Latencies: first INVITE to 200, and first INVITE to BYE's 200.
 */
final class CallOp extends Op {
    private enum State { INVITING, HOLDING, BYE }

    private final User caller;
    private final String callee;
    private final Consumer<User> release;
    private final String fromTag = Sip.random();
    private final String ruri;
    private State state = State.INVITING;
    private int cseq = 1;
    private boolean invitedWithAuth;
    private boolean byeWithAuth;
    private Dialog dialog;
    private String lastBranch;

    /** What the 2xx to INVITE established: remote To (with tag), Route set, request target, next hop. */
    record Dialog(String to, List<String> routes, String requestUri, InetSocketAddress nextHop) {
    }

    CallOp(Runner runner, Endpoint ep, User caller, String callee, Consumer<User> release) {
        super(runner, ep, "call-" + Sip.random() + "@bench");
        this.caller = caller;
        this.callee = callee;
        this.release = release;
        this.ruri = "sip:" + callee + "@" + runner.opt.domain;
    }

    @Override
    void start() {
        sendInvite(null);
    }

    private String from() {
        return "<sip:" + caller.name + "@" + runner.opt.domain + ">;tag=" + fromTag;
    }

    private String credentials(Digest.Challenge c, String method, String uri) {
        return (c.proxy() ? "Proxy-Authorization: " : "Authorization: ")
                + Digest.credentials(caller.name, runner.opt.password, c, method, uri, 1, Sip.random()) + "\r\n";
    }

    private void sendInvite(String auth) {
        lastBranch = Sip.branch();
        StringBuilder sb = new StringBuilder(1200).append("INVITE ").append(ruri).append(" SIP/2.0\r\n");
        Sip.via(sb, ep, lastBranch).append("Max-Forwards: 70\r\nFrom: ").append(from()).append("\r\nTo: <")
                .append(ruri).append(">\r\nCall-ID: ").append(callId).append("\r\nCSeq: ").append(cseq)
                .append(" INVITE\r\nContact: <sip:").append(caller.name).append('@').append(ep.hostPort)
                .append(">\r\n").append(auth == null ? "" : auth).append("User-Agent: switchboard-bench\r\n");
        sendRequest(Sip.end(sb, Sip.SDP).toString(), runner.server);
    }

    /** ACK to a non-2xx final answer: same branch as the INVITE, hop-by-hop to the server. */
    private void ackFailure(SipMessage m) {
        StringBuilder sb = new StringBuilder(512).append("ACK ").append(ruri).append(" SIP/2.0\r\n");
        Sip.via(sb, ep, lastBranch).append("Max-Forwards: 70\r\nFrom: ").append(from()).append("\r\nTo: ")
                .append(m.get("to")).append("\r\nCall-ID: ").append(callId).append("\r\nCSeq: ").append(cseq)
                .append(" ACK\r\n");
        sendNoAnswer(Sip.end(sb, null).toString(), runner.server);
    }

    /** A request inside the dialog, sent along the route set. */
    private String inDialog(String method, String auth) {
        StringBuilder sb = new StringBuilder(768).append(method).append(' ').append(dialog.requestUri())
                .append(" SIP/2.0\r\n");
        Sip.via(sb, ep, Sip.branch()).append("Max-Forwards: 70\r\n");
        for (String r : dialog.routes()) {
            sb.append("Route: ").append(r).append("\r\n");
        }
        sb.append("From: ").append(from()).append("\r\nTo: ").append(dialog.to()).append("\r\nCall-ID: ")
                .append(callId).append("\r\nCSeq: ").append(cseq).append(' ').append(method).append("\r\n")
                .append(auth == null ? "" : auth);
        return Sip.end(sb, null).toString();
    }

    static Dialog dialog(SipMessage ok, InetSocketAddress server) {
        List<String> routes = new ArrayList<>(ok.list("record-route"));
        Collections.reverse(routes); // the UAC uses the Record-Route set in reverse order
        String contact = ok.get("contact");
        String target = contact == null ? null : Sip.uri(contact);
        if (routes.isEmpty()) {
            return new Dialog(ok.get("to"), routes, target, target == null ? server : Sip.address(target));
        }
        if (Sip.looseRoute(routes.get(0))) {
            return new Dialog(ok.get("to"), routes, target, Sip.address(Sip.uri(routes.get(0))));
        }
        String strict = Sip.uri(routes.remove(0)); // strict router: it becomes the Request-URI
        routes.add("<" + target + ">");
        return new Dialog(ok.get("to"), routes, strict, Sip.address(strict));
    }

    @Override
    void onResponse(SipMessage m) {
        String method = m.cseqMethod();
        if ("INVITE".equals(method) && state != State.INVITING && m.status >= 200 && m.status < 300) {
            sendNoAnswer(inDialogAck(m.cseqNumber()), dialog.nextHop()); // 2xx retransmission
            stats.stray.increment();
            return;
        }
        if (m.cseqNumber() != cseq || !method.equals(state == State.INVITING ? "INVITE" : "BYE")) {
            stats.stray.increment();
            return;
        }
        if (m.status < 200) {
            if (m.status == 180 && measured) {
                stats.latency("call INVITE->180").record(elapsed());
            }
            return;
        }
        if (state == State.INVITING) {
            onInviteFinal(m);
        } else {
            onByeFinal(m);
        }
    }

    private String inDialogAck(int ackCseq) {
        int saved = cseq;
        cseq = ackCseq;
        String ack = inDialog("ACK", null);
        cseq = saved;
        return ack;
    }

    private void onInviteFinal(SipMessage m) {
        if (m.status >= 300) {
            ackFailure(m);
            Digest.Challenge c = (m.status == 401 || m.status == 407) ? Digest.pick(m) : null;
            if (c != null && !invitedWithAuth) {
                stats.challenges.increment();
                invitedWithAuth = true;
                cseq++;
                sendInvite(credentials(c, "INVITE", ruri));
            } else {
                fail("INVITE " + m.status + (invitedWithAuth && c != null ? " after credentials" : ""));
            }
            return;
        }
        if (measured) {
            stats.latency("call INVITE->200").record(elapsed());
        }
        dialog = dialog(m, runner.server);
        sendNoAnswer(inDialog("ACK", null), dialog.nextHop());
        if (runner.opt.holdMs > 0) {
            state = State.HOLDING;
            idle();
            runner.later(runner.opt.holdMs, this::hangUp);
        } else {
            bye();
        }
    }

    private synchronized void hangUp() {
        if (state == State.HOLDING) {
            bye();
        }
    }

    private void bye() {
        state = State.BYE;
        cseq++;
        sendRequest(inDialog("BYE", null), dialog.nextHop());
    }

    private void onByeFinal(SipMessage m) {
        Digest.Challenge c = (m.status == 401 || m.status == 407) ? Digest.pick(m) : null;
        if (c != null && !byeWithAuth) {
            byeWithAuth = true;
            cseq++;
            sendRequest(inDialog("BYE", credentials(c, "BYE", dialog.requestUri())), dialog.nextHop());
        } else if (m.status < 300) {
            if (measured) {
                stats.latency("call setup+teardown").record(elapsed());
            }
            succeed();
        } else {
            fail("BYE " + m.status);
        }
    }

    @Override
    String phase() {
        return state == State.BYE ? "BYE" : invitedWithAuth ? "INVITE with credentials" : "first INVITE";
    }

    @Override
    void released() {
        release.accept(caller);
    }
}
