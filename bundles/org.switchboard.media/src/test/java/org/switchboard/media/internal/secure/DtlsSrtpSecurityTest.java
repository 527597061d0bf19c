package org.switchboard.media.internal.secure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.bouncycastle.tls.UDPTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.media.internal.transport.PacketSecurity;
import org.switchboard.media.internal.transport.SecurityAttributes;

/** DTLS-SRTP end to end on loopback UDP: a browser-like BouncyCastle client against DtlsSrtpSecurity. */
class DtlsSrtpSecurityTest {
    private static final DtlsIdentity SERVER_ID = DtlsIdentity.generate();
    private static final DtlsIdentity BROWSER_ID = DtlsIdentity.generate();
    private final SecureLegFactory factory = new SecureLegFactory(SERVER_ID);
    private final IceCredentials browserIce = IceCredentials.generate();

    @AfterEach
    void stop() {
        factory.close();
    }

    private static SecurityAttributes offer(IceCredentials ice, DtlsIdentity id, String setup) {
        return new SecurityAttributes(ice.ufrag(), ice.pwd(), false, List.of(), id.fingerprint().format(), setup, List.of());
    }

    /** Sends a nominating ICE check from the browser socket and waits for the success response. */
    private void iceCheck(UdpLeg browser, InetSocketAddress server, SecurityAttributes serverAttrs) throws IOException {
        byte[] tid = new byte[12];
        new SecureRandom().nextBytes(tid);
        byte[] check = new StunMessage(StunMessage.BINDING_REQUEST, tid)
                .add(StunAttribute.USERNAME, (serverAttrs.iceUfrag() + ":" + browserIce.ufrag()).getBytes(StandardCharsets.UTF_8))
                .add(StunAttribute.USE_CANDIDATE, new byte[0])
                .encode(StunMessage.shortTermKey(serverAttrs.icePwd()), true);
        browser.send(check, server);
        byte[] buf = new byte[1500];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        browser.socket.setSoTimeout(5000);
        browser.socket.receive(p);
        StunMessage response = StunMessage.decode(buf, 0, p.getLength());
        assertEquals(StunMessage.BINDING_SUCCESS, response.type());
        assertTrue(response.integrityValid(StunMessage.shortTermKey(serverAttrs.icePwd())));
    }

    @Test
    void browserOffersActpassServerAnswersPassiveAndMediaFlowsBothWays() throws Exception {
        try (UdpLeg server = new UdpLeg(); UdpLeg browser = new UdpLeg()) {
            PacketSecurity security = factory.create("UDP/TLS/RTP/SAVPF", server.sender());
            server.start(security);
            security.remote(offer(browserIce, BROWSER_ID, "actpass"), false);
            SecurityAttributes answer = security.local();
            assertEquals("passive", answer.setup());
            assertEquals(SERVER_ID.fingerprint().format(), answer.fingerprint());
            assertTrue(answer.iceLite());
            assertFalse(security.ready());

            iceCheck(browser, server.address(), answer);
            browser.socket.connect(server.address());
            BrowserLikeDtlsClient client = new BrowserLikeDtlsClient(BROWSER_ID);
            DTLSTransport dtls = CompletableFuture.supplyAsync(() -> connect(client, browser))
                    .get(15, TimeUnit.SECONDS);
            assertNotNull(dtls);
            assertTrue(DtlsFingerprint.parse(answer.fingerprint())
                    .matches(client.serverCertificate.getCertificateAt(0).getEncoded()), "server presented the SDP certificate");
            assertEquals(SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80, client.chosenProfile, "AES-CM-80 preferred");
            await().atMost(Duration.ofSeconds(5)).until(security::ready);
            assertEquals(browser.address(), ((DtlsSrtpSecurity) security).selectedAddress());

            browser.socket.disconnect();
            browser.start(new SdesLikeSession(client.keys()));
            byte[] hello = SrtpSessionTest.rtp(100, 0xCAFE, "from the browser");
            SrtpSession browserSrtp = new SrtpSession(client.keys().local(), client.keys().remote());
            byte[] srtp = browserSrtp.protectRtp(hello, 0, hello.length);
            browser.send(srtp, server.address());
            assertArrayEquals(hello, server.plain.poll(5, TimeUnit.SECONDS), "server unprotected the browser's SRTP");

            byte[] back = SrtpSessionTest.rtp(7, 0xBEEF, "from the platform");
            ByteBuffer out = security.outbound(ByteBuffer.wrap(back), false);
            server.sender().send(out, browser.address());
            assertArrayEquals(back, browser.plain.poll(5, TimeUnit.SECONDS), "browser unprotected the platform's SRTP");
            security.close();
        }
    }

