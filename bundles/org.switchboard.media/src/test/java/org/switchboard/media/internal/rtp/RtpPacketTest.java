package org.switchboard.media.internal.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    @Test
    void roundTripWithCsrcExtensionAndPadding() {
        byte[] payload = {1, 2, 3, 4, 5};
        byte[] buf = new byte[200];
        int len = RtpWriter.write(buf, 10, 96, true, 65535, 0xFFFFFFF0L, 0xCAFEBABEL, new long[] {7, 8}, 0xBEDE,
                new byte[] {0x10, 0x55, 0, 0}, payload, 0, payload.length, 3);
        RtpPacket p = new RtpPacket();
        assertTrue(p.parse(buf, 10, len));
        assertEquals(2, p.version());
        assertTrue(p.marker());
        assertTrue(p.padding());
        assertEquals(96, p.payloadType());
        assertEquals(65535, p.sequence());
        assertEquals(0xFFFFFFF0L, p.timestamp());
        assertEquals(0xCAFEBABEL, p.ssrc());
        assertEquals(2, p.csrcCount());
        assertEquals(8, p.csrc(1));
        assertEquals(0xBEDE, p.extensionProfile());
        assertEquals(4, p.extensionLength());
        assertEquals(0x55, buf[p.extensionOffset() + 1]);
        assertEquals(payload.length, p.payloadLength());
        assertArrayEquals(payload, Arrays.copyOfRange(buf, p.payloadOffset(), p.payloadOffset() + p.payloadLength()));
    }

    @Test
    void rejectsBadPackets() {
        RtpPacket p = new RtpPacket();
        assertFalse(p.parse(new byte[11], 0, 11));
        byte[] v1 = new byte[12];
        v1[0] = 0x40;
        assertFalse(p.parse(v1, 0, 12));
        byte[] badPadding = new byte[14];
        badPadding[0] = (byte) 0xA0;
        badPadding[13] = 20;
        assertFalse(p.parse(badPadding, 0, 14));
        byte[] cutExtension = new byte[14];
        cutExtension[0] = (byte) 0x90;
        assertFalse(p.parse(cutExtension, 0, 14));
    }

    @Test
    void rtcpSenderReportReceiverReportAndByeRoundTrip() {
        byte[] buf = new byte[256];
        var block = new Rtcp.ReportBlock(0x1234, 25, -3, 70000, 45, 0xAABBCCDDL, 6553);
        int n = Rtcp.senderReport(buf, 0, 99, 0x0102030405060708L, 160000, 500, 80000, block);
        n += Rtcp.receiverReport(buf, n, 99, block);
        n += Rtcp.bye(buf, n, 99, "hang up");
        assertTrue(Rtcp.isRtcp(buf, 0, n));
        List<Rtcp.Packet> packets = Rtcp.parse(buf, 0, n);
        assertEquals(3, packets.size());
        var sr = assertInstanceOf(Rtcp.SenderReport.class, packets.get(0));
        assertEquals(0x0102030405060708L, sr.ntpTimestamp());
        assertEquals(500, sr.packets());
        assertEquals(List.of(block), sr.blocks());
        var rr = assertInstanceOf(Rtcp.ReceiverReport.class, packets.get(1));
        assertEquals(List.of(block), rr.blocks());
        var bye = assertInstanceOf(Rtcp.Bye.class, packets.get(2));
        assertEquals(List.of(99L), bye.ssrcs());
        assertEquals("hang up", bye.reason());
    }

    @Test
    void rtpIsNotRtcp() {
        byte[] buf = new byte[12];
        RtpWriter.header(buf, 0, 0, true, 1, 1, 1);
        assertFalse(Rtcp.isRtcp(buf, 0, 12));
    }
}
