package org.switchboard.media.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.media.DtmfEvent;
import org.switchboard.api.media.LegEndReason;
import org.switchboard.api.media.LegOptions;
import org.switchboard.api.media.SignalledLeg;
import org.switchboard.media.internal.dtmf.TelephoneEvent;
import org.switchboard.media.internal.codec.Opus;
import org.switchboard.media.internal.rtp.Rtcp;
import org.switchboard.media.internal.rtp.RtpPacket;
import org.switchboard.media.internal.rtp.RtpWriter;

/** Two legs over real UDP on 127.0.0.1: echo, DTMF, bridge and RTP timeout. */
class LoopbackTest {
    private static final byte TONE = 0x2A;
    private final int base = Math.min(freePort(), 65000);
    private final Engine engine = new Engine(new Engine.Settings(base, base + 200, "127.0.0.1", "",
            Duration.ofSeconds(30), 1));
    private final List<DatagramSocket> sockets = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        sockets.forEach(DatagramSocket::close);
        engine.close();
    }

    @Test
    void echoSendsBackWhatTheCallerSends() throws Exception {
        DatagramSocket phone = phone();
        SignalledLeg leg = engine.answer(offer(phone), LegOptions.defaults("echo"));
        assertEquals("PCMA", leg.codec().name());
        leg.echo();
        InetSocketAddress media = mediaAddress(leg.localSdp());
        streamUntil(phone, media, () -> received(phone, 8, TONE));
        assertTrue(leg.stats().packetsReceived() > 0);
        leg.close();
    }

    @Test
    void opusEchoComesBackAsTheTone() throws Exception {
        DatagramSocket phone = phone();
        SignalledLeg leg = engine.answer("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + phone.getLocalPort() + " RTP/AVP 96 0\r\na=rtpmap:96 opus/48000/2\r\n"
                + "a=rtcp-mux\r\n", LegOptions.defaults("opus"));
        assertEquals(new org.switchboard.api.media.Codec("opus", 96, 48000), leg.codec());
        leg.echo();
        InetSocketAddress media = mediaAddress(leg.localSdp());
        org.switchboard.media.internal.codec.AudioCodec encoder = Opus.OPUS.newInstance();
        org.switchboard.media.internal.codec.AudioCodec decoder = Opus.OPUS.newInstance();
        short[] tone = org.switchboard.media.internal.codec.OpusTest.tone(160);
        byte[] packet = new byte[1500];
        short[] heard = new short[160];
        double[] loudest = {0};
        int[] seq = {0};
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> {
            int len = encoder.encode(tone, 160, packet, 12);
            RtpWriter.header(packet, 0, 96, seq[0] == 0, seq[0], seq[0] * 960L, 77);
            seq[0]++;
            phone.send(new DatagramPacket(packet, 12 + len, media));
            DatagramPacket p = receive(phone);
            RtpPacket rtp = new RtpPacket();
            if (p != null && rtp.parse(p.getData(), 0, p.getLength()) && rtp.payloadType() == 96) {
                decoder.decode(p.getData(), rtp.payloadOffset(), rtp.payloadLength(), heard);
                double e = 0;
                for (short v : heard) {
                    e += Math.abs(v);
                }
                loudest[0] = Math.max(loudest[0], e / 160);
            }
            return loudest[0] > 1000;
        });
        leg.close();
    }

    @Test
    void telephoneEventsArriveAsDigits() throws Exception {
        DatagramSocket phone = phone();
        SignalledLeg leg = engine.answer(offer(phone), LegOptions.defaults("dtmf"));
        AtomicReference<DtmfEvent> digit = new AtomicReference<>();
        leg.onDtmf(digit::set);
        InetSocketAddress media = mediaAddress(leg.localSdp());
        byte[] buf = new byte[16];
        for (int i = 0; i < 4; i++) {
            boolean end = i >= 1;
            TelephoneEvent.write(buf, 12, TelephoneEvent.code('7'), end, 10, 160 * (i + 1));
            RtpWriter.header(buf, 0, 101, i == 0, 500 + i, 8000, 42);
            phone.send(new DatagramPacket(buf, 16, media));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> digit.get() != null);
        assertEquals('7', digit.get().digit());
        leg.close();
    }

    /** An application subscribes a moment after the answer: digits pressed before reach it once. */
    @Test
    void digitsBeforeTheFirstListenerReachItOnce() throws Exception {
        DatagramSocket phone = phone();
        SignalledLeg leg = engine.answer(offer(phone), LegOptions.defaults("early-dtmf"));
        leg.injectDtmf('4', Duration.ofMillis(100));
        leg.injectDtmf('2', Duration.ofMillis(100));
        // a collection that starts later returns the kept digits: both were dispatched before anyone listened
        org.switchboard.api.media.DigitResult kept = leg.collectDigits(new org.switchboard.api.media.DigitOptions(2,
                Duration.ofSeconds(5), Duration.ofSeconds(5), "")).result().toCompletableFuture().get(5,
                java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("42", kept.digits());

        List<Character> first = new CopyOnWriteArrayList<>();
        List<Character> second = new CopyOnWriteArrayList<>();
        leg.onDtmf(e -> first.add(e.digit()));
        leg.onDtmf(e -> second.add(e.digit()));
        leg.injectDtmf('7', Duration.ofMillis(100));
        await().atMost(Duration.ofSeconds(5)).until(() -> first.size() == 3 && second.size() == 1);
        assertEquals(List.of('4', '2', '7'), first);
        assertEquals(List.of('7'), second, "only the first listener gets the early digits");
        leg.close();
    }

    /** With Opus, telephone-event runs at 48 kHz: durations are in 48 kHz units both ways. */
    @Test
    void opusLegsUseThe48kHzTelephoneEvent() throws Exception {
        DatagramSocket phone = phone();
        SignalledLeg leg = engine.answer("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + phone.getLocalPort() + " RTP/AVP 111 110 126\r\na=rtpmap:111 opus/48000/2\r\n"
                + "a=rtpmap:110 telephone-event/48000\r\na=rtpmap:126 telephone-event/8000\r\na=rtcp-mux\r\n",
                LegOptions.defaults("opus-dtmf"));
        assertTrue(leg.localSdp().contains("m=audio " + mediaAddress(leg.localSdp()).getPort() + " RTP/AVP 111 110\r\n"),
                leg.localSdp());
        AtomicReference<DtmfEvent> digit = new AtomicReference<>();
        leg.onDtmf(digit::set);
        InetSocketAddress media = mediaAddress(leg.localSdp());
        byte[] buf = new byte[16];
        for (int i = 0; i < 4; i++) {
            TelephoneEvent.write(buf, 12, TelephoneEvent.code('5'), i >= 1, 10, 960 * (i + 1));
            RtpWriter.header(buf, 0, 110, i == 0, 700 + i, 48_000, 42);
            phone.send(new DatagramPacket(buf, 16, media));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> digit.get() != null);
        assertEquals('5', digit.get().digit());
        assertEquals(Duration.ofMillis(40), digit.get().duration(), "1920 units at 48 kHz");
        leg.sendDtmf("9", Duration.ofMillis(100));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            DatagramPacket p = receive(phone);
            RtpPacket rtp = new RtpPacket();
            return p != null && rtp.parse(p.getData(), 0, p.getLength()) && rtp.payloadType() == 110
                    && TelephoneEvent.end(p.getData(), rtp.payloadOffset())
                    && TelephoneEvent.duration(p.getData(), rtp.payloadOffset()) == 5 * 960;
        });
        leg.close();
    }

    @Test
    void bridgeCarriesAudioBetweenTwoPhones() throws Exception {
        DatagramSocket alice = phone();
        DatagramSocket bob = phone();
        SignalledLeg a = engine.answer(offer(alice), LegOptions.defaults("alice"));
        SignalledLeg b = engine.answer(offer(bob), LegOptions.defaults("bob"));
        engine.bridge(a, b);
        streamUntil(alice, mediaAddress(a.localSdp()), () -> received(bob, 8, TONE));
        a.close();
        b.close();
    }

    @Test
    void reportsGoToTheRtcpPortAndTheirReportsGiveTheRoundTrip() throws Exception {
        DatagramSocket phone = phone();
        DatagramSocket phoneRtcp = phone();
        String offer = offer(phone).replace("a=rtcp-mux\r\n", "a=rtcp:" + phoneRtcp.getLocalPort() + "\r\n");
        SignalledLeg leg = engine.answer(offer, LegOptions.defaults("rtcp"));
        leg.echo();
        InetSocketAddress media = mediaAddress(leg.localSdp());
        AtomicReference<Rtcp.SenderReport> report = new AtomicReference<>();
        streamUntil(phone, media, () -> {
            report.compareAndSet(null, senderReport(phoneRtcp));
            return report.get() != null;
        });
        Rtcp.ReportBlock block = report.get().blocks().get(0);
        assertEquals(77, block.ssrc(), "a report block about the phone's stream");
        assertEquals(-1, leg.stats().roundTripMillis());
        // the phone answers at once with an RR about the leg's stream (DLSR 0)
        byte[] rr = new byte[64];
        long lsr = (report.get().ntpTimestamp() >>> 16) & 0xFFFFFFFFL;
        int len = Rtcp.receiverReport(rr, 0, 77, new Rtcp.ReportBlock(report.get().ssrc(), 64, 3, 100, 80, lsr,
                0));
        phoneRtcp.send(new DatagramPacket(rr, len, new InetSocketAddress(media.getAddress(), media.getPort() + 1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> leg.stats().roundTripMillis() >= 0);
        assertEquals(0.25, leg.stats().remoteFractionLost());
        assertEquals(3, leg.stats().remotePacketsLost());
        assertEquals(10.0, leg.stats().remoteJitterMillis());
        // the leg's BYE when it ends
        leg.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> rtcp(phoneRtcp).stream().anyMatch(p -> p instanceof Rtcp.Bye));
    }

    @Test
    void rtpTimeoutEndsTheLeg() throws Exception {
        DatagramSocket phone = phone();
        SignalledLeg leg = engine.answer(offer(phone), new LegOptions("dead", List.of("PCMA"), Duration.ofMillis(300)));
        AtomicReference<LegEndReason> ended = new AtomicReference<>();
        leg.onEnded(ended::set);
        await().atMost(Duration.ofSeconds(5)).until(() -> ended.get() != null);
        assertEquals(LegEndReason.RTP_TIMEOUT, ended.get());
    }

    private DatagramSocket phone() throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        s.setSoTimeout(20);
        sockets.add(s);
        return s;
    }

    private static String offer(DatagramSocket phone) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + phone.getLocalPort() + " RTP/AVP 8 0 101\r\na=rtpmap:101 telephone-event/8000\r\n"
                + "a=rtcp-mux\r\na=sendrecv\r\n";
    }

    private static InetSocketAddress mediaAddress(String sdp) {
        int port = Integer.parseInt(sdp.split("m=audio ")[1].split(" ")[0]);
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** Sends a 20 ms A-law frame each time the receive check times out, until the check passes. */
    private static void streamUntil(DatagramSocket from, InetSocketAddress to, java.util.concurrent.Callable<Boolean> done)
            throws Exception {
        int[] seq = {0};
        byte[] packet = new byte[12 + 160];
        java.util.Arrays.fill(packet, 12, packet.length, TONE);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> {
            RtpWriter.header(packet, 0, 8, seq[0] == 0, seq[0], seq[0] * 160L, 77);
            seq[0]++;
            from.send(new DatagramPacket(packet, packet.length, to));
            return done.call();
        });
    }

    /** @return whether an RTP packet of that payload type carrying the byte arrived (waits up to 20 ms) */
    private static boolean received(DatagramSocket s, int pt, byte value) throws IOException {
        DatagramPacket p = receive(s);
        if (p == null) {
            return false;
        }
        byte[] buf = p.getData();
        RtpPacket rtp = new RtpPacket();
        return rtp.parse(buf, 0, p.getLength()) && rtp.payloadType() == pt && rtp.payloadLength() == 160
                && buf[rtp.payloadOffset() + 80] == value;
    }

    /** @return the RTCP packets of a datagram that arrived within 20 ms, or an empty list */
    private static List<Rtcp.Packet> rtcp(DatagramSocket s) throws IOException {
        DatagramPacket p = receive(s);
        return p == null ? List.of() : Rtcp.parse(p.getData(), 0, p.getLength());
    }

    /** @return the datagram that arrived within the socket's 20 ms timeout, or null */
    private static DatagramPacket receive(DatagramSocket s) throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
        try {
            s.receive(p);
            return p;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** @return the SR with a report block that arrived within 20 ms, or null */
    private static Rtcp.SenderReport senderReport(DatagramSocket s) throws IOException {
        return rtcp(s).stream().filter(p -> p instanceof Rtcp.SenderReport sr && !sr.blocks().isEmpty())
                .map(Rtcp.SenderReport.class::cast).findFirst().orElse(null);
    }

    private static int freePort() {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort() & ~1;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
