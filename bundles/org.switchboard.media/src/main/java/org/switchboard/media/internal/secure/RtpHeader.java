package org.switchboard.media.internal.secure;

/** Just enough RTP/RTCP header reading for SRTP. */
final class RtpHeader {
    private RtpHeader() {
    }

    /** Length of the RTP header with CSRCs and extension, or -1 when the packet is malformed. */
    static int length(byte[] buf, int off, int len) {
        if (len < 12 || (buf[off] & 0xC0) != 0x80) {
            return -1;
        }
        int h = 12 + 4 * (buf[off] & 0x0F);
        if ((buf[off] & 0x10) != 0) {
            if (len < h + 4) {
                return -1;
            }
            h += 4 + 4 * (((buf[off + h + 2] & 0xFF) << 8) | (buf[off + h + 3] & 0xFF));
        }
        return h <= len ? h : -1;
    }

    static int seq(byte[] buf, int off) {
        return ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF);
    }

    static int int32(byte[] buf, int off) {
        return ((buf[off] & 0xFF) << 24) | ((buf[off + 1] & 0xFF) << 16) | ((buf[off + 2] & 0xFF) << 8)
                | (buf[off + 3] & 0xFF);
    }

    static void putInt32(byte[] buf, int off, int v) {
        buf[off] = (byte) (v >>> 24);
        buf[off + 1] = (byte) (v >>> 16);
        buf[off + 2] = (byte) (v >>> 8);
        buf[off + 3] = (byte) v;
    }
}
