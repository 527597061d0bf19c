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
 * Not a test but a probe, run on demand ({@code -Dmedia.probe.calls=300 -Dtest=MediaCpuProbeTest}):
 * the CPU the engine's media threads spend per bridged call (an SDES-SRTP leg and a plain RTP leg,
 * PCMU, as in the bench), from the per-thread CPU clocks, so that it can be compared between
 * versions on a machine too busy for {@code run-media.sh}. The phones run in the test's thread.
 */
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "media.probe.calls", matches = "\\d+")
class MediaCpuProbeTest {
    private static final int CALLS = Integer.getInteger("media.probe.calls", 10);
    private final int base = Math.min(freePort(), 64000);
    private final SecureLegFactory secure = new SecureLegFactory();
    private final Engine engine = new Engine(new Engine.Settings(base, base + 8 * CALLS + 100, "127.0.0.1", "",
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
    void cpuPerBridgedCall() throws Exception {
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
        Map<String, Long> before = mediaThreadCpu();
        long packetsBefore = received[0];
        long start = System.nanoTime();
        long end = start + 10_000_000_000L;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            stream.run();
            return System.nanoTime() > end;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> after = mediaThreadCpu();
        long packets = received[0] - packetsBefore;
        long total = 0;
        StringBuilder threads = new StringBuilder();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long ns = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            total += ns;
            threads.append(String.format(" %s %.3f", e.getKey(), ns / 1e9 / seconds));
        }
        System.out.printf("PROBE calls=%d seconds=%.1f media_cores=%.3f pct_core_per_call=%.4f packets_out_per_s=%.0f"
                + " (expected %d) cpu_us_per_packet_out=%.2f threads:%s load=%s%n", CALLS, seconds,
                total / 1e9 / seconds, total / 1e9 / seconds / CALLS * 100, packets / seconds, CALLS * 2 * 50,
                total / 1e3 / Math.max(1, packets), threads, ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        assertTrue(packets > 0);
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

    /** @return CPU nanoseconds so far of each media-clock, media-io and media-codec thread */
    private static Map<String, Long> mediaThreadCpu() {
        var mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new java.util.TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("media-clock") || t.getName().startsWith("media-io")
                    || t.getName().startsWith("media-codec")) {
                cpu.merge(t.getName(), mx.getThreadCpuTime(t.getId()), Long::sum);
            }
        }
        return cpu;
    }

    private static int freePort() {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0)) {
            return s.getLocalPort() & ~1;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
