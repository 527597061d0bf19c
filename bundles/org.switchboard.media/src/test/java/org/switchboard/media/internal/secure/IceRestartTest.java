package org.switchboard.media.internal.secure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.UDPTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.media.internal.transport.PacketSecurity;
import org.switchboard.media.internal.transport.SecurityAttributes;

/**
 * What a browser does to a running call in a re-INVITE: an ICE restart (new ufrag/pwd, maybe
 * from another address, as the softphone does after its WebSocket came back) and, rarely, a new
 * DTLS certificate.
 */
class IceRestartTest {
    private static final DtlsIdentity SERVER_ID = DtlsIdentity.generate();
    private static final DtlsIdentity BROWSER_ID = DtlsIdentity.generate();
    private final SecureLegFactory factory = new SecureLegFactory(SERVER_ID);

    @AfterEach
    void stop() {
        factory.close();
    }

    private static SecurityAttributes offer(IceCredentials ice, DtlsIdentity id) {
        return new SecurityAttributes(ice.ufrag(), ice.pwd(), false, List.of(), id.fingerprint().format(), "actpass", List.of());
    }

    /** Sends a nominating check from the browser socket; returns the response's STUN type. */
    private static int check(UdpLeg browser, InetSocketAddress server, SecurityAttributes target, IceCredentials own)
            throws IOException {
        byte[] tid = new byte[12];
        new SecureRandom().nextBytes(tid);
        browser.send(new StunMessage(StunMessage.BINDING_REQUEST, tid)
                .add(StunAttribute.USERNAME, (target.iceUfrag() + ":" + own.ufrag()).getBytes(StandardCharsets.UTF_8))
                .add(StunAttribute.USE_CANDIDATE, new byte[0])
                .encode(StunMessage.shortTermKey(target.icePwd()), true), server);
        byte[] buf = new byte[1500];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        browser.socket.setSoTimeout(5000);
        browser.socket.receive(p);
        return StunMessage.decode(buf, 0, p.getLength()).type();
    }

    @Test
    void iceRestartTakesNewCredentialsAndMovesMediaOnceTheNewPairIsChecked() throws Exception {
        try (UdpLeg server = new UdpLeg(); UdpLeg first = new UdpLeg(); UdpLeg second = new UdpLeg()) {
            DtlsSrtpSecurity security = (DtlsSrtpSecurity) factory.create("UDP/TLS/RTP/SAVPF", server.sender());
            server.start(security);
            IceCredentials before = IceCredentials.generate();
            security.remote(offer(before, BROWSER_ID), false);
            SecurityAttributes answer = security.local();
            assertEquals(StunMessage.BINDING_SUCCESS, check(first, server.address(), answer, before));
            assertEquals(first.address(), security.remoteAddress());

            IceCredentials after = IceCredentials.generate();
            security.remote(offer(after, BROWSER_ID), false);
            SecurityAttributes reanswer = security.local();
            assertNotEquals(answer.iceUfrag(), reanswer.iceUfrag(), "an ICE restart answer has a new ufrag");
            assertNotEquals(answer.icePwd(), reanswer.icePwd(), "and a new pwd");
            assertEquals("passive", reanswer.setup(), "the DTLS role stays");
            assertEquals(first.address(), security.remoteAddress(), "media stays on the old pair until a new check");
            assertEquals(StunMessage.BINDING_SUCCESS, check(first, server.address(), answer, before),
                    "consent checks on the old pair keep being answered during the restart");

            assertEquals(StunMessage.BINDING_SUCCESS, check(second, server.address(), reanswer, after));
            assertEquals(second.address(), security.remoteAddress(), "media moves to the new pair");
            assertEquals(StunMessage.BINDING_ERROR, check(first, server.address(), answer, before),
                    "the old credentials are done once the new pair is nominated");
            security.close();
        }
    }

    @Test
    void aNewFingerprintMakesANewHandshakeAndNewKeys() throws Exception {
        try (UdpLeg server = new UdpLeg(); UdpLeg browser = new UdpLeg()) {
            PacketSecurity security = factory.create("UDP/TLS/RTP/SAVPF", server.sender());
            server.start(security);
            IceCredentials ice = IceCredentials.generate();
            security.remote(offer(ice, BROWSER_ID), false);
            assertEquals(StunMessage.BINDING_SUCCESS, check(browser, server.address(), security.local(), ice));
            handshake(browser, server.address(), BROWSER_ID);
            await().atMost(Duration.ofSeconds(5)).until(security::ready);

            DtlsIdentity renewed = DtlsIdentity.generate();
            security.remote(offer(ice, renewed), false);
            assertEquals("passive", security.local().setup());
            BrowserLikeDtlsClient client = handshake(browser, server.address(), renewed);
            SrtpSession browserSrtp = new SrtpSession(client.keys().local(), client.keys().remote());
            byte[] hello = SrtpSessionTest.rtp(5, 0xCAFE, "with the new keys");
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                browser.send(browserSrtp.protectRtp(hello, 0, hello.length), server.address());
                byte[] got = server.plain.poll(200, TimeUnit.MILLISECONDS);
                return got != null;
            });
            byte[] again = SrtpSessionTest.rtp(6, 0xCAFE, "still the new keys");
            browser.send(browserSrtp.protectRtp(again, 0, again.length), server.address());
            assertArrayEquals(again, server.plain.poll(5, TimeUnit.SECONDS));
            security.close();
        }
    }

    private static BrowserLikeDtlsClient handshake(UdpLeg browser, InetSocketAddress server, DtlsIdentity id) throws Exception {
        browser.socket.connect(server);
        BrowserLikeDtlsClient client = new BrowserLikeDtlsClient(id);
        DTLSTransport dtls = CompletableFuture.supplyAsync(() -> {
            try {
                return new DTLSClientProtocol().connect(client, new UDPTransport(browser.socket, 1500));
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }).get(15, TimeUnit.SECONDS);
        assertNotNull(dtls);
        browser.socket.disconnect();
        assertTrue(client.keyingMaterial != null);
        return client;
    }
}
