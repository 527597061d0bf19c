package org.switchboard.media.internal.secure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.UDPTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.media.Codec;
import org.switchboard.api.media.LegOptions;
import org.switchboard.api.media.SignalledLeg;
import org.switchboard.media.internal.Engine;
import org.switchboard.media.internal.rtp.RtpWriter;

/**
 * The engine answering what Chromium really offers (an offer captured from Chromium 13x through
 * JsSIP, with our test identities): Opus first, BUNDLE, rtcp-mux, {@code a=setup:actpass}, and a
 * {@code c=} line that is not where the browser's media comes from. The answer must be ICE-lite,
 * passive, G.711, with the matching mid; after an ICE check and a DTLS handshake the engine's
 * media must go to the checked address, not to the SDP's.
 */
class ChromeInteropTest {
    private static final DtlsIdentity SERVER_ID = DtlsIdentity.generate();
    private static final DtlsIdentity BROWSER_ID = DtlsIdentity.generate();
    private final SecureLegFactory factory = new SecureLegFactory(SERVER_ID);
    private final IceCredentials browserIce = IceCredentials.generate();
    private final int base = freePort();
    private final Engine engine = new Engine(new Engine.Settings(base, base + 100, "", "127.0.0.1",
            Duration.ofSeconds(30), 1));

    @AfterEach
    void stop() {
        engine.close();
        factory.close();
    }

    /** Chromium's offer; c= and the candidates name an address the browser does not use here. */
    private String chromeOffer(String connection, int port) {
        return String.join("\r\n",
                "v=0",
                "o=- 2803289199580000624 2 IN IP4 127.0.0.1",
                "s=-",
                "t=0 0",
                "a=group:BUNDLE 0",
                "a=extmap-allow-mixed",
                "a=msid-semantic: WMS 33b18228-b666-4249-9a6c-9f21d51f9267",
                "m=audio " + port + " UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
                "c=IN IP4 " + connection,
                "a=rtcp:9 IN IP4 0.0.0.0",
                "a=candidate:2418283369 1 udp 2122194687 192.0.2.2 48759 typ host generation 0 network-id 1",
                "a=candidate:1854851069 1 tcp 1518214911 192.0.2.2 9 typ host tcptype active generation 0 network-id 1",
                "a=ice-ufrag:" + browserIce.ufrag(),
                "a=ice-pwd:" + browserIce.pwd(),
                "a=ice-options:trickle",
                "a=fingerprint:" + BROWSER_ID.fingerprint().format(),
                "a=setup:actpass",
                "a=mid:0",
                "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
                "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
                "a=sendrecv",
                "a=msid:33b18228-b666-4249-9a6c-9f21d51f9267 9e30382f-44e9-4482-8136-0e4096fa5b47",
                "a=rtcp-mux",
                "a=rtcp-rsize",
                "a=rtpmap:111 opus/48000/2",
                "a=rtcp-fb:111 transport-cc",
                "a=fmtp:111 minptime=10;useinbandfec=1",
                "a=rtpmap:63 red/48000/2",
                "a=fmtp:63 111/111",
                "a=rtpmap:9 G722/8000",
                "a=rtpmap:0 PCMU/8000",
                "a=rtpmap:8 PCMA/8000",
                "a=rtpmap:13 CN/8000",
                "a=rtpmap:110 telephone-event/48000",
                "a=rtpmap:126 telephone-event/8000",
                "a=ssrc:2768161952 cname:31MY8PgYLAAuszdh",
                "");
    }

    @Test
    void answerIsWhatChromeAccepts() {
        engine.addSecurity(factory);
        SignalledLeg leg = engine.answer(chromeOffer("192.0.2.2", 48759), LegOptions.defaults("chrome"));
        try {
            String sdp = leg.localSdp();
            assertTrue(sdp.contains("a=ice-lite\r\n"), sdp);
            assertTrue(sdp.contains("a=group:BUNDLE 0\r\n"), sdp);
            assertTrue(sdp.contains("a=setup:passive\r\n"), "the answerer must pick active or passive, never actpass:\n" + sdp);
            assertTrue(sdp.contains("a=fingerprint:" + SERVER_ID.fingerprint().format() + "\r\n"), sdp);
            assertTrue(sdp.contains("a=rtcp-mux\r\n"), sdp);
            assertTrue(sdp.contains("a=mid:0\r\n"), sdp);
            assertTrue(Pattern.compile("m=audio \\d+ UDP/TLS/RTP/SAVPF 111 110\r\n").matcher(sdp).find(), sdp);
            assertTrue(sdp.contains("a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1;maxplaybackrate=8000;sprop-maxcapturerate=8000\r\n"), sdp);
            assertTrue(sdp.contains("a=rtpmap:110 telephone-event/48000\r\n"), "Opus's 48 kHz telephone-event: " + sdp);
            assertTrue(Pattern.compile("a=candidate:1 1 udp \\d+ 127\\.0\\.0\\.1 \\d+ typ host\r\n").matcher(sdp).find(), sdp);
            assertEquals(new Codec("opus", 111, 48000), leg.codec());
        } finally {
            leg.close();
        }
    }

