package org.switchboard.media.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.media.LegOptions;
import org.switchboard.api.media.SignalledLeg;
import org.switchboard.media.internal.rtp.RtpWriter;
import org.switchboard.media.internal.secure.SdesSrtpSecurity;
import org.switchboard.media.internal.secure.SecureLegFactory;
import org.switchboard.media.internal.transport.SecurityAttributes;

/**
 * Bridged calls as in the bench (an SDES-SRTP leg and a plain RTP leg, PCMU): the media threads
 * (clock and I/O) must not allocate per packet. Measured with the JVM's per-thread allocation
 * counters over a few seconds of steady media; a per-packet object anywhere on the path (a
 * copied SRTP packet, a boxed SSRC, a cipher parameter) costs tens of bytes per packet and fails.
 */
class PacketPathAllocationTest {
    private static final int CALLS = 10;
    private final int base = Math.min(freePort(), 64000);
    private final SecureLegFactory secure = new SecureLegFactory();
    private final Engine engine = new Engine(new Engine.Settings(base, base + 400, "127.0.0.1", "",
            Duration.ofSeconds(30), 1));
    private final List<Phone> phones = new ArrayList<>();

    /** A test phone: a socket and, for SDES, its own SRTP. */
    private static final class Phone {
        final DatagramChannel channel;
        final SdesSrtpSecurity srtp;
        InetSocketAddress media;
        int seq;

        Phone(boolean secure) throws IOException {
            channel = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            channel.configureBlocking(false);
            srtp = secure ? new SdesSrtpSecurity() : null;
        }

        int port() throws IOException {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        }
    }

    @AfterEach
    void close() throws IOException {
        engine.close();
        secure.close();
        for (Phone p : phones) {
            p.channel.close();
        }
    }

    @Test
    void bridgedSrtpAndRtpLegsAllocateNothingPerPacket() throws Exception {
        engine.addSecurity(secure);
        for (int i = 0; i < CALLS; i++) {
            Phone caller = phone(true);
            Phone callee = phone(false);
            SignalledLeg a = answer(caller, "a" + i);
            SignalledLeg b = answer(callee, "b" + i);
            engine.bridge(a, b);
        }
        byte[] frame = new byte[12 + 160];
        ByteBuffer in = ByteBuffer.allocate(1500);
        long[] received = {0};
        Runnable stream = () -> stream(frame, in, received);
        // warm up: the JIT, the jitter buffers, the first RTCP reports
        long until = System.nanoTime() + 2_000_000_000L;
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            stream.run();
            return System.nanoTime() > until;
        });
        Map<Long, Long> before = mediaThreadBytes();
        long packetsBefore = received[0];
        long end = System.nanoTime() + 3_000_000_000L;
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            stream.run();
            return System.nanoTime() > end;
        });
        Map<Long, Long> after = mediaThreadBytes();
        long packets = received[0] - packetsBefore;
        long bytes = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            bytes += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        // every packet the engine sent was also one it received and decoded: per packet both ways
        double perPacket = (double) bytes / Math.max(1, packets);
        System.out.printf("media threads allocated %d bytes for %d packets: %.1f bytes per packet%n", bytes, packets,
                perPacket);
        assertTrue(packets > CALLS * 2 * 50, "media flowed: " + packets);
        // before: 675 bytes per packet (SRTP copies, cipher parameters, boxed SSRCs, iterators, selector
        // nodes); what is left is an SRTCP report now and then (it still copies) and class loading
        assertTrue(perPacket < 4, "bytes allocated per packet on the media threads: " + perPacket);
    }

    private SignalledLeg answer(Phone phone, String label) throws IOException {
        String profile = phone.srtp == null ? "RTP/AVP" : "RTP/SAVP";
        StringBuilder sdp = new StringBuilder("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + phone.port() + " " + profile + " 0\r\na=rtcp-mux\r\n");
        if (phone.srtp != null) {
            for (String line : phone.srtp.local().crypto()) {
                sdp.append("a=crypto:").append(line).append("\r\n");
            }
        }
        SignalledLeg leg = engine.answer(sdp.toString(), LegOptions.defaults(label));
        String answer = leg.localSdp();
        if (phone.srtp != null) {
            List<String> lines = answer.lines().filter(l -> l.startsWith("a=crypto:")).map(l -> l.substring(9))
                    .toList();
            phone.srtp.remote(new SecurityAttributes(null, null, false, List.of(), null, null, lines), true);
        }
        int port = Integer.parseInt(answer.split("m=audio ")[1].split(" ")[0]);
        phone.media = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        return leg;
    }

    private Phone phone(boolean secure) throws IOException {
        Phone p = new Phone(secure);
        phones.add(p);
        return p;
    }

    /** One 20 ms frame from every phone, and whatever arrived since the last round counted. */
    private void stream(byte[] frame, ByteBuffer in, long[] received) {
        try {
            for (Phone p : phones) {
                RtpWriter.header(frame, 0, 0, p.seq == 0, p.seq, p.seq * 160L, 1000 + phones.indexOf(p));
                p.seq++;
                ByteBuffer out = ByteBuffer.wrap(frame);
                if (p.srtp != null) {
                    out = p.srtp.outbound(out, false);
                }
                p.channel.send(out, p.media);
                in.clear();
                while (p.channel.receive(in) != null) {
                    in.clear();
                    received[0]++;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return bytes allocated so far by each media-clock and media-io thread */
    private static Map<Long, Long> mediaThreadBytes() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, Long> bytes = new java.util.HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("media-clock") || t.getName().startsWith("media-io")) {
                bytes.put(t.getId(), mx.getThreadAllocatedBytes(t.getId()));
            }
        }
        return bytes;
    }

    private static int freePort() {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0)) {
            return s.getLocalPort() & ~1;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
