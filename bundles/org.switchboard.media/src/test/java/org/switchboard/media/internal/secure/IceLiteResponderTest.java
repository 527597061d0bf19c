package org.switchboard.media.internal.secure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class IceLiteResponderTest {
    private final IceCredentials local = IceCredentials.generate();
    private final IceCredentials remote = IceCredentials.generate();
    private final IceLiteResponder responder = new IceLiteResponder(local, remote.ufrag());
    private final InetSocketAddress browser = new InetSocketAddress("192.0.2.10", 50123);

    private static byte[] tid() {
        byte[] t = new byte[12];
        new SecureRandom().nextBytes(t);
        return t;
    }

    private byte[] check(String username, String password, boolean useCandidate, byte[] tid) {
        StunMessage m = new StunMessage(StunMessage.BINDING_REQUEST, tid)
                .add(StunAttribute.USERNAME, username.getBytes(StandardCharsets.UTF_8))
                .add(StunAttribute.PRIORITY, new byte[] {0x6e, 0, 0x1e, (byte) 0xff})
                .add(StunAttribute.ICE_CONTROLLING, new byte[8]);
        if (useCandidate) {
            m.add(StunAttribute.USE_CANDIDATE, new byte[0]);
        }
        return m.encode(StunMessage.shortTermKey(password), true);
    }

    @Test
    void ufragAndPwdHaveRfc8839Lengths() {
        assertTrue(local.ufrag().length() >= 4);
        assertTrue(local.pwd().length() >= 22);
        assertTrue((local.ufrag() + local.pwd()).matches("[A-Za-z0-9+/]+"));
    }

    @Test
    void encodeDecodeRoundTripKeepsAttributesAndChecks() {
        byte[] t = tid();
        byte[] wire = check(local.ufrag() + ":" + remote.ufrag(), local.pwd(), true, t);
        assertEquals(PacketKind.STUN, PacketKind.of(wire, 0, wire.length));
        StunMessage m = StunMessage.decode(wire, 0, wire.length);
        assertNotNull(m);
        assertEquals(StunMessage.BINDING_REQUEST, m.type());
        assertArrayEquals(t, m.transactionId());
        assertEquals(local.ufrag() + ":" + remote.ufrag(),
                new String(m.attribute(StunAttribute.USERNAME).value(), StandardCharsets.UTF_8));
        assertTrue(m.has(StunAttribute.USE_CANDIDATE));
        assertTrue(m.fingerprintValid());
        assertTrue(m.integrityValid(StunMessage.shortTermKey(local.pwd())));
        assertFalse(m.integrityValid(StunMessage.shortTermKey(remote.pwd())));
    }

    @Test
    void validCheckGetsSuccessWithXorMappedAddressIntegrityAndFingerprint() {
        byte[] t = tid();
        byte[] request = check(local.ufrag() + ":" + remote.ufrag(), local.pwd(), false, t);
        byte[] response = responder.handle(request, 0, request.length, browser);
        StunMessage m = StunMessage.decode(response, 0, response.length);
        assertEquals(StunMessage.BINDING_SUCCESS, m.type());
        assertArrayEquals(t, m.transactionId());
        assertEquals(browser, XorMappedAddress.decode(m.attribute(StunAttribute.XOR_MAPPED_ADDRESS).value(), t));
        assertTrue(m.integrityValid(StunMessage.shortTermKey(local.pwd())));
        assertTrue(m.has(StunAttribute.FINGERPRINT) && m.fingerprintValid());
        assertTrue(responder.isChecked(browser));
        assertEquals(browser, responder.selectedAddress());
        assertFalse(responder.nominated());
    }

    @Test
    void xorMappedAddressIsXoredOnTheWire() {
        byte[] t = tid();
        byte[] v = XorMappedAddress.encode(new InetSocketAddress("192.0.2.1", 32853), t);
        assertEquals(8, v.length);
        assertEquals(1, v[1]);
        assertEquals(32853 ^ 0x2112, ((v[2] & 0xFF) << 8) | (v[3] & 0xFF));
        assertEquals((byte) (192 ^ 0x21), v[4]);
        assertEquals((byte) (1 ^ 0x42), v[7]);
    }

    @Test
    void wrongPasswordGets401WithoutSelectingTheAddress() {
        byte[] request = check(local.ufrag() + ":" + remote.ufrag(), remote.pwd(), true, tid());
        assertEquals(401, errorCode(responder.handle(request, 0, request.length, browser)));
        assertFalse(responder.isChecked(browser));
        assertNull(responder.selectedAddress());
    }

    @Test
    void wrongUsernameGets401AndMissingIntegrityGets400() {
        byte[] wrongUser = check("nobody:" + remote.ufrag(), local.pwd(), false, tid());
        assertEquals(401, errorCode(responder.handle(wrongUser, 0, wrongUser.length, browser)));
        byte[] noIntegrity = new StunMessage(StunMessage.BINDING_REQUEST, tid())
                .add(StunAttribute.USERNAME, (local.ufrag() + ":" + remote.ufrag()).getBytes(StandardCharsets.UTF_8))
                .encode(null, true);
        assertEquals(400, errorCode(responder.handle(noIntegrity, 0, noIntegrity.length, browser)));
    }

    @Test
    void corruptedFingerprintIsDropped() {
        byte[] request = check(local.ufrag() + ":" + remote.ufrag(), local.pwd(), true, tid());
        request[request.length - 1] ^= 0x01;
        assertNull(responder.handle(request, 0, request.length, browser));
        assertFalse(responder.isChecked(browser));
    }

    @Test
    void latestNominationWins() {
        InetSocketAddress other = new InetSocketAddress("198.51.100.7", 40000);
        String user = local.ufrag() + ":" + remote.ufrag();
        byte[] a = check(user, local.pwd(), true, tid());
        responder.handle(a, 0, a.length, browser);
        byte[] b = check(user, local.pwd(), false, tid());
        responder.handle(b, 0, b.length, other);
        assertEquals(browser, responder.selectedAddress(), "an unnominated check does not move media");
        byte[] c = check(user, local.pwd(), true, tid());
        responder.handle(c, 0, c.length, other);
        assertEquals(other, responder.selectedAddress());
        assertTrue(responder.nominated());
    }

    private static int errorCode(byte[] response) {
        StunMessage m = StunMessage.decode(response, 0, response.length);
        assertEquals(StunMessage.BINDING_ERROR, m.type());
        byte[] v = m.attribute(StunAttribute.ERROR_CODE).value();
        return (v[2] & 7) * 100 + v[3];
    }
}
