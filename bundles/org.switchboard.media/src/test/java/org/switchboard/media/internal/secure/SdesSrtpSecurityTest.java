package org.switchboard.media.internal.secure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.media.internal.transport.SecurityAttributes;

class SdesSrtpSecurityTest {
    private static SecurityAttributes crypto(List<String> lines) {
        return new SecurityAttributes(null, null, false, List.of(), null, null, lines);
    }

    @Test
    void parsesAndFormatsCryptoLines() {
        SdesCrypto c = SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20");
        assertEquals(1, c.tag());
        assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_80, c.key().profile());
        assertArrayEquals(Hex.bytes("3D2D6E40255E7821426A75667239293F2C2335685C603D265D7B71695051"),
                concat(c.key().key(), c.key().salt()));
        assertEquals("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR", c.format());
        assertNull(SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4"),
                "MKI refused");
        assertNull(SdesCrypto.parse("1 F8_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"));
        assertNull(SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:c2hvcnQ="), "short key");
        assertNull(SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR UNENCRYPTED_SRTP"));
    }

    @Test
    void offerAnswerPicksTheSameSuiteAndMediaFlows() {
        SdesSrtpSecurity phone = new SdesSrtpSecurity();
        SdesSrtpSecurity platform = new SdesSrtpSecurity();
        List<String> offered = phone.local().crypto();
        assertEquals(2, offered.size());
        assertTrue(offered.get(0).startsWith("1 AES_CM_128_HMAC_SHA1_80 inline:"));
        platform.remote(crypto(List.of("1 AES_CM_256_HMAC_SHA1_80 inline:xx", offered.get(1))), false);
        List<String> answer = platform.local().crypto();
        assertEquals(1, answer.size());
        assertTrue(answer.get(0).startsWith("2 AES_CM_128_HMAC_SHA1_32 inline:"));
        phone.remote(crypto(answer), true);
        assertTrue(phone.ready() && platform.ready());

        byte[] rtp = SrtpSessionTest.rtp(5, 99, "sdes");
        ByteBuffer protectedRtp = phone.outbound(ByteBuffer.wrap(rtp), false);
        assertEquals(rtp.length + 4, protectedRtp.remaining(), "32-bit tag");
        assertArrayEquals(rtp, UdpLeg.copy(platform.inbound(protectedRtp, null)));
        byte[] rtcp = SrtpSessionTest.rtcp(99);
        assertArrayEquals(rtcp, UdpLeg.copy(phone.inbound(platform.outbound(ByteBuffer.wrap(rtcp), true), null)));
    }

    @Test
    void noUsableLineMeansNoMedia() {
        SdesSrtpSecurity platform = new SdesSrtpSecurity();
        platform.remote(crypto(List.of("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4")), false);
        assertFalse(platform.ready());
        assertNull(platform.outbound(ByteBuffer.wrap(SrtpSessionTest.rtp(1, 1, "x")), false));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
