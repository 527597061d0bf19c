package org.switchboard.media.internal.secure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PacketKindTest {
    private static PacketKind kind(int b0, int b1) {
        byte[] p = new byte[20];
        p[0] = (byte) b0;
        p[1] = (byte) b1;
        return PacketKind.of(p, 0, p.length);
    }

    @Test
    void classifiesByFirstByteAndRtcpByPayloadType() {
        assertEquals(PacketKind.STUN, kind(0, 1));
        assertEquals(PacketKind.STUN, kind(1, 1));
        assertEquals(PacketKind.DTLS, kind(22, 0xFE));
        assertEquals(PacketKind.DTLS, kind(23, 0xFE));
        assertEquals(PacketKind.RTP, kind(0x80, 0));
        assertEquals(PacketKind.RTP, kind(0x80, 0x80 | 111));
        assertEquals(PacketKind.RTCP, kind(0x81, 200));
        assertEquals(PacketKind.RTCP, kind(0x80, 201));
        assertEquals(PacketKind.UNKNOWN, kind(10, 0));
        assertEquals(PacketKind.UNKNOWN, kind(250, 0));
        assertEquals(PacketKind.UNKNOWN, PacketKind.of(new byte[0], 0, 0));
    }
}
