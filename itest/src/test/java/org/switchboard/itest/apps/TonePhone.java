package org.switchboard.itest.apps;

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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.itest.support.Digest;
import org.switchboard.itest.support.SipMessage;

/**
 * A SIP phone on raw UDP sockets for the application tests, independent of the platform's
 * stack: it calls (INVITE with PCMU and telephone-event), registers and answers by itself,
 * puts the call on hold with a re-INVITE, sends a sine tone of its own frequency (or silence)
 * as real 20 ms PCMU RTP, presses keys as RFC 4733 events, and keeps the last seconds of what
 * it receives so that a test can ask how loud it is and how strong one frequency is in it.
 */
final class TonePhone implements AutoCloseable {
    private static final Pattern AUDIO = Pattern.compile("m=audio (\\d+) ");
    private static final Pattern CONN = Pattern.compile("c=IN IP4 ([0-9.]+)");
    private static final int RING = 8000 * 8;

    private final DatagramSocket sip;
    private final DatagramSocket rtp;
    private final InetSocketAddress server;
    private final String user;
    private final BlockingQueue<SipMessage> responses = new LinkedBlockingQueue<>();
    private final BlockingQueue<SipMessage> requests = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Character> keys = new ConcurrentLinkedQueue<>();
    private final short[] heard = new short[RING];
    private long heardCount;
    private volatile double frequency;
    private volatile InetSocketAddress remoteRtp;
    private volatile boolean closed;
    private String callId;
    private String fromTag;
    private String toTag;
    private String remoteTarget;
    private String inviteUri;
    private int cseq = 1;
    private volatile SipMessage answered;

    /**
     * @param frequency what it sends, in Hz; 0 for silence
     */
    TonePhone(int serverPort, String user, double frequency) {
        try {
            sip = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
        this.user = user;
        this.frequency = frequency;
        thread("sip", this::readSip);
        thread("rtp-in", this::readRtp);
        thread("rtp-out", this::sendRtp);
    }

    private static void thread(String name, Runnable r) {
        Thread t = new Thread(r, "tone-phone-" + name);
        t.setDaemon(true);
        t.start();
    }

    void frequency(double hz) {
        this.frequency = hz;
    }

    /** Presses keys (RFC 4733), one after the other, between the audio packets. */
    void press(String digits) {
        digits.chars().forEach(c -> keys.add((char) c));
    }

    /** @return the RMS level of the last {@code window} received */
    double level(Duration window) {
        return Audio.rms(last(window));
    }

    /** @return the amplitude of {@code hz} in the last {@code window} received */
    double tone(double hz, Duration window) {
        return Audio.goertzel(last(window), hz);
    }

    synchronized short[] last(Duration window) {
        int n = (int) Math.min(Math.min(window.toMillis() * 8, RING), heardCount);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            out[i] = heard[(int) ((heardCount - n + i) % RING)];
        }
        return out;
    }

    void invite(String number) {
        callId = UUID.randomUUID() + "@itest";
        fromTag = tag();
        String uri = "sip:" + number + "@127.0.0.1:" + server.getPort();
        remoteTarget = uri;
        inviteUri = uri;
        toTag = null;
        String sdp = sdp("sendrecv");
        send("INVITE " + uri + " SIP/2.0\r\n" + via(branch()) + "Max-Forwards: 70\r\n"
                + "From: \"" + user + "\" <sip:" + user + "@itest.invalid>;tag=" + fromTag + "\r\nTo: <" + uri + ">\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " INVITE\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + sip.getLocalPort() + ">\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp);
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
        }
        send("ACK " + (r.status() < 300 ? remoteTarget : inviteUri) + " SIP/2.0\r\n" + via(branch())
                + "Max-Forwards: 70\r\n" + dialogHeaders(cseq, "ACK") + "Content-Length: 0\r\n\r\n");
        return r;
    }

