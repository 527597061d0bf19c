package org.switchboard.media.internal.rtp;

/**
 * An RTP packet (RFC 3550) read in place from a byte array. One instance is reused for every
 * packet of a leg, so that parsing allocates nothing.
 */
public final class RtpPacket {
    public static final int FIXED_HEADER = 12;

    private byte[] buf;
    private int offset;
    private int length;
    private int headerLength;
    private int payloadLength;
    private int extensionOffset = -1;
    private int extensionLength;

    /**
     * @return false if the bytes are not a valid RTP packet; the view is then undefined
     */
    public boolean parse(byte[] b, int off, int len) {
        if (len < FIXED_HEADER || (b[off] & 0xC0) != 0x80) {
            return false;
        }
        int cc = b[off] & 0x0F;
        int header = FIXED_HEADER + 4 * cc;
        extensionOffset = -1;
        extensionLength = 0;
        if ((b[off] & 0x10) != 0) {
            if (len < header + 4) {
                return false;
            }
            extensionLength = 4 * (((b[off + header + 2] & 0xFF) << 8) | (b[off + header + 3] & 0xFF));
            extensionOffset = off + header + 4;
            header += 4 + extensionLength;
        }
        int padding = 0;
        if ((b[off] & 0x20) != 0) {
            padding = b[off + len - 1] & 0xFF;
            if (padding == 0) {
                return false;
            }
        }
        if (header + padding > len) {
            return false;
        }
        this.buf = b;
        this.offset = off;
        this.length = len;
        this.headerLength = header;
        this.payloadLength = len - header - padding;
        return true;
    }

    public int version() {
        return (buf[offset] & 0xC0) >>> 6;
    }

    public boolean padding() {
        return (buf[offset] & 0x20) != 0;
    }

    public boolean marker() {
        return (buf[offset + 1] & 0x80) != 0;
    }

    public int payloadType() {
        return buf[offset + 1] & 0x7F;
    }

    public int sequence() {
        return ((buf[offset + 2] & 0xFF) << 8) | (buf[offset + 3] & 0xFF);
    }

    public long timestamp() {
        return Bytes.u32(buf, offset + 4);
    }

    public long ssrc() {
        return Bytes.u32(buf, offset + 8);
    }

    public int csrcCount() {
        return buf[offset] & 0x0F;
    }

    public long csrc(int i) {
        return Bytes.u32(buf, offset + FIXED_HEADER + 4 * i);
    }

    /** @return the extension profile (e.g. 0xBEDE), or -1 without extension */
    public int extensionProfile() {
        if (extensionOffset < 0) {
            return -1;
        }
        return ((buf[extensionOffset - 4] & 0xFF) << 8) | (buf[extensionOffset - 3] & 0xFF);
    }

    public int extensionOffset() {
        return extensionOffset;
    }

    public int extensionLength() {
        return extensionLength;
    }

    public byte[] buffer() {
        return buf;
    }

    public int payloadOffset() {
        return offset + headerLength;
    }

    public int payloadLength() {
        return payloadLength;
    }

    public int length() {
        return length;
    }
}
