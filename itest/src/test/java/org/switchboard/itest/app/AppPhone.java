package org.switchboard.itest.app;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.itest.support.Digest;
import org.switchboard.itest.support.SipMessage;

/**
 * A small SIP phone on raw UDP sockets, written for these tests and independent of the
 * platform's stack: it calls (INVITE with a PCMU offer, ACK, CANCEL, BYE), registers with
 * digest and answers calls by itself, and sends and receives real RTP: 20 ms PCMU packets
 * whose every byte is {@code tone}, so that a test can tell whose audio it receives.
 */
final class AppPhone implements AutoCloseable {
    private static final Pattern AUDIO = Pattern.compile("m=audio (\\d+) ");
    private static final Pattern CONN = Pattern.compile("c=IN IP4 ([0-9.]+)");

    private final DatagramSocket sip;
    private final DatagramSocket rtp;
    private final InetSocketAddress server;
    private final byte tone;
    private final String user;
    private final BlockingQueue<SipMessage> responses = new LinkedBlockingQueue<>();
    private final BlockingQueue<SipMessage> requests = new LinkedBlockingQueue<>();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger receivedOther = new AtomicInteger();
    private final AtomicInteger receivedTone = new AtomicInteger();
    private volatile InetSocketAddress remoteRtp;
    private volatile boolean sending = true;
    private volatile boolean closed;
    // the dialog of the last call
    private String callId;
    private String fromTag;
    private String toTag;
    private String remoteTarget;
    private String inviteBranch;
    private String inviteUri;
    private int cseq = 1;
    private volatile SipMessage answeredInvite;
    private volatile byte expectTone;
    private volatile int answerWith = 200;
    private volatile SipMessage ringing;