    SipMessage awaitResponse(String method, Duration within) {
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

    SipMessage awaitRequest(String method, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (true) {
                SipMessage m = requests.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                if (m == null) {
                    throw new AssertionError(user + ": no " + method + " within " + within);
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

    /** @return the status of the BYE's response, on the call this phone placed */
    int bye() {
        cseq++;
        send("BYE " + remoteTarget + " SIP/2.0\r\n" + via(branch()) + "Max-Forwards: 70\r\n" + dialogHeaders(cseq, "BYE")
                + "Content-Length: 0\r\n\r\n");
        remoteRtp = null;
        return awaitResponse("BYE", Duration.ofSeconds(10)).status();
    }

    void register(String name, String password) {
        String uri = "sip:127.0.0.1:" + server.getPort();
        String regCallId = UUID.randomUUID() + "@itest";
        String head = "From: <sip:" + name + "@127.0.0.1>;tag=" + tag() + "\r\nTo: <sip:" + name + "@127.0.0.1>\r\nCall-ID: "
                + regCallId + "\r\nContact: <sip:" + name + "@127.0.0.1:" + sip.getLocalPort() + ">\r\nExpires: 300\r\n";
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

    /** Puts the call this phone answered on hold (re-INVITE with {@code a=sendonly}), and stops sending. */
    void holdAnswered() {
        SipMessage invite = answered;
        String target = SipMessage.uriOf(invite.header("contact").orElseThrow());
        String sdp = sdp("sendonly");
        frequency = 0;
        send("INVITE " + target + " SIP/2.0\r\n" + via(branch()) + "Max-Forwards: 70\r\n"
                + "From: " + answeredTo(invite) + "\r\nTo: " + invite.header("from").orElseThrow() + "\r\nCall-ID: "
                + invite.header("call-id").orElseThrow() + "\r\nCSeq: 100 INVITE\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + sip.getLocalPort() + ">\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp);
        SipMessage ok = awaitResponse("INVITE", Duration.ofSeconds(10));
        while (ok.status() < 200) {
            ok = awaitResponse("INVITE", Duration.ofSeconds(10));
        }
        if (ok.status() != 200) {
            throw new AssertionError("hold re-INVITE got " + ok.status());
        }
        send("ACK " + target + " SIP/2.0\r\n" + via(branch()) + "Max-Forwards: 70\r\nFrom: " + answeredTo(invite)
                + "\r\nTo: " + ok.header("to").orElseThrow() + "\r\nCall-ID: " + invite.header("call-id").orElseThrow()
                + "\r\nCSeq: 100 ACK\r\nContent-Length: 0\r\n\r\n");
    }

    private static String answeredTo(SipMessage invite) {
        return invite.header("to").orElseThrow() + ";tag=callee" + Math.abs(invite.header("call-id").orElseThrow().hashCode());
    }

    private void onRequest(SipMessage m) {
        switch (m.method()) {
            case "INVITE" -> {
                remoteRtp = media(m.body());
                reply(m, "180 Ringing", "", "");
                reply(m, "200 OK", "Contact: <sip:" + user + "@127.0.0.1:" + sip.getLocalPort() + ">\r\n"
                        + "Content-Type: application/sdp\r\n", sdp("sendrecv"));
                answered = m;
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

    private String dialogHeaders(int seq, String method) {
        return "From: \"" + user + "\" <sip:" + user + "@itest.invalid>;tag=" + fromTag + "\r\nTo: <" + inviteUri + ">"
                + (toTag == null ? "" : ";tag=" + toTag) + "\r\nCall-ID: " + callId + "\r\nCSeq: " + seq + " " + method + "\r\n";
    }

    private String via(String branch) {
        return "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";branch=" + branch + ";rport\r\n";
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
                synchronized (this) {
                    for (int i = 12; i < p.getLength(); i++) {
                        heard[(int) (heardCount++ % RING)] = Audio.linear(buf[i]);
                    }
                }
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** One packet every 20 ms: the tone, or a key's telephone-event packets (5 + 3 end packets). */
    private void sendRtp() {
        byte[] packet = new byte[172];
        int seq = 0;
        long ts = 0;
        long phase = 0;
        long next = System.nanoTime();
        Character key = null;
        int keyPacket = 0;
        long keyTs = 0;
        packet[0] = (byte) 0x80;
        packet[8] = 0x34;
        packet[11] = (byte) user.hashCode();
        while (!closed) {
            InetSocketAddress to = remoteRtp;
            if (to != null) {
                if (key == null && keyPacket == 0) {
                    key = keys.poll();
                    keyTs = ts;
                }
                int length;
                if (key != null) {
                    length = 16;
                    boolean end = keyPacket >= 5;
                    packet[1] = (byte) ((keyPacket == 0 ? 0x80 : 0) | 101);
                    put32(packet, 4, keyTs);
                    packet[12] = (byte) event(key);
                    packet[13] = (byte) ((end ? 0x80 : 0) | 10);
                    int duration = Math.min(8, keyPacket + 1) * 160;
                    packet[14] = (byte) (duration >> 8);
                    packet[15] = (byte) duration;
                    if (++keyPacket == 8) {
                        key = null;
                        keyPacket = -5; // 100 ms of audio before the next key
                    }
                } else {
                    length = 172;
                    packet[1] = 0;
                    put32(packet, 4, ts);
                    double f = frequency;
                    for (int i = 0; i < 160; i++) {
                        double s = f <= 0 ? 0 : 6000 * Math.sin(2 * Math.PI * f * (phase + i) / 8000);
                        packet[12 + i] = Audio.ulaw((short) s);
                    }
                    if (keyPacket < 0) {
                        keyPacket++;
                    }
                }
                packet[2] = (byte) (seq >> 8);
                packet[3] = (byte) seq;
                try {
                    rtp.send(new DatagramPacket(packet, length, to));
                } catch (IOException e) {
                    // the test notices missing media
                }
                seq++;
            }
            ts += 160;
            phase += 160;
            next += 20_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private static int event(char key) {
        return switch (key) {
            case '*' -> 10;
            case '#' -> 11;
            default -> key - '0';
        };
    }

    private static void put32(byte[] b, int at, long v) {
        b[at] = (byte) (v >> 24);
        b[at + 1] = (byte) (v >> 16);
        b[at + 2] = (byte) (v >> 8);
        b[at + 3] = (byte) v;
    }

    @Override
    public void close() {
        closed = true;
        sip.close();
        rtp.close();
    }
}