    @Test
    void wrongFingerprintRefusesTheHandshake() throws Exception {
        try (UdpLeg server = new UdpLeg(); UdpLeg browser = new UdpLeg()) {
            PacketSecurity security = factory.create("UDP/TLS/RTP/SAVPF", server.sender());
            server.start(security);
            DtlsIdentity someoneElse = DtlsIdentity.generate();
            security.remote(offer(browserIce, someoneElse, "actpass"), false);
            iceCheck(browser, server.address(), security.local());
            browser.socket.connect(server.address());
            BrowserLikeDtlsClient client = new BrowserLikeDtlsClient(BROWSER_ID);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> CompletableFuture.supplyAsync(() -> connect(client, browser)).get(20, TimeUnit.SECONDS));
            Throwable alert = e.getCause();
            while (alert != null && !(alert instanceof TlsFatalAlertReceived)) {
                alert = alert.getCause();
            }
            assertTrue(alert instanceof TlsFatalAlertReceived, "refused with an alert: " + e.getCause());
            assertEquals(AlertDescription.bad_certificate, ((TlsFatalAlertReceived) alert).getAlertDescription());
            assertFalse(security.ready());
            assertEquals(null, security.outbound(ByteBuffer.wrap(SrtpSessionTest.rtp(1, 1, "x")), false),
                    "no media before keys");
        }
    }

    @Test
    void twoLegsNegotiateEitherRoleAndAgreeOnKeys() throws Exception {
        try (UdpLeg a = new UdpLeg(); UdpLeg b = new UdpLeg()) {
            SecureLegFactory other = new SecureLegFactory(BROWSER_ID);
            try {
                PacketSecurity offerer = factory.create("UDP/TLS/RTP/SAVPF", a.sender());
                PacketSecurity answerer = other.create("UDP/TLS/RTP/SAVPF", b.sender());
                a.start(offerer);
                b.start(answerer);
                SecurityAttributes offer = offerer.local();
                assertEquals("actpass", offer.setup());
                answerer.remote(offer, false);
                SecurityAttributes answer = answerer.local();
                assertEquals("passive", answer.setup());
                offerer.remote(answer, true);
                assertEquals("active", offerer.local().setup());
                // each side only trusts checked addresses: exchange one check each way (a full agent would)
                sendCheck(a, b.address(), answer, offer.iceUfrag());
                sendCheck(b, a.address(), offer, answer.iceUfrag());
                await().atMost(Duration.ofSeconds(15)).until(() -> offerer.ready() && answerer.ready());

                byte[] rtp = SrtpSessionTest.rtp(1, 0x11, "offerer to answerer");
                a.sender().send(offerer.outbound(ByteBuffer.wrap(rtp), false), b.address());
                assertArrayEquals(rtp, b.plain.poll(5, TimeUnit.SECONDS));
                byte[] rtcp = SrtpSessionTest.rtcp(0x22);
                b.sender().send(answerer.outbound(ByteBuffer.wrap(rtcp), true), a.address());
                assertArrayEquals(rtcp, a.plain.poll(5, TimeUnit.SECONDS));
            } finally {
                other.close();
            }
        }
    }

    private static void sendCheck(UdpLeg from, InetSocketAddress to, SecurityAttributes target, String ownUfrag)
            throws IOException {
        byte[] tid = new byte[12];
        new SecureRandom().nextBytes(tid);
        from.send(new StunMessage(StunMessage.BINDING_REQUEST, tid)
                .add(StunAttribute.USERNAME, (target.iceUfrag() + ":" + ownUfrag).getBytes(StandardCharsets.UTF_8))
                .add(StunAttribute.USE_CANDIDATE, new byte[0])
                .encode(StunMessage.shortTermKey(target.icePwd()), true), to);
    }

    private static DTLSTransport connect(BrowserLikeDtlsClient client, UdpLeg browser) {
        try {
            return new DTLSClientProtocol().connect(client, new UDPTransport(browser.socket, 1500));
        } catch (IOException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    /** The browser side after the handshake: SRTP only, with the keys its own DTLS client exported. */
    private static final class SdesLikeSession implements PacketSecurity {
        private final SrtpSession srtp;

        SdesLikeSession(DtlsSrtpKeys keys) {
            srtp = new SrtpSession(keys.local(), keys.remote());
        }

        @Override
        public ByteBuffer inbound(ByteBuffer d, InetSocketAddress from) {
            byte[] b = UdpLeg.copy(d);
            if (PacketKind.of(b, 0, b.length) != PacketKind.RTP) {
                return null;
            }
            byte[] plain = srtp.unprotectRtp(b, 0, b.length);
            return plain == null ? null : ByteBuffer.wrap(plain);
        }

        @Override
        public ByteBuffer outbound(ByteBuffer p, boolean rtcp) {
            return p;
        }

        @Override
        public boolean ready() {
            return true;
        }
    }
}