    AppPhone(int serverPort, String user, byte tone, byte expectTone) {
        try {
            sip = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
        this.user = user;
        this.tone = tone;
        this.expectTone = expectTone;
        thread("sip", this::readSip);
        thread("rtp-in", this::readRtp);
        thread("rtp-out", this::sendRtp);
    }

    private static void thread(String name, Runnable r) {
        Thread t = new Thread(r, "app-phone-" + name);
        t.setDaemon(true);
        t.start();
    }

    int received() {
        return received.get();
    }

    /** @return RTP packets received whose payload is mostly the expected tone */
    int receivedTone() {
        return receivedTone.get();
    }

    int receivedOther() {
        return receivedOther.get();
    }

    void stopRtp() {
        sending = false;
    }

    String callId() {
        return callId;
    }

    /** Sends an INVITE with an offer and returns at once; see {@link #awaitFinal}. */
    void invite(String number) {
        callId = UUID.randomUUID() + "@itest";
        fromTag = tag();
        inviteBranch = branch();
        String uri = "sip:" + number + "@127.0.0.1:" + server.getPort();
        remoteTarget = uri;
        inviteUri = uri;
        toTag = null;
        String sdp = sdp();
        String invite = "INVITE " + uri + " SIP/2.0\r\n" + via(inviteBranch) + "Max-Forwards: 70\r\n"
                + "From: \"Tester\" <sip:" + user + "@itest.invalid>;tag=" + fromTag + "\r\n" + "To: <" + uri + ">\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " INVITE\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + sip.getLocalPort() + ">\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
        send(invite);
    }

    /** @return the final response to the INVITE; a 2xx is ACKed and its media address taken */
    SipMessage awaitFinal(Duration within) {
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

    SipMessage awaitResponse(String method, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (true) {
                SipMessage m = responses.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                if (m == null) {
                    throw new AssertionError("no response to " + method + " within " + within);
                }
                if (m.method().equals(method) && m.status() > 100) {
                    return m;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    void cancel() {
        send("CANCEL " + inviteUri + " SIP/2.0\r\n" + via(inviteBranch)
                + "Max-Forwards: 70\r\n" + "From: \"Tester\" <sip:" + user + "@itest.invalid>;tag=" + fromTag + "\r\n"
                + "To: <" + inviteUri + ">\r\nCall-ID: " + callId
                + "\r\nCSeq: " + cseq + " CANCEL\r\nContent-Length: 0\r\n\r\n");
    }

    /**
     * Sends a re-INVITE with the same offer in another direction ({@code sendonly} holds the
     * other side, {@code sendrecv} resumes) and ACKs its 2xx.
     *
     * @return the status of the response
     */
    int reinvite(String direction) {
        cseq++;
        String sdp = sdp().replace("a=sendrecv", "a=" + direction).replace("o=- 1 1", "o=- 1 " + cseq);
        send("INVITE " + remoteTarget + " SIP/2.0\r\n" + via(branch()) + "Max-Forwards: 70\r\n"
                + dialogHeaders(cseq, "INVITE") + "Contact: <sip:" + user + "@127.0.0.1:" + sip.getLocalPort() + ">\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp);
        SipMessage r = awaitResponse("INVITE", Duration.ofSeconds(10));
        if (r.status() < 300) {
            send("ACK " + remoteTarget + " SIP/2.0\r\n" + via(branch()) + "Max-Forwards: 70\r\n" + dialogHeaders(cseq, "ACK")
                    + "Content-Length: 0\r\n\r\n");
        }
        return r.status();
    }

    /** @return the status of an INFO with a {@code application/dtmf-relay} digit */
    int info(char digit) {
        cseq++;
        String body = "Signal=" + digit + "\r\nDuration=160\r\n";
        send("INFO " + remoteTarget + " SIP/2.0\r\n" + via(branch()) + "Max-Forwards: 70\r\n" + dialogHeaders(cseq, "INFO")
                + "Content-Type: application/dtmf-relay\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        return awaitResponse("INFO", Duration.ofSeconds(10)).status();
    }

    /** @return the status of the BYE's response */
    int bye() {
        cseq++;
        send("BYE " + remoteTarget + " SIP/2.0\r\n" + via(branch()) + "Max-Forwards: 70\r\n" + dialogHeaders(cseq, "BYE")
                + "Content-Length: 0\r\n\r\n");
        sending = false;
        return awaitResponse("BYE", Duration.ofSeconds(10)).status();
    }

    /** Registers the phone's contact for a user of the platform (digest on the 401). */
    void register(String name, String password) {
        String uri = "sip:127.0.0.1:" + server.getPort();
        callId = UUID.randomUUID() + "@itest";
        String head = "From: <sip:" + name + "@127.0.0.1>;tag=" + tag() + "\r\nTo: <sip:" + name + "@127.0.0.1>\r\nCall-ID: "
                + callId + "\r\nContact: <sip:" + name + "@127.0.0.1:" + sip.getLocalPort() + ">\r\nExpires: 300\r\n";
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

    /** @return the next request of the platform (INVITE, ACK, BYE...), already answered where needed */
    SipMessage awaitRequest(String method, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (true) {
                SipMessage m = requests.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                if (m == null) {
                    throw new AssertionError("no " + method + " within " + within);
                }
                if (m.method().equals(method)) {
                    return m;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @param status 200 answers (the default), 0 rings until CANCEL, anything else refuses with it */
    void answerWith(int status) {
        answerWith = status;
    }

    SipMessage answeredInvite() {
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
                String sdp = sdp();
                reply(m, "180 Ringing", "", "");
                reply(m, "200 OK", "Contact: <sip:" + user + "@127.0.0.1:" + sip.getLocalPort() + ">\r\n"
                        + "Content-Type: application/sdp\r\n", sdp);
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
                    sending = false;
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
            to = to + ";tag=callee" + Math.abs(req.header("call-id").orElseThrow().hashCode());
        }
        b.append("From: ").append(req.header("from").orElseThrow()).append("\r\nTo: ").append(to).append("\r\nCall-ID: ")
                .append(req.header("call-id").orElseThrow()).append("\r\nCSeq: ").append(req.header("cseq").orElseThrow())
                .append("\r\n").append(extra).append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
        send(b.toString());
    }

    private String dialogHeaders(int seq, String method) {
        return "From: \"Tester\" <sip:" + user + "@itest.invalid>;tag=" + fromTag + "\r\nTo: <sip:x@127.0.0.1>;tag=" + toTag
                + "\r\nCall-ID: " + callId + "\r\nCSeq: " + seq + " " + method + "\r\n";
    }

    private String via(String branch) {
        return "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";branch=" + branch + ";rport\r\n";
    }

    private String sdp() {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" + "m=audio " + rtp.getLocalPort()
                + " RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
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
        byte[] buf = new byte[2048];
        while (!closed) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                rtp.receive(p);
                if (p.getLength() <= 12 || (buf[1] & 0x7f) != 0) {
                    continue; // RTCP, telephone-event
                }
                received.incrementAndGet();
                int same = 0;
                for (int i = 12; i < p.getLength(); i++) {
                    if (buf[i] == expectTone) {
                        same++;
                    }
                }
                (same * 2 > p.getLength() - 12 ? receivedTone : receivedOther).incrementAndGet();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void sendRtp() {
        byte[] packet = new byte[172];
        int seq = 0;
        int ts = 0;
        long next = System.nanoTime();
        packet[0] = (byte) 0x80;
        packet[8] = 0x12;
        packet[11] = tone;
        while (!closed) {
            InetSocketAddress to = remoteRtp;
            if (to != null && sending) {
                packet[2] = (byte) (seq >> 8);
                packet[3] = (byte) seq;
                packet[4] = (byte) (ts >> 24);
                packet[5] = (byte) (ts >> 16);
                packet[6] = (byte) (ts >> 8);
                packet[7] = (byte) ts;
                java.util.Arrays.fill(packet, 12, 172, tone);
                try {
                    rtp.send(new DatagramPacket(packet, packet.length, to));
                } catch (IOException e) {
                    // the test notices missing media
                }
                seq++;
                ts += 160;
            }
            next += 20_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        sip.close();
        rtp.close();
    }

}
