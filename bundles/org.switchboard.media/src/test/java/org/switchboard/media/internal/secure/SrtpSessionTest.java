package org.switchboard.media.internal.secure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpSessionTest {

    static byte[] rtp(int seq, int ssrc, String text) {
        byte[] payload = text.getBytes();
        byte[] p = new byte[12 + payload.length];
        p[0] = (byte) 0x80;
        p[1] = 0; // PCMU
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        RtpHeader.putInt32(p, 4, seq * 160);
        RtpHeader.putInt32(p, 8, ssrc);
        System.arraycopy(payload, 0, p, 12, payload.length);
        return p;
    }

    static byte[] rtcp(int ssrc) {
        byte[] p = new byte[28];
        p[0] = (byte) 0x80;
        p[1] = (byte) 200; // SR
        p[3] = 6;
        RtpHeader.putInt32(p, 4, ssrc);
        Arrays.fill(p, 8, 28, (byte) 0x5A);
        return p;
    }

    private static SrtpSession[] pair(SrtpProfile profile) {
        SrtpMasterKey a = SdesCrypto.generate(1, profile == SrtpProfile.AEAD_AES_128_GCM
                ? SrtpProfile.AES_CM_128_HMAC_SHA1_80 : profile).key();
        SrtpMasterKey b = SdesCrypto.generate(1, SrtpProfile.AES_CM_128_HMAC_SHA1_80).key();
        if (profile.aead()) {
            a = new SrtpMasterKey(profile, a.key(), Arrays.copyOf(a.salt(), 12));
            b = new SrtpMasterKey(profile, b.key(), Arrays.copyOf(b.salt(), 12));
        }
        return new SrtpSession[] {new SrtpSession(a, b), new SrtpSession(b, a)};
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void roundTripRtpAndRtcp(SrtpProfile profile) {
        SrtpSession[] s = pair(profile);
        byte[] plain = rtp(1, 0x1234, "hello srtp");
        byte[] prot = s[0].protectRtp(plain, 0, plain.length);
        assertEquals(plain.length + profile.rtpTagLength(), prot.length);
        assertFalse(Arrays.equals(Arrays.copyOfRange(prot, 12, plain.length), Arrays.copyOfRange(plain, 12, plain.length)),
                "payload is encrypted");
        assertArrayEquals(plain, s[1].unprotectRtp(prot, 0, prot.length));

        byte[] report = rtcp(0x1234);
        byte[] srtcp = s[0].protectRtcp(report, 0, report.length);
        assertEquals(report.length + 4 + profile.rtcpTagLength(), srtcp.length);
        assertArrayEquals(report, s[1].unprotectRtcp(srtcp, 0, srtcp.length));
        assertNull(s[1].unprotectRtcp(srtcp, 0, srtcp.length), "replayed SRTCP");
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void tamperedTagAndPayloadAreRejected(SrtpProfile profile) {
        SrtpSession[] s = pair(profile);
        byte[] plain = rtp(7, 42, "payload");
        byte[] prot = s[0].protectRtp(plain, 0, plain.length);
        byte[] badTag = prot.clone();
        badTag[badTag.length - 1] ^= 1;
        assertNull(s[1].unprotectRtp(badTag, 0, badTag.length));
        byte[] badPayload = prot.clone();
        badPayload[13] ^= 1;
        assertNull(s[1].unprotectRtp(badPayload, 0, badPayload.length));
        assertArrayEquals(plain, s[1].unprotectRtp(prot, 0, prot.length), "the genuine packet still passes");
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void replayIsRejectedButReorderingInsideTheWindowIsNot(SrtpProfile profile) {
        SrtpSession[] s = pair(profile);
        byte[][] prot = new byte[100][];
        for (int i = 0; i < 100; i++) {
            byte[] p = rtp(1000 + i, 9, "n" + i);
            prot[i] = s[0].protectRtp(p, 0, p.length);
        }
        assertNotNull(s[1].unprotectRtp(prot[99], 0, prot[99].length));
        assertNull(s[1].unprotectRtp(prot[99], 0, prot[99].length), "replay");
        assertNotNull(s[1].unprotectRtp(prot[50], 0, prot[50].length), "late but inside the window");
        assertNull(s[1].unprotectRtp(prot[50], 0, prot[50].length), "replay of a late packet");
        assertNull(s[1].unprotectRtp(prot[10], 0, prot[10].length), "older than the 64-packet window");
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rolloverCounterFollowsSequenceWrap(SrtpProfile profile) {
        SrtpSession[] s = pair(profile);
        for (int i = 0; i < 6; i++) {
            int seq = (65533 + i) & 0xFFFF; // 65533, 65534, 65535, 0, 1, 2
            byte[] p = rtp(seq, 77, "wrap" + i);
            byte[] prot = s[0].protectRtp(p, 0, p.length);
            assertArrayEquals(p, s[1].unprotectRtp(prot, 0, prot.length), "seq " + seq);
        }
    }

    @org.junit.jupiter.api.Test
    void indexEstimationAcrossWrapBothWays() {
        SrtpStreamState state = new SrtpStreamState();
        state.record(65535);
        assertEquals(65536L + 3, state.estimateIndex(3), "wrapped forward: ROC + 1");
        state.record(65536L + 3);
        assertEquals(65534L, state.estimateIndex(65534), "late packet from before the wrap: ROC - 1");
        assertEquals(65536L + 100, state.estimateIndex(100));
    }
}
