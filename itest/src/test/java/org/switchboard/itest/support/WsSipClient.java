package org.switchboard.itest.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A SIP user agent over WebSocket (RFC 7118) on the JDK's own WebSocket client, writing SIP by
 * hand, as a browser softphone would. Enough for REGISTER with digest, answering an INVITE and
 * placing one.
 */
public final class WsSipClient implements AutoCloseable {

    /** The host name RFC 7118 clients put in Via and Contact: they cannot be reached directly. */
    private static final String HOST = UUID.randomUUID().toString().substring(0, 8) + ".invalid";

    private final SipUser user;
    private final String domain;
    private final String viaTransport;
    private final WebSocket socket;
    private final BlockingQueue<SipMessage> inbox = new LinkedBlockingQueue<>();
    private final List<SipMessage> seen = new ArrayList<>();
    private final String instance = "<urn:uuid:" + UUID.randomUUID() + ">";
    private final String fromTag = tag();
    private int cseq = 1;

    /** The state of one call this client takes part in. */
    public static final class Dialog {
        final String callId;
        final String localTag;
        final String remoteTag;
        final String localUri;
        final String remoteUri;
        final String remoteTarget;
        final List<String> routeSet;

        Dialog(String callId, String localTag, String remoteTag, String localUri, String remoteUri,
                String remoteTarget, List<String> routeSet) {
            this.callId = callId;
            this.localTag = localTag;
            this.remoteTag = remoteTag;
            this.localUri = localUri;
            this.remoteUri = remoteUri;
            this.remoteTarget = remoteTarget;
            this.routeSet = routeSet;
        }

        /** @return the Call-ID */
        public String callId() {
            return callId;
        }
    }

    /**
     * Opens the WebSocket with subprotocol "sip".
     *
     * @param user the user this client registers as
     * @param domain the SIP domain, e.g. 127.0.0.1
     * @param wsPort the server's ws port
     */
    public WsSipClient(SipUser user, String domain, int wsPort) {
        this(user, domain, wsPort, false);
    }

    /**
     * Opens the WebSocket with subprotocol "sip", over TLS (wss://) if asked. The server's
     * certificate is not checked: it is self-signed.
     *
     * @param user the user this client registers as
     * @param domain the SIP domain, e.g. 127.0.0.1
     * @param port the server's ws port, or its wss port
     * @param secure whether to use wss:// (and Via transport WSS)
     */
    public WsSipClient(SipUser user, String domain, int port, boolean secure) {
        this.user = user;
        this.domain = domain;
        this.viaTransport = secure ? "WSS" : "WS";
        HttpClient client = secure ? HttpClient.newBuilder().sslContext(TrustAll.sslContext()).build()
                : HttpClient.newHttpClient();
        this.socket = client.newWebSocketBuilder().subprotocols("sip")
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create((secure ? "wss" : "ws") + "://127.0.0.1:" + port + "/"), new Listener()).join();
        if (!"sip".equals(socket.getSubprotocol())) {
            throw new AssertionError("the server did not accept the sip subprotocol: '" + socket.getSubprotocol() + "'");
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.add(SipMessage.parse(partial.toString()));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, java.nio.ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            partial.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            if (last) {
                inbox.add(SipMessage.parse(partial.toString()));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 10);
    }

