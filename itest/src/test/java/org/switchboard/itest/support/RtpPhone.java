package org.switchboard.itest.support;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small SIP phone on raw UDP sockets, written for the tests and independent of the
 * platform's stack: it calls (INVITE with a PCMU and telephone-event offer, ACK, CANCEL,
 * re-INVITE, INFO, BYE), registers with digest and answers calls by itself.
 *
 * <p>The media is the subclass's: every 20 ms {@link #tick} may send a packet to the far end
 * with {@link #sendRtp}, and {@link #onAudio} sees the payload of every PCMU packet received
 * (RTCP and telephone-event are left out). RTCP has its own socket, announced with {@code a=rtcp}:
 * {@link #rtcpReports} collects what arrives there, and the phone sends none.
 */
public abstract class RtpPhone implements AutoCloseable {
    private static final Pattern AUDIO = Pattern.compile("m=audio (\\d+) ");
    private static final Pattern CONN = Pattern.compile("c=IN IP4 ([0-9.]+)");

    private final DatagramSocket sip;
    private final DatagramSocket rtp;
    private final DatagramSocket rtcp;
    private final java.util.List<byte[]> rtcpReceived = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final InetSocketAddress server;
    /** The user part of the phone's own URIs. */
    protected final String user;
    private final BlockingQueue<SipMessage> responses = new LinkedBlockingQueue<>();
    private final BlockingQueue<SipMessage> requests = new LinkedBlockingQueue<>();
    private volatile InetSocketAddress remoteRtp;
    private volatile boolean closed;
    // the dialog of the last call this phone placed
    private String callId;
    private String fromTag;
    private String toTag;
    private String remoteTarget;
    private String inviteBranch;
    private String inviteUri;
    private int cseq = 1;
    private volatile SipMessage answeredInvite;
    private volatile int answerWith = 200;
    private volatile SipMessage ringing;

    /**
     * Binds the sockets; call {@link #start} at the end of the subclass's constructor.
     *
     * @param serverPort the platform's SIP port on the loopback address
     * @param user the user part of the phone's URIs
     */
    protected RtpPhone(int serverPort, String user) {
        try {
            sip = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            rtcp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
        this.user = user;
    }

    /** Starts the SIP and RTP threads, named {@code <name>-sip}, {@code <name>-rtp-in}, {@code <name>-rtp-out}. */
    protected final void start(String name) {
        thread(name + "-sip", this::readSip);
        thread(name + "-rtp-in", this::readRtp);
        thread(name + "-rtp-out", this::pace);
        thread(name + "-rtcp-in", this::readRtcp);
    }

    private static void thread(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * Called every 20 ms on the sending thread.
     *
     * @param to the far end's RTP address, null while there is no call
     */
    protected abstract void tick(InetSocketAddress to);

    /**
     * Called on the receiving thread for every PCMU packet.
     *
     * @param packet the whole RTP packet; the payload starts at byte 12
     * @param length the packet's length
     */
    protected abstract void onAudio(byte[] packet, int length);

    /** Sends an RTP packet from the phone's media socket; a failure shows up as missing media in the test. */
    protected final void sendRtp(byte[] packet, int length, InetSocketAddress to) {
        try {
            rtp.send(new DatagramPacket(packet, length, to));
        } catch (IOException e) {
            // the test notices missing media
        }
    }

    /**
     * @return the RTCP datagrams received on the phone's RTCP port ({@code a=rtcp}), oldest first;
     *     compound packets as sent (plain RTP/AVP calls are not encrypted)
     */
    public final java.util.List<byte[]> rtcpReports() {
        return rtcpReceived;
    }

    /** @return the Call-ID of the last call this phone placed */
    public String callId() {
        return callId;
    }

    /** Sends an INVITE with an offer and returns at once; see {@link #awaitFinal}. */
    public void invite(String number) {
        callId = UUID.randomUUID() + "@itest";
        fromTag = tag();
        inviteBranch = branch();
        String uri = "sip:" + number + "@127.0.0.1:" + server.getPort();
        remoteTarget = uri;
        inviteUri = uri;
        toTag = null;
        String sdp = sdp("sendrecv");
        send("INVITE " + uri + " SIP/2.0\r\n" + via(inviteBranch) + "Max-Forwards: 70\r\n"
                + "From: \"" + user + "\" <sip:" + user + "@itest.invalid>;tag=" + fromTag + "\r\nTo: <" + uri + ">\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " INVITE\r\n" + contact()
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp);
    }

    /** @return the final response to the INVITE; a 2xx is ACKed and its media address taken */
    public SipMessage awaitFinal(Duration within) {
        SipMessage r;
        do {
            r = awaitResponse("INVITE", within);
        } while (r.status() < 200);
        toTag = r.toTag();
        if (r.status() < 300) {
            remoteTarget = SipMessage.uriOf(r.header("contact").orElseThrow());
            remoteRtp = media(r.body());
            send("ACK " + remoteTarget + " SIP/2.0\r\n" + via(branch()) + "Max-Forwards: 70\r\n" + dialogHeaders(cseq, "ACK")
                    + "Content-Length: 0\r\n\r\n");
        } else {
            // hop-by-hop ACK of a failure: same branch as the INVITE
            send("ACK " + inviteUri + " SIP/2.0\r\n" + via(inviteBranch) + "Max-Forwards: 70\r\n"
                    + dialogHeaders(cseq, "ACK") + "Content-Length: 0\r\n\r\n");
        }
        return r;
    }

    /** @return the next response (not 100) to {@code method} */
    public SipMessage awaitResponse(String method, Duration within) {
        return await(responses, m -> m.method().equals(method) && m.status() > 100, "response to " + method, within);
    }

    private SipMessage awaitFinalResponse(String method) {
        SipMessage r;
        do {
            r = awaitResponse(method, Duration.ofSeconds(10));
        } while (r.status() < 200);
        return r;
    }

    /** @return the next request of the platform (INVITE, ACK, BYE...), already answered where needed */
    public SipMessage awaitRequest(String method, Duration within) {
        return await(requests, m -> m.method().equals(method), method, within);
    }

    private SipMessage await(BlockingQueue<SipMessage> queue, Predicate<SipMessage> wanted, String what,
            Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (true) {
                SipMessage m = queue.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                if (m == null) {
                    throw new AssertionError(user + ": no " + what + " within " + within);
                }
                if (wanted.test(m)) {
                    return m;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Cancels the INVITE this phone sent. */
    public void cancel() {
        send("CANCEL " + inviteUri + " SIP/2.0\r\n" + via(inviteBranch) + "Max-Forwards: 70\r\n"
                + "From: \"" + user + "\" <sip:" + user + "@itest.invalid>;tag=" + fromTag + "\r\nTo: <" + inviteUri
                + ">\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq + " CANCEL\r\nContent-Length: 0\r\n\r\n");
    }

    /**
     * Sends a re-INVITE on the call this phone placed, with the same offer in another direction
     * ({@code sendonly} holds the other side, {@code sendrecv} resumes), and ACKs its 2xx.
     *
     * @return the status of the response
     */
    public int reinvite(String direction) {
        cseq++;
        String sdp = sdp(direction);
        send("INVITE " + remoteTarget + " SIP/2.0\r\n" + via(branch()) + "Max-Forwards: 70\r\n"
                + dialogHeaders(cseq, "INVITE") + contact()
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp);
        SipMessage r = awaitFinalResponse("INVITE");
        if (r.status() < 300) {
            send("ACK " + remoteTarget + " SIP/2.0\r\n" + via(branch()) + "Max-Forwards: 70\r\n" + dialogHeaders(cseq, "ACK")
                    + "Content-Length: 0\r\n\r\n");
        }
        return r.status();
    }

    /** Puts the call this phone answered on hold (re-INVITE with {@code a=sendonly}) and ACKs the 200. */
    public void holdAnswered() {
        SipMessage invite = answeredInvite;
        String target = SipMessage.uriOf(invite.header("contact").orElseThrow());
        String sdp = sdp("sendonly");
        send("INVITE " + target + " SIP/2.0\r\n" + via(branch()) + "Max-Forwards: 70\r\n"
                + "From: " + answeredTo(invite) + "\r\nTo: " + invite.header("from").orElseThrow() + "\r\nCall-ID: "
                + invite.header("call-id").orElseThrow() + "\r\nCSeq: 100 INVITE\r\n" + contact()
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp);
        SipMessage ok = awaitFinalResponse("INVITE");
        if (ok.status() != 200) {
            throw new AssertionError("hold re-INVITE got " + ok.status());
        }
        send("ACK " + target + " SIP/2.0\r\n" + via(branch()) + "Max-Forwards: 70\r\nFrom: " + answeredTo(invite)
                + "\r\nTo: " + ok.header("to").orElseThrow() + "\r\nCall-ID: " + invite.header("call-id").orElseThrow()
                + "\r\nCSeq: 100 ACK\r\nContent-Length: 0\r\n\r\n");
    }

    /** @return the status of an INFO with a {@code application/dtmf-relay} digit */
    public int info(char digit) {
        cseq++;
        String body = "Signal=" + digit + "\r\nDuration=160\r\n";
        send("INFO " + remoteTarget + " SIP/2.0\r\n" + via(branch()) + "Max-Forwards: 70\r\n" + dialogHeaders(cseq, "INFO")
                + "Content-Type: application/dtmf-relay\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        return awaitResponse("INFO", Duration.ofSeconds(10)).status();
    }

    /** Hangs up the call this phone placed; the media stops. @return the status of the BYE's response */
    public int bye() {
        cseq++;
        send("BYE " + remoteTarget + " SIP/2.0\r\n" + via(branch()) + "Max-Forwards: 70\r\n" + dialogHeaders(cseq, "BYE")
                + "Content-Length: 0\r\n\r\n");
        remoteRtp = null;
        return awaitResponse("BYE", Duration.ofSeconds(10)).status();
    }

    /** Registers the phone's contact for a user of the platform (digest on the 401). */
    public void register(String name, String password) {
        String uri = "sip:127.0.0.1:" + server.getPort();
        String head = "From: <sip:" + name + "@127.0.0.1>;tag=" + tag() + "\r\nTo: <sip:" + name + "@127.0.0.1>\r\nCall-ID: "
                + UUID.randomUUID() + "@itest\r\nContact: <sip:" + name + "@127.0.0.1:" + sip.getLocalPort()
                + ">\r\nExpires: 300\r\n";
        send("REGISTER " + uri + " SIP/2.0\r\n" + via(branch()) + head + "CSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n");
        SipMessage challenge = awaitResponse("REGISTER", Duration.ofSeconds(10));
        String auth = Digest.authorization(Digest.choose(challenge.headers("www-authenticate"), "MD5"), name, password,
                "REGISTER", uri);
        send("REGISTER " + uri + " SIP/2.0\r\n" + via(branch()) + head + "CSeq: 2 REGISTER\r\nAuthorization: " + auth
                + "\r\nContent-Length: 0\r\n\r\n");
        SipMessage ok = awaitResponse("REGISTER", Duration.ofSeconds(10));
        if (ok.status() != 200) {
            throw new AssertionError("REGISTER got " + ok);
        }
    }

    /** @param status 200 answers (the default), 0 rings until CANCEL, anything else refuses with it */
    public void answerWith(int status) {
        answerWith = status;
    }

    /** @return the last INVITE this phone answered with 200, or null */
    public SipMessage answeredInvite() {
        return answeredInvite;
    }

    private void onRequest(SipMessage m) {
        switch (m.method()) {
            case "INVITE" -> {
                if (answerWith != 200) {
                    reply(m, "180 Ringing", "", "");
                    if (answerWith == 0) {
                        ringing = m;
                    } else {
                        reply(m, answerWith + " Refused", "", "");
                    }
                    break;
                }
                remoteRtp = media(m.body());
                reply(m, "180 Ringing", "", "");
                reply(m, "200 OK", contact() + "Content-Type: application/sdp\r\n", sdp("sendrecv"));
                answeredInvite = m;
            }
            case "CANCEL" -> {
                reply(m, "200 OK", "", "");
                SipMessage invite = ringing;
                if (invite != null) {
                    reply(invite, "487 Request Terminated", "", "");
                    ringing = null;
                }
            }
            case "BYE", "OPTIONS", "INFO" -> {
                reply(m, "200 OK", "", "");
                if ("BYE".equals(m.method())) {
                    remoteRtp = null;
                }
            }
            default -> { }
        }
        requests.add(m);
    }

    private void reply(SipMessage req, String status, String extra, String body) {
        StringBuilder b = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
        req.headers("via").forEach(v -> b.append("Via: ").append(v).append("\r\n"));
        req.headers("record-route").forEach(v -> b.append("Record-Route: ").append(v).append("\r\n"));
        String to = req.header("to").orElseThrow();
        if (!status.startsWith("100") && !to.contains("tag=")) {
            to = answeredTo(req);
        }
        b.append("From: ").append(req.header("from").orElseThrow()).append("\r\nTo: ").append(to).append("\r\nCall-ID: ")
                .append(req.header("call-id").orElseThrow()).append("\r\nCSeq: ").append(req.header("cseq").orElseThrow())
                .append("\r\n").append(extra).append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
        send(b.toString());
    }

    /** @return the To of an INVITE with the tag this phone gives calls it answers */
    private static String answeredTo(SipMessage invite) {
        return invite.header("to").orElseThrow() + ";tag=callee" + Math.abs(invite.header("call-id").orElseThrow().hashCode());
    }

    private String dialogHeaders(int seq, String method) {
        return "From: \"" + user + "\" <sip:" + user + "@itest.invalid>;tag=" + fromTag + "\r\nTo: <" + inviteUri + ">"
                + (toTag == null ? "" : ";tag=" + toTag) + "\r\nCall-ID: " + callId + "\r\nCSeq: " + seq + " " + method + "\r\n";
    }

    private String contact() {
        return "Contact: <sip:" + user + "@127.0.0.1:" + sip.getLocalPort() + ">\r\n";
    }

    private String via(String branch) {
        return "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";branch=" + branch + ";rport\r\n";
    }

    /** A fresh origin version each time, so that a re-INVITE's offer is a new one. */
    private String sdp(String direction) {
        return "v=0\r\no=- 1 " + System.nanoTime() + " IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtp.getLocalPort() + " RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=rtcp:" + rtcp.getLocalPort()
                + "\r\na=" + direction + "\r\n";
    }

    private static InetSocketAddress media(String sdp) {
        Matcher port = AUDIO.matcher(sdp);
        Matcher host = CONN.matcher(sdp);
        if (!port.find() || !host.find()) {
            return null;
        }
        return new InetSocketAddress(host.group(1), Integer.parseInt(port.group(1)));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String branch() {
        return "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");
    }

    private void send(String text) {
        byte[] b = text.getBytes(ISO_8859_1);
        try {
            sip.send(new DatagramPacket(b, b.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readSip() {
        byte[] buf = new byte[65535];
        while (!closed) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                sip.receive(p);
                SipMessage m = SipMessage.parse(new String(p.getData(), 0, p.getLength(), ISO_8859_1));
                if (m.isResponse()) {
                    responses.add(m);
                } else {
                    onRequest(m);
                }
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void readRtp() {
        read(rtp, (buf, length) -> {
            if (length > 12 && (buf[1] & 0x7f) == 0) { // not RTCP, not telephone-event
                onAudio(buf, length);
            }
        });
    }

    private void readRtcp() {
        read(rtcp, (buf, length) -> rtcpReceived.add(java.util.Arrays.copyOf(buf, length)));
    }

    /** Hands every datagram of a socket to the handler until the phone is closed. */
    private void read(DatagramSocket socket, java.util.function.ObjIntConsumer<byte[]> handler) {
        byte[] buf = new byte[2048];
        while (!closed) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                handler.accept(buf, p.getLength());
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pace() {
        long next = System.nanoTime();
        while (!closed) {
            tick(remoteRtp);
            next += 20_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        sip.close();
        rtp.close();
        rtcp.close();
    }
}
