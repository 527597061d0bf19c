package org.switchboard.media.internal.rtp;

/** Writes RTP packets (RFC 3550) into a caller's array. */
public final class RtpWriter {
    private RtpWriter() {
    }

    /**
     * Writes a header without CSRC or extension.
     *
     * @return the header length (12)
     */
    public static int header(byte[] dst, int off, int payloadType, boolean marker, int seq, long timestamp, long ssrc) {
        dst[off] = (byte) 0x80;
        dst[off + 1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        Bytes.put16(dst, off + 2, seq & 0xFFFF);
        Bytes.put32(dst, off + 4, timestamp);
        Bytes.put32(dst, off + 8, ssrc);
        return RtpPacket.FIXED_HEADER;
    }

    /**
     * Writes a whole packet.
     *
     * @param csrc contributing sources, may be empty
     * @param extProfile extension profile, or -1 for none
     * @param ext extension data, a multiple of 4 bytes long
     * @param padding padding bytes to add (0 for none)
     * @return the packet length
     */
    public static int write(byte[] dst, int off, int payloadType, boolean marker, int seq, long timestamp, long ssrc,
            long[] csrc, int extProfile, byte[] ext, byte[] payload, int payloadOff, int payloadLen, int padding) {
        int p = off + header(dst, off, payloadType, marker, seq, timestamp, ssrc);
        dst[off] |= (byte) csrc.length;
        for (long c : csrc) {
            Bytes.put32(dst, p, c);
            p += 4;
        }
        if (extProfile >= 0) {
            if (ext.length % 4 != 0) {
                throw new IllegalArgumentException("extension length must be a multiple of 4");
            }
            dst[off] |= 0x10;
            Bytes.put16(dst, p, extProfile);
            Bytes.put16(dst, p + 2, ext.length / 4);
            System.arraycopy(ext, 0, dst, p + 4, ext.length);
            p += 4 + ext.length;
        }
        System.arraycopy(payload, payloadOff, dst, p, payloadLen);
        p += payloadLen;
        if (padding > 0) {
            dst[off] |= 0x20;
            for (int i = 0; i < padding - 1; i++) {
                dst[p++] = 0;
            }
            dst[p++] = (byte) padding;
        }
        return p - off;
    }
}
