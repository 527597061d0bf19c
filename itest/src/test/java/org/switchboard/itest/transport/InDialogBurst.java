package org.switchboard.itest.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.switchboard.itest.support.SipMessage;

/**
 * Writes in-dialog requests of a callee by hand (RFC 3261 12.1.1 and 12.2.1.1): the caller's
 * Contact as Request-URI, the INVITE's Record-Route as the route set, From and To swapped.
 */
final class InDialogBurst {
    /** The CSeq of the first request: any number above the caller's INVITE. */
    static final long FIRST_CSEQ = 1000;

    private final String target;
    private final List<String> routes;
    private final String from;
    private final String to;
    private final String callId;
    private final String transport;
    private final String viaHost = UUID.randomUUID().toString().substring(0, 8) + ".invalid";

    private InDialogBurst(String target, List<String> routes, String from, String to, String callId, String transport) {
        this.target = target;
        this.routes = routes;
        this.from = from;
        this.to = to;
        this.callId = callId;
        this.transport = transport;
    }

    /**
     * @param invite the INVITE the callee received
     * @param localTo the To header the callee answered with, with its tag (as the ACK carries it)
     * @param transport the Via transport: WS or WSS
     * @return requests from the callee to the caller in that dialog
     */
    static InDialogBurst asCallee(SipMessage invite, String localTo, String transport) {
        return new InDialogBurst(SipMessage.uriOf(invite.header("contact").orElseThrow()), invite.headers("record-route"),
                localTo, invite.header("from").orElseThrow(), invite.header("call-id").orElseThrow(), transport);
    }

    /**
     * @param method the method
     * @param n the request's number in the burst, from 1: its CSeq is {@link #FIRST_CSEQ} + n - 1
     * @param contentType the body's type
     * @param body the body
     * @return the request
     */
    String request(String method, int n, String contentType, String body) {
        StringBuilder r = new StringBuilder(method + " " + target + " SIP/2.0\r\n");
        r.append("Via: SIP/2.0/").append(transport).append(' ').append(viaHost).append(";branch=z9hG4bK")
                .append(UUID.randomUUID().toString().replace("-", "")).append("\r\n");
        routes.forEach(route -> r.append("Route: ").append(route).append("\r\n"));
        r.append("Max-Forwards: 70\r\n")
                .append("From: ").append(from).append("\r\n")
                .append("To: ").append(to).append("\r\n")
                .append("Call-ID: ").append(callId).append("\r\n")
                .append("CSeq: ").append(FIRST_CSEQ + n - 1).append(' ').append(method).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n")
                .append(body);
        return r.toString();
    }

    /** @return the sequence number of a message's CSeq */
    static long cseq(SipMessage m) {
        return Long.parseLong(m.header("cseq").orElseThrow().trim().split("\\s+")[0]);
    }
}
