package org.switchboard.itest.browser;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.itest.support.Digest;
import org.switchboard.itest.support.SipMessage;

/**
 * The far end of a call the platform anchors for a browser (MediaAppsBrowserIT's music on hold):
 * a SIP phone on raw UDP sockets that registers, answers by itself, sends silence as 20 ms PCMU
 * RTP (so that the browser hears nothing from it), and puts the answered call on hold with a
 * re-INVITE ({@code a=sendonly}), after which the platform plays music to the browser.
 */
final class HoldingPhone implements AutoCloseable {
    private static final Pattern AUDIO = Pattern.compile("m=audio (\\d+) ");
    private static final Pattern CONN = Pattern.compile("c=IN IP4 ([0-9.]+)");

    private final DatagramSocket sip;
    private final DatagramSocket rtp;
    private final InetSocketAddress server;
    private final String user;
    private final BlockingQueue<SipMessage> responses = new LinkedBlockingQueue<>();
    private final BlockingQueue<SipMessage> requests = new LinkedBlockingQueue<>();
    private volatile InetSocketAddress remoteRtp;
    private volatile SipMessage answered;
    private volatile boolean closed;

    HoldingPhone(int serverPort, String user) {
        try {
            sip = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
        this.user = user;
        thread("sip", this::readSip);
        thread("rtp-in", this::drainRtp);
        thread("rtp-out", this::sendSilence);
    }

    private static void thread(String name, Runnable r) {
        Thread t = new Thread(r, "holding-phone-" + name);
        t.setDaemon(true);
        t.start();
    }

    void register(String password) {
        String uri = "sip:127.0.0.1:" + server.getPort();
        String head = "From: <sip:" + user + "@127.0.0.1>;tag=" + tag() + "\r\nTo: <sip:" + user + "@127.0.0.1>\r\nCall-ID: "
                + UUID.randomUUID() + "@itest\r\nContact: <sip:" + user + "@127.0.0.1:" + sip.getLocalPort()
                + ">\r\nExpires: 300\r\n";
        send("REGISTER " + uri + " SIP/2.0\r\n" + via() + head + "CSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n");
        SipMessage challenge = awaitResponse("REGISTER", Duration.ofSeconds(10));
        String auth = Digest.authorization(Digest.choose(challenge.headers("www-authenticate"), "MD5"), user, password,
                "REGISTER", uri);
        send("REGISTER " + uri + " SIP/2.0\r\n" + via() + head + "CSeq: 2 REGISTER\r\nAuthorization: " + auth
                + "\r\nContent-Length: 0\r\n\r\n");
        SipMessage ok = awaitResponse("REGISTER", Duration.ofSeconds(10));
        if (ok.status() != 200) {
            throw new AssertionError("REGISTER got " + ok);
        }
    }

    /** Waits for the INVITE this phone answers by itself. */
    SipMessage awaitInvite(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (true) {
                SipMessage m = requests.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                if (m == null) {
                    throw new AssertionError(user + ": no INVITE within " + within);
                }
                if (m.method().equals("INVITE")) {
                    return m;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Puts the answered call on hold (re-INVITE with {@code a=sendonly}); keeps sending silence. */
    void hold() {
        SipMessage invite = answered;
        String target = SipMessage.uriOf(invite.header("contact").orElseThrow());
        String routes = ""; // like the other test phones: in-dialog requests go to the proxy, which routes them
        String sdp = sdp("sendonly");
        String dialog = "From: " + answeredTo(invite) + "\r\nTo: " + invite.header("from").orElseThrow() + "\r\nCall-ID: "
                + invite.header("call-id").orElseThrow() + "\r\n";
        send("INVITE " + target + " SIP/2.0\r\n" + via() + "Max-Forwards: 70\r\n" + routes + dialog + "CSeq: 100 INVITE\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + sip.getLocalPort() + ">\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp);
        SipMessage ok = awaitResponse("INVITE", Duration.ofSeconds(10));
        while (ok.status() < 200) {
            ok = awaitResponse("INVITE", Duration.ofSeconds(10));
        }
        if (ok.status() != 200) {
            throw new AssertionError("hold re-INVITE got " + ok.status());
        }
        send("ACK " + target + " SIP/2.0\r\n" + via() + "Max-Forwards: 70\r\n" + routes + "From: " + answeredTo(invite)
                + "\r\nTo: " + ok.header("to").orElseThrow() + "\r\nCall-ID: " + invite.header("call-id").orElseThrow()
                + "\r\nCSeq: 100 ACK\r\nContent-Length: 0\r\n\r\n");
    }

    private static String answeredTo(SipMessage invite) {
        return invite.header("to").orElseThrow() + ";tag=holder" + Math.abs(invite.header("call-id").orElseThrow().hashCode());
    }

    private SipMessage awaitResponse(String method, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (true) {
                SipMessage m = responses.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                if (m == null) {
                    throw new AssertionError(user + ": no response to " + method + " within " + within);
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

    private void onRequest(SipMessage m) {
        switch (m.method()) {
            case "INVITE" -> {
                if (answered == null || !answered.header("call-id").equals(m.header("call-id"))) {
                    remoteRtp = media(m.body());
                    reply(m, "200 OK", "Contact: <sip:" + user + "@127.0.0.1:" + sip.getLocalPort() + ">\r\n"
                            + "Content-Type: application/sdp\r\n", sdp("sendrecv"));
                    answered = m;
                } else {
                    reply(m, "200 OK", "Contact: <sip:" + user + "@127.0.0.1:" + sip.getLocalPort() + ">\r\n"
                            + "Content-Type: application/sdp\r\n", sdp("sendrecv"));
                }
            }
            case "BYE", "OPTIONS", "INFO", "CANCEL" -> {
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
        if (!to.contains("tag=")) {
            to = answeredTo(req);
        }
        b.append("From: ").append(req.header("from").orElseThrow()).append("\r\nTo: ").append(to).append("\r\nCall-ID: ")
                .append(req.header("call-id").orElseThrow()).append("\r\nCSeq: ").append(req.header("cseq").orElseThrow())
                .append("\r\n").append(extra).append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
        send(b.toString());
    }

    private String via() {
        return "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";branch=z9hG4bK" + UUID.randomUUID().toString().replace("-", "")
                + ";rport\r\n";
    }

    private String sdp(String direction) {
        return "v=0\r\no=- 1 " + System.nanoTime() + " IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtp.getLocalPort() + " RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=" + direction + "\r\n";
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

    private void drainRtp() {
        byte[] buf = new byte[2048];
        while (!closed) {
            try {
                rtp.receive(new DatagramPacket(buf, buf.length));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** 20 ms PCMU packets of silence (0xFF), also while holding (the platform's RTP timeout). */
    private void sendSilence() {
        byte[] packet = new byte[172];
        Arrays.fill(packet, 12, 172, (byte) 0xFF);
        packet[0] = (byte) 0x80;
        packet[8] = 0x48;
        packet[11] = (byte) user.hashCode();
        int seq = 0;
        long ts = 0;
        long next = System.nanoTime();
        while (!closed) {
            InetSocketAddress to = remoteRtp;
            if (to != null) {
                packet[2] = (byte) (seq >> 8);
                packet[3] = (byte) seq;
                packet[4] = (byte) (ts >> 24);
                packet[5] = (byte) (ts >> 16);
                packet[6] = (byte) (ts >> 8);
                packet[7] = (byte) ts;
                try {
                    rtp.send(new DatagramPacket(packet, packet.length, to));
                } catch (IOException e) {
                    // the test notices missing media
                }
                seq++;
            }
            ts += 160;
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
    }
}