    private static String branch() {
        return "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");
    }

    private String aor() {
        return "sip:" + user.name() + "@" + domain;
    }

    private String contact() {
        return "<sip:" + user.name() + "@" + HOST + ";transport=ws>";
    }

    private String via(String branch) {
        return "SIP/2.0/" + viaTransport + " " + HOST + ";branch=" + branch;
    }

    /** @param text one whole SIP message */
    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /**
     * Waits for the next message that matches, keeping the others for later calls.
     *
     * @param match what to wait for
     * @param timeout how long
     * @return the message
     */
    public synchronized SipMessage await(Predicate<SipMessage> match, Duration timeout) {
        for (SipMessage m : seen) {
            if (match.test(m)) {
                seen.remove(m);
                return m;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                SipMessage m = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError(user.name() + " over " + viaTransport + ": nothing matching within " + timeout
                            + "; unmatched messages: " + seen);
                }
                if (match.test(m)) {
                    return m;
                }
                seen.add(m);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private SipMessage awaitFinal(String callId, String method, Duration timeout) {
        return await(m -> m.isResponse() && m.status() >= 200 && callId.equals(m.header("call-id").orElse(""))
                && method.equals(m.method()), timeout);
    }

    /**
     * Registers with digest authentication, preferring SHA-256.
     *
     * @param expires the Expires value
     * @return the final response
     */
    public SipMessage register(int expires) {
        String callId = UUID.randomUUID() + "@" + HOST;
        String uri = "sip:" + domain;
        String request = registerRequest(uri, callId, expires, null);
        send(request);
        SipMessage response = awaitFinal(callId, "REGISTER", Duration.ofSeconds(10));
        if (response.status() == 401) {
            Map<String, String> challenge = Digest.choose(response.headers("www-authenticate"), "SHA-256");
            send(registerRequest(uri, callId, expires, "Authorization: "
                    + Digest.authorization(challenge, user.name(), user.password(), "REGISTER", uri)));
            response = awaitFinal(callId, "REGISTER", Duration.ofSeconds(10));
        }
        return response;
    }

    private String registerRequest(String uri, String callId, int expires, String authorization) {
        return "REGISTER " + uri + " SIP/2.0\r\n"
                + "Via: " + via(branch()) + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + aor() + ">;tag=" + fromTag + "\r\n"
                + "To: <" + aor() + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + (cseq++) + " REGISTER\r\n"
                + "Contact: " + contact() + ";+sip.instance=\"" + instance + "\";expires=" + expires + "\r\n"
                + "Expires: " + expires + "\r\n"
                + (authorization == null ? "" : authorization + "\r\n")
                + "User-Agent: switchboard-itest-ws\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /**
     * Answers an incoming INVITE: 180, then 200 with an SDP answer.
     *
     * @param invite the INVITE
     * @return the dialog
     */
    public Dialog answer(SipMessage invite) {
        String localTag = tag();
        send(response(invite, 180, "Ringing", localTag, "", ""));
        send(response(invite, 200, "OK", localTag, "Contact: " + contact() + "\r\nContent-Type: application/sdp\r\n", sdp()));
        String from = invite.header("from").orElseThrow();
        List<String> routes = new ArrayList<>(invite.headers("record-route"));
        return new Dialog(invite.header("call-id").orElseThrow(), localTag, SipMessage.param(from, "tag"),
                SipMessage.uriOf(invite.header("to").orElseThrow()), SipMessage.uriOf(from),
                SipMessage.uriOf(invite.header("contact").orElseThrow()), routes);
    }

    /**
     * Answers a request without a dialog change (e.g. 200 to BYE).
     *
     * @param request the request
     * @param code the status
     * @param reason the reason phrase
     */
    public void respond(SipMessage request, int code, String reason) {
        send(response(request, code, reason, request.toTag().isEmpty() ? tag() : "", "", ""));
    }

    private String response(SipMessage request, int code, String reason, String toTag, String extraHeaders, String body) {
        StringBuilder r = new StringBuilder("SIP/2.0 " + code + " " + reason + "\r\n");
        request.headers("via").forEach(v -> r.append("Via: ").append(v).append("\r\n"));
        if (code > 100) {
            request.headers("record-route").forEach(v -> r.append("Record-Route: ").append(v).append("\r\n"));
        }
        String to = request.header("to").orElseThrow();
        if (!toTag.isEmpty() && SipMessage.param(to, "tag").isEmpty()) {
            to = to + ";tag=" + toTag;
        }
        r.append("From: ").append(request.header("from").orElseThrow()).append("\r\n")
                .append("To: ").append(to).append("\r\n")
                .append("Call-ID: ").append(request.header("call-id").orElseThrow()).append("\r\n")
                .append("CSeq: ").append(request.header("cseq").orElseThrow()).append("\r\n")
                .append(extraHeaders)
                .append("Content-Length: ").append(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .append("\r\n\r\n").append(body);
        return r.toString();
    }

    private static String sdp() {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 20000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    }

    /**
     * Calls someone through the proxy, answering the 407 with digest, and ACKs the 200.
     *
     * @param target the Request-URI
     * @return the dialog once established
     */
    public Dialog invite(String target) {
        String callId = UUID.randomUUID() + "@" + HOST;
        String localTag = tag();
        String branch = branch();
        int inviteCseq = cseq++;
        send(inviteRequest(target, callId, localTag, branch, inviteCseq, null));
        SipMessage response = awaitFinal(callId, "INVITE", Duration.ofSeconds(15));
        if (response.status() == 407 || response.status() == 401) {
            send(ackForFailure(target, callId, localTag, branch, inviteCseq, response));
            String header = response.status() == 407 ? "proxy-authenticate" : "www-authenticate";
            Map<String, String> challenge = Digest.choose(response.headers(header), "SHA-256");
            branch = branch();
            inviteCseq = cseq++;
            send(inviteRequest(target, callId, localTag, branch, inviteCseq,
                    (response.status() == 407 ? "Proxy-Authorization: " : "Authorization: ")
                            + Digest.authorization(challenge, user.name(), user.password(), "INVITE", target)));
            response = awaitFinal(callId, "INVITE", Duration.ofSeconds(15));
        }
        if (response.status() != 200) {
            send(ackForFailure(target, callId, localTag, branch, inviteCseq, response));
            throw new AssertionError("INVITE over WS to " + target + " was answered " + response);
        }
        List<String> routes = new ArrayList<>(response.headers("record-route"));
        java.util.Collections.reverse(routes);
        Dialog dialog = new Dialog(callId, localTag, response.toTag(), aor(), target,
                SipMessage.uriOf(response.header("contact").orElseThrow()), routes);
        send(inDialog("ACK", dialog, inviteCseq));
        return dialog;
    }

    private String inviteRequest(String target, String callId, String localTag, String branch, int seq, String auth) {
        String body = sdp();
        return "INVITE " + target + " SIP/2.0\r\n"
                + "Via: " + via(branch) + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + aor() + ">;tag=" + localTag + "\r\n"
                + "To: <" + target + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + seq + " INVITE\r\n"
                + "Contact: " + contact() + ";ob\r\n"
                + (auth == null ? "" : auth + "\r\n")
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private String ackForFailure(String target, String callId, String localTag, String branch, int seq, SipMessage response) {
        return "ACK " + target + " SIP/2.0\r\n"
                + "Via: " + via(branch) + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + aor() + ">;tag=" + localTag + "\r\n"
                + "To: " + response.header("to").orElseThrow() + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + seq + " ACK\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private String inDialog(String method, Dialog dialog, int seq) {
        StringBuilder r = new StringBuilder(method + " " + dialog.remoteTarget + " SIP/2.0\r\n");
        r.append("Via: ").append(via(branch())).append("\r\n");
        dialog.routeSet.forEach(route -> r.append("Route: ").append(route).append("\r\n"));
        r.append("Max-Forwards: 70\r\n")
                .append("From: <").append(dialog.localUri).append(">;tag=").append(dialog.localTag).append("\r\n")
                .append("To: <").append(dialog.remoteUri).append(">;tag=").append(dialog.remoteTag).append("\r\n")
                .append("Call-ID: ").append(dialog.callId).append("\r\n")
                .append("CSeq: ").append(seq).append(' ').append(method).append("\r\n")
                .append("Content-Length: 0\r\n\r\n");
        return r.toString();
    }

    /**
     * Hangs up a call this client placed or answered.
     *
     * @param dialog the call
     * @return the final response to the BYE
     */
    public SipMessage bye(Dialog dialog) {
        send(inDialog("BYE", dialog, cseq++ + 100));
        return awaitFinal(dialog.callId, "BYE", Duration.ofSeconds(10));
    }

    /**
     * @param method a request method
     * @param timeout how long to wait
     * @return the next request of that method
     */
    public SipMessage awaitRequest(String method, Duration timeout) {
        return await(m -> !m.isResponse() && method.equals(m.method()), timeout);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        socket.abort();
    }
}