    @Test
    void withOpusDisabledChromeGetsPcmuAndThe8kHzTelephoneEvent() {
        int own = freePort(); // its own range: ports above the first engine's may be taken (a CI run failed there)
        Engine g711 = new Engine(new Engine.Settings(own, own + 30, "", "127.0.0.1", Duration.ofSeconds(30), 1,
                "PCMU, PCMA"));
        g711.addSecurity(factory);
        SignalledLeg leg = g711.answer(chromeOffer("192.0.2.2", 48759), LegOptions.defaults("chrome"));
        try {
            String sdp = leg.localSdp();
            assertTrue(Pattern.compile("m=audio \\d+ UDP/TLS/RTP/SAVPF 0 126\r\n").matcher(sdp).find(), sdp);
            assertTrue(sdp.contains("a=rtpmap:126 telephone-event/8000\r\n"), "the 8 kHz telephone-event: " + sdp);
            assertEquals(new Codec("PCMU", 0, 8000), leg.codec());
        } finally {
            leg.close();
            g711.close();
        }
    }

    @Test
    void mediaGoesToTheIceCheckedAddressNotToTheSdpAddress() throws Exception {
        engine.addSecurity(factory);
        // trickle style: c=0.0.0.0 port 9 is "no candidate yet", not the old hold
        // PCMU only (the leg's options restrict the enabled codecs): the test talks G.711
        SignalledLeg leg = engine.answer(chromeOffer("0.0.0.0", 9), new LegOptions("chrome", List.of("PCMU"), null));
        try (UdpLeg browser = new UdpLeg()) {
            String sdp = leg.localSdp();
            assertTrue(sdp.contains("a=sendrecv\r\n"), "c=0.0.0.0 with ICE is not hold: " + sdp);
            InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.parseInt(find(sdp, "m=audio (\\d+) ")));
            iceCheck(browser, server, find(sdp, "a=ice-ufrag:(\\S+)"), find(sdp, "a=ice-pwd:(\\S+)"));

            assertEchoComesBack(leg, browser, server);
            assertFalse(leg.stats().packetsSent() == 0);
        } finally {
            leg.close();
        }
    }

    /** DTLS as the client (the browser's role after actpass/passive or active), then talk and hear the echo. */
    private static void assertEchoComesBack(SignalledLeg leg, UdpLeg browser, InetSocketAddress server) throws Exception {
        browser.socket.connect(server);
        BrowserLikeDtlsClient client = new BrowserLikeDtlsClient(BROWSER_ID);
        DTLSTransport dtls = CompletableFuture.supplyAsync(() -> {
            try {
                return new DTLSClientProtocol().connect(client, new UDPTransport(browser.socket, 1500));
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }).get(15, TimeUnit.SECONDS);
        assertNotNull(dtls);
        browser.socket.disconnect();
        SrtpSession srtp = new SrtpSession(client.keys().local(), client.keys().remote());
        leg.echo();

        // the browser talks (PCMU, a constant byte) and must get its audio back on its own socket
        byte[] payload = new byte[160];
        Arrays.fill(payload, (byte) 0x2A);
        browser.socket.setSoTimeout(20);
        byte[] buf = new byte[1500];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean echoed = false;
        for (int seq = 1; !echoed && System.nanoTime() < deadline; seq++) {
            byte[] rtp = new byte[12 + payload.length];
            RtpWriter.header(rtp, 0, 0, seq == 1, seq, 160L * seq, 0x1234);
            System.arraycopy(payload, 0, rtp, 12, payload.length);
            browser.send(srtp.protectRtp(rtp, 0, rtp.length), server);
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                browser.socket.receive(p);
                if (PacketKind.of(buf, 0, p.getLength()) == PacketKind.RTP) {
                    byte[] plain = srtp.unprotectRtp(buf, 0, p.getLength());
                    assertNotNull(plain, "the engine's SRTP authenticates with the DTLS-SRTP keys");
                    assertEquals(0, plain[1] & 0x7F, "PCMU");
                    echoed = plain[12 + 80] == 0x2A;
                }
            } catch (java.net.SocketTimeoutException next) {
                // keep talking
            }
        }
        assertTrue(echoed, "the echo came back to the ICE-checked address (the SDP said 0.0.0.0:9)");
    }

    private void iceCheck(UdpLeg browser, InetSocketAddress server, String ufrag, String pwd) throws IOException {
        byte[] tid = new byte[12];
        new SecureRandom().nextBytes(tid);
        browser.send(new StunMessage(StunMessage.BINDING_REQUEST, tid)
                .add(StunAttribute.USERNAME, (ufrag + ":" + browserIce.ufrag()).getBytes(StandardCharsets.UTF_8))
                .add(StunAttribute.USE_CANDIDATE, new byte[0])
                .encode(StunMessage.shortTermKey(pwd), true), server);
        byte[] buf = new byte[1500];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        browser.socket.setSoTimeout(5000);
        browser.socket.receive(p);
        assertEquals(server, p.getSocketAddress(), "the response comes from the address the check went to (symmetric)");
        StunMessage response = StunMessage.decode(buf, 0, p.getLength());
        assertEquals(StunMessage.BINDING_SUCCESS, response.type());
    }

    @Test
    void secureOfferIsAcceptedByABrowserThatAnswersActive() throws Exception {
        engine.addSecurity(factory);
        SignalledLeg leg = engine.offer(LegOptions.defaults("to-browser"), "UDP/TLS/RTP/SAVPF");
        try (UdpLeg browser = new UdpLeg()) {
            String sdp = leg.localSdp();
            assertTrue(Pattern.compile("m=audio \\d+ UDP/TLS/RTP/SAVPF 111 0 8 110 101\r\n").matcher(sdp).find(), sdp);
            for (String line : List.of("a=rtpmap:111 opus/48000/2", "a=rtpmap:110 telephone-event/48000","a=ice-lite", "a=group:BUNDLE 0", "a=mid:0", "a=rtcp-mux", "a=setup:actpass",
                    "a=fingerprint:" + SERVER_ID.fingerprint().format(), "a=rtpmap:101 telephone-event/8000")) {
                assertTrue(sdp.contains(line + "\r\n"), line + " in\n" + sdp);
            }
            assertTrue(Pattern.compile("a=candidate:1 1 udp \\d+ 127\\.0\\.0\\.1 \\d+ typ host\r\n").matcher(sdp).find(), sdp);
            // what Chromium answers to an actpass offer: active, its candidates, c=0.0.0.0 before trickle
            leg.update(String.join("\r\n", "v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1", "s=-", "t=0 0",
                    "a=group:BUNDLE 0", "m=audio 9 UDP/TLS/RTP/SAVPF 0 101", "c=IN IP4 0.0.0.0",
                    "a=rtcp:9 IN IP4 0.0.0.0",
                    "a=candidate:2418283369 1 udp 2122194687 192.0.2.2 48759 typ host generation 0 network-id 1",
                    "a=ice-ufrag:" + browserIce.ufrag(), "a=ice-pwd:" + browserIce.pwd(), "a=ice-options:trickle",
                    "a=fingerprint:" + BROWSER_ID.fingerprint().format(), "a=setup:active", "a=mid:0", "a=sendrecv",
                    "a=rtcp-mux", "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000", ""));
            assertEquals("PCMU", leg.codec().name());
            InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.parseInt(find(sdp, "m=audio (\\d+) ")));
            iceCheck(browser, server, find(sdp, "a=ice-ufrag:(\\S+)"), find(sdp, "a=ice-pwd:(\\S+)"));
            assertEchoComesBack(leg, browser, server);
        } finally {
            leg.close();
        }
    }

    private static String find(String sdp, String regex) {
        Matcher m = Pattern.compile(regex).matcher(sdp);
        assertTrue(m.find(), regex + " in\n" + sdp);
        return m.group(1);
    }

    private static int freePort() {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return Math.min(s.getLocalPort() & ~1, 65000);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
