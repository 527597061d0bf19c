package org.switchboard.itest.transport;

import java.util.UUID;

import org.switchboard.itest.support.SipMessage;

/**
 * SIP messages written by hand for one call over WebSocket: an INVITE from a caller outside the
 * platform's domains (so the proxy does not challenge it), its ACK for a failure, and a UAS's
 * responses with the headers a test chooses.
 */
final class RawCall {
    private final String viaHost = UUID.randomUUID().toString().substring(0, 8) + ".invalid";
    private final String callId = UUID.randomUUID() + "@" + viaHost;
    private final String branch = "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");
    private final String fromTag = UUID.randomUUID().toString().substring(0, 8);
    private final String target;

    /** @param target the Request-URI of the INVITE */
    RawCall(String target) {
        this.target = target;
    }

    String callId() {
        return callId;
    }

    /** @return an INVITE without a body from sip:caller@example.net over WS */
    String invite() {
        return request("INVITE", "To: <" + target + ">");
    }

    /** @param failure the final response to the INVITE: the ACK for it (RFC 3261 17.1.1.3) */
    String ackFor(SipMessage failure) {
        return request("ACK", "To: " + failure.header("to").orElseThrow());
    }

    private String request(String method, String to) {
        return method + " " + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/WS " + viaHost + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:caller@example.net>;tag=" + fromTag + "\r\n"
                + to + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:caller@" + viaHost + ";transport=ws>\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /**
     * @param request the request answered
     * @param code the status
     * @param reason the reason phrase
     * @param extraHeaders whole header lines, each ending in CRLF
     * @return the response, with a To tag
     */
    static String response(SipMessage request, int code, String reason, String extraHeaders) {
        StringBuilder r = new StringBuilder("SIP/2.0 " + code + " " + reason + "\r\n");
        request.headers("via").forEach(v -> r.append("Via: ").append(v).append("\r\n"));
        request.headers("record-route").forEach(v -> r.append("Record-Route: ").append(v).append("\r\n"));
        r.append("From: ").append(request.header("from").orElseThrow()).append("\r\n")
                .append("To: ").append(request.header("to").orElseThrow()).append(";tag=")
                .append(UUID.randomUUID().toString(), 0, 8).append("\r\n")
                .append("Call-ID: ").append(request.header("call-id").orElseThrow()).append("\r\n")
                .append("CSeq: ").append(request.header("cseq").orElseThrow()).append("\r\n")
                .append(extraHeaders)
                .append("Content-Length: 0\r\n\r\n");
        return r.toString();
    }
}
