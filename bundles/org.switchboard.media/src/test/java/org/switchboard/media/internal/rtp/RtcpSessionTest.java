package org.switchboard.media.internal.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Building and parsing reports against the RFC 3550 layout; loss, jitter (A.8) and LSR/DLSR round trips. */
class RtcpSessionTest {
    private static final long NTP = 0xE0000000_80000000L; // some second and a half
    private static final long MS = (1L << 32) / 1000; // one millisecond in 32.32 NTP

    @Test
    void senderReportThenSdesFollowTheRfcLayout() {
        RtcpSession s = new RtcpSession(0x11223344L, "me@host");
        s.sent(160);
        s.sent(160);
        byte[] b = new byte[256];
        int len = s.report(b, 0, NTP, 0xABCDEF01L);
        // SR: V=2, RC=0, PT=200, length 6 words; SSRC, NTP msw/lsw, RTP timestamp, packet and octet counts
        assertEquals(0x80, b[0] & 0xFF);
        assertEquals(200, b[1] & 0xFF);
        assertEquals(6, Bytes.u16(b, 2));
        assertEquals(0x11223344L, Bytes.u32(b, 4));
        assertEquals(0xE0000000L, Bytes.u32(b, 8));
        assertEquals(0x80000000L, Bytes.u32(b, 12));
        assertEquals(0xABCDEF01L, Bytes.u32(b, 16));
        assertEquals(2, Bytes.u32(b, 20));
        assertEquals(320, Bytes.u32(b, 24));
        // SDES: SC=1, PT=202, chunk = SSRC, CNAME(1) len text, END, padded to 32 bits
        assertEquals(0x81, b[28] & 0xFF);
        assertEquals(202, b[29] & 0xFF);
        int words = Bytes.u16(b, 30);
        assertEquals(28 + 4 + 4 * words, len);
        assertEquals(0x11223344L, Bytes.u32(b, 32));
        assertEquals(1, b[36]);
        assertEquals(7, b[37]);
        assertEquals("me@host", new String(b, 38, 7, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(0, b[45]);
        assertEquals(0, len % 4);
        // nothing sent since: the next one is an RR
        int rr = s.report(b, 0, NTP, 0);
        assertEquals(201, b[1] & 0xFF);
        assertEquals(1, Bytes.u16(b, 2));
        assertTrue(rr > 8);
    }

    @Test
    void receiverReportBlockCountsLossAndWrapAround() {
        RtcpSession s = new RtcpSession(1, "a");
        long now = 1_000_000_000L;
        // 65530..65535, 0..9 with 3 and 4 missing: 16 expected... 14 received, one cycle
        int received = 0;
        for (int i = 65530; i < 65536 + 10; i++) {
            int seq = i & 0xFFFF;
            if (seq == 3 || seq == 4) {
                continue;
            }
            s.received(0xCAFEL, seq, i * 160L, now + i * 20_000_000L, 8000, true);
            received++;
        }
        assertEquals(14, received);
        byte[] b = new byte[256];
        s.report(b, 0, NTP, 0);
        Rtcp.ReceiverReport rr = assertInstanceOf(Rtcp.ReceiverReport.class, Rtcp.parse(b, 0, 32).get(0));
        Rtcp.ReportBlock block = rr.blocks().get(0);
        assertEquals(0xCAFEL, block.ssrc());
        assertEquals(2, block.cumulativeLost());
        assertEquals(2 * 256 / 16, block.fractionLost());
        assertEquals(65536 + 9, block.highestSequence());
        assertEquals(0, block.lastSr());
        // the next interval lost nothing
        s.received(0xCAFEL, 10, 16 * 160L, now, 8000, true);
        s.report(b, 0, NTP, 0);
        block = ((Rtcp.ReceiverReport) Rtcp.parse(b, 0, 32).get(0)).blocks().get(0);
        assertEquals(0, block.fractionLost());
        assertEquals(2, block.cumulativeLost());
    }

    @Test
    void jitterFollowsAppendixA8() {
        RtcpReception r = new RtcpReception();
        // constant transit: no jitter
        for (int i = 0; i < 50; i++) {
            r.packet(7, i, i * 160L, 1000 + i * 160L, true);
        }
        assertEquals(0, r.jitter());
        // every other packet 80 units late: D = 80 each time, J converges to 80 by J += (|D| - J) / 16
        double expected = 0;
        for (int i = 50; i < 300; i++) {
            r.packet(7, i, i * 160L, 1000 + i * 160L + (i % 2 == 1 ? 80 : 0), true);
            expected += (80 - expected) / 16;
        }
        assertEquals(expected, r.jitter(), 1.0);
        assertTrue(r.jitter() >= 78, "jitter " + r.jitter());
        // telephone-events (same timestamp, later arrival) do not count
        long before = r.jitter();
        r.packet(7, 300, 299 * 160L, 1000 + 310 * 160L, false);
        assertEquals(before, r.jitter());
    }

    @Test
    void roundTripFromLsrAndDlsr() {
        RtcpSession ours = new RtcpSession(0xAAAAL, "ours");
        RtcpSession theirs = new RtcpSession(0xBBBBL, "theirs");
        byte[] b = new byte[256];
        ours.sent(160);
        ours.received(0xBBBBL, 1, 160, 0, 8000, true);
        theirs.received(0xAAAAL, 1, 160, 0, 8000, true);
        // our SR leaves at T, arrives 10 ms later; they answer 30 ms after that; we get it 10 ms later
        int len = ours.report(b, 0, NTP, 0);
        theirs.received(b, 0, len, NTP + 10 * MS);
        len = theirs.report(b, 0, NTP + 40 * MS, 0);
        Rtcp.ReportBlock block = ((Rtcp.ReceiverReport) Rtcp.parse(b, 0, len).get(0)).blocks().get(0);
        assertEquals((NTP >>> 16) & 0xFFFFFFFFL, block.lastSr());
        assertEquals(30 * 65536 / 1000.0, block.delaySinceLastSr(), 1.0);
        assertEquals(-1, ours.stats().roundTripMillis());
        ours.received(b, 0, len, NTP + 50 * MS);
        RtcpStats stats = ours.stats();
        assertEquals(20, stats.roundTripMillis(), 0.1);
        assertEquals(0, stats.remotePacketsLost());
        assertEquals(0, stats.remoteFractionLost());
        assertEquals(1, stats.reportsReceived());
    }

    @Test
    void byeEndsACompoundPacketAndReportsWaitForMedia() {
        RtcpSession s = new RtcpSession(5, "x");
        assertFalse(s.due(1000));
        assertFalse(s.started());
        s.sent(160);
        assertFalse(s.due(1000), "the first report is scheduled, 0.5-1.5 s away");
        assertFalse(s.due(1400));
        assertTrue(s.due(2600));
        assertFalse(s.due(2700));
        assertTrue(s.due(2600 + (long) (1.5 * RtcpSession.INTERVAL_MS) + 20));
        byte[] b = new byte[256];
        int len = s.bye(b, 0, NTP, 0);
        List<Rtcp.Packet> packets = Rtcp.parse(b, 0, len);
        assertInstanceOf(Rtcp.SenderReport.class, packets.get(0));
        Rtcp.Bye bye = assertInstanceOf(Rtcp.Bye.class, packets.get(packets.size() - 1));
        assertEquals(List.of(5L), bye.ssrcs());
    }
}
