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
import org.switchboard.api.media.MediaLeg;
import org.switchboard.media.internal.dtmf.TelephoneEvent;
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
        MediaLeg leg = engine.answer(offer(phone), LegOptions.defaults("echo"));
        assertEquals("PCMA", leg.codec().name());
        leg.echo();
        InetSocketAddress media = mediaAddress(leg.localSdp());
        streamUntil(phone, media, () -> received(phone, 8, TONE));
        assertTrue(leg.stats().packetsReceived() > 0);
        leg.close();
    }

    @Test
    void telephoneEventsArriveAsDigits() throws Exception {
        DatagramSocket phone = phone();
        MediaLeg leg = engine.answer(offer(phone), LegOptions.defaults("dtmf"));
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

    @Test
    void bridgeCarriesAudioBetweenTwoPhones() throws Exception {
        DatagramSocket alice = phone();
        DatagramSocket bob = phone();
        MediaLeg a = engine.answer(offer(alice), LegOptions.defaults("alice"));
        MediaLeg b = engine.answer(offer(bob), LegOptions.defaults("bob"));
        engine.bridge(a, b);
        streamUntil(alice, mediaAddress(a.localSdp()), () -> received(bob, 8, TONE));
        a.close();
        b.close();
    }

    @Test
    void rtpTimeoutEndsTheLeg() throws Exception {
        DatagramSocket phone = phone();
        MediaLeg leg = engine.answer(offer(phone), new LegOptions("dead", List.of("PCMA"), Duration.ofMillis(300)));
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
        byte[] buf = new byte[1500];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            s.receive(p);
        } catch (SocketTimeoutException e) {
            return false;
        }
        RtpPacket rtp = new RtpPacket();
        return rtp.parse(buf, 0, p.getLength()) && rtp.payloadType() == pt && rtp.payloadLength() == 160
                && buf[rtp.payloadOffset() + 80] == value;
    }

    private static int freePort() {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort() & ~1;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
