package org.switchboard.media.internal.rtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Minimal RTCP (RFC 3550): sender and receiver reports with one report block, SDES CNAME, BYE. */
public final class Rtcp {
    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SDES = 202;
    public static final int BYE = 203;
    private static final int CNAME = 1;

    private Rtcp() {
    }

    /** A report block about one source. */
    public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long highestSequence, long jitter,
            long lastSr, long delaySinceLastSr) {
    }

    /** A parsed RTCP packet. */
    public sealed interface Packet {
    }

    public record SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packets, long octets,
            List<ReportBlock> blocks) implements Packet {
    }

    public record ReceiverReport(long ssrc, List<ReportBlock> blocks) implements Packet {
    }

    public record Bye(List<Long> ssrcs, String reason) implements Packet {
    }

    /**
     * RTP and RTCP on one port (RFC 5761): RTCP packet types 192-223 fall where RTP has its
     * marker bit set and payload types 64-95.
     */
    public static boolean isRtcp(byte[] b, int off, int len) {
        if (len < 2) {
            return false;
        }
        int pt = b[off + 1] & 0xFF;
        return pt >= 192 && pt <= 223;
    }

    public static int senderReport(byte[] dst, int off, long ssrc, long ntp, long rtpTs, long packets, long octets,
            ReportBlock block) {
        int words = 6 + (block == null ? 0 : 6);
        header(dst, off, block == null ? 0 : 1, SR, words);
        Bytes.put32(dst, off + 4, ssrc);
        Bytes.put32(dst, off + 8, ntp >>> 32);
        Bytes.put32(dst, off + 12, ntp);
        Bytes.put32(dst, off + 16, rtpTs);
        Bytes.put32(dst, off + 20, packets);
        Bytes.put32(dst, off + 24, octets);
        if (block != null) {
            block(dst, off + 28, block);
        }
        return 4 * (words + 1);
    }

    public static int receiverReport(byte[] dst, int off, long ssrc, ReportBlock block) {
        int words = 1 + (block == null ? 0 : 6);
        header(dst, off, block == null ? 0 : 1, RR, words);
        Bytes.put32(dst, off + 4, ssrc);
        if (block != null) {
            block(dst, off + 8, block);
        }
        return 4 * (words + 1);
    }

    /** An SDES packet with one chunk: the CNAME of {@code ssrc} (at most 255 bytes of US-ASCII). */
    public static int sdesCname(byte[] dst, int off, long ssrc, byte[] cname) {
        int chunk = (4 + 2 + cname.length + 1 + 3) / 4 * 4; // SSRC, item, then at least one END octet
        header(dst, off, 1, SDES, chunk / 4);
        Bytes.put32(dst, off + 4, ssrc);
        dst[off + 8] = CNAME;
        dst[off + 9] = (byte) cname.length;
        System.arraycopy(cname, 0, dst, off + 10, cname.length);
        for (int i = off + 10 + cname.length; i < off + 4 + chunk; i++) {
            dst[i] = 0;
        }
        return 4 + chunk;
    }

    public static int bye(byte[] dst, int off, long ssrc, String reason) {
        byte[] text = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        int reasonBytes = text.length == 0 ? 0 : (1 + text.length + 3) / 4 * 4;
        int words = 1 + reasonBytes / 4;
        header(dst, off, 1, BYE, words);
        Bytes.put32(dst, off + 4, ssrc);
        if (reasonBytes > 0) {
            dst[off + 8] = (byte) text.length;
            System.arraycopy(text, 0, dst, off + 9, text.length);
            for (int i = off + 9 + text.length; i < off + 8 + reasonBytes; i++) {
                dst[i] = 0;
            }
        }
        return 4 * (words + 1);
    }

    /** Parses a compound packet; unknown packet types are skipped. */
    public static List<Packet> parse(byte[] b, int off, int len) {
        List<Packet> out = new ArrayList<>(2);
        int p = off;
        int end = off + len;
        while (p + 4 <= end) {
            if ((b[p] & 0xC0) != 0x80) {
                break;
            }
            int count = b[p] & 0x1F;
            int type = b[p + 1] & 0xFF;
            int size = 4 * (Bytes.u16(b, p + 2) + 1);
            if (p + size > end) {
                break;
            }
            switch (type) {
                case SR -> out.add(new SenderReport(Bytes.u32(b, p + 4),
                        (Bytes.u32(b, p + 8) << 32) | Bytes.u32(b, p + 12), Bytes.u32(b, p + 16),
                        Bytes.u32(b, p + 20), Bytes.u32(b, p + 24), blocks(b, p + 28, count, p + size)));
                case RR -> out.add(new ReceiverReport(Bytes.u32(b, p + 4), blocks(b, p + 8, count, p + size)));
                case BYE -> out.add(bye(b, p, count, size));
                default -> { }
            }
            p += size;
        }
        return out;
    }

    private static Bye bye(byte[] b, int p, int count, int size) {
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(Bytes.u32(b, p + 4 + 4 * i));
        }
        int r = p + 4 + 4 * count;
        String reason = null;
        if (r < p + size) {
            int n = Math.min(b[r] & 0xFF, p + size - r - 1);
            reason = new String(b, r + 1, n, StandardCharsets.UTF_8);
        }
        return new Bye(ssrcs, reason);
    }

    private static List<ReportBlock> blocks(byte[] b, int p, int count, int end) {
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count && p + 24 <= end; i++, p += 24) {
            int lost = ((b[p + 5] & 0xFF) << 16) | ((b[p + 6] & 0xFF) << 8) | (b[p + 7] & 0xFF);
            if ((lost & 0x800000) != 0) {
                lost |= 0xFF000000;
            }
            blocks.add(new ReportBlock(Bytes.u32(b, p), b[p + 4] & 0xFF, lost, Bytes.u32(b, p + 8),
                    Bytes.u32(b, p + 12), Bytes.u32(b, p + 16), Bytes.u32(b, p + 20)));
        }
        return blocks;
    }

    private static void header(byte[] dst, int off, int count, int type, int words) {
        dst[off] = (byte) (0x80 | count);
        dst[off + 1] = (byte) type;
        Bytes.put16(dst, off + 2, words);
    }

    private static void block(byte[] dst, int p, ReportBlock r) {
        Bytes.put32(dst, p, r.ssrc());
        Bytes.put32(dst, p + 4, ((long) r.fractionLost() << 24) | (r.cumulativeLost() & 0xFFFFFF));
        Bytes.put32(dst, p + 8, r.highestSequence());
        Bytes.put32(dst, p + 12, r.jitter());
        Bytes.put32(dst, p + 16, r.lastSr());
        Bytes.put32(dst, p + 20, r.delaySinceLastSr());
    }
}
