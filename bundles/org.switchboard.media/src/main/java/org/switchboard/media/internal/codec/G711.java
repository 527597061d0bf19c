package org.switchboard.media.internal.codec;

/**
 * G.711 µ-law (PCMU) and A-law (PCMA), table driven: decoding is a 256-entry lookup and
 * encoding a lookup on the top bits of the sample.
 */
public final class G711 implements AudioCodec {
    public static final G711 PCMU = new G711("PCMU", 0, true);
    public static final G711 PCMA = new G711("PCMA", 8, false);

    private static final short[] ULAW_DECODE = new short[256];
    private static final short[] ALAW_DECODE = new short[256];
    /** Indexed by the 14 top bits (µ-law) or 13 top bits (A-law) of the unsigned sample. */
    private static final byte[] ULAW_ENCODE = new byte[1 << 14];
    private static final byte[] ALAW_ENCODE = new byte[1 << 13];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_DECODE[i] = ulawDecode((byte) i);
            ALAW_DECODE[i] = alawDecode((byte) i);
        }
        for (int i = 0; i < ULAW_ENCODE.length; i++) {
            ULAW_ENCODE[i] = ulawEncode((short) ((i << 2) - 32768));
        }
        for (int i = 0; i < ALAW_ENCODE.length; i++) {
            ALAW_ENCODE[i] = alawEncode((short) ((i << 3) - 32768));
        }
    }

    private final String name;
    private final int payloadType;
    private final boolean ulaw;

    private G711(String name, int payloadType, boolean ulaw) {
        this.name = name;
        this.payloadType = payloadType;
        this.ulaw = ulaw;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int payloadType() {
        return payloadType;
    }

    @Override
    public int encode(short[] pcm, int samples, byte[] out, int outOff) {
        if (ulaw) {
            for (int i = 0; i < samples; i++) {
                out[outOff + i] = ULAW_ENCODE[(pcm[i] + 32768) >>> 2];
            }
        } else {
            for (int i = 0; i < samples; i++) {
                out[outOff + i] = ALAW_ENCODE[(pcm[i] + 32768) >>> 3];
            }
        }
        return samples;
    }

    @Override
    public int decode(byte[] in, int off, int len, short[] pcm) {
        short[] table = ulaw ? ULAW_DECODE : ALAW_DECODE;
        int n = Math.min(len, pcm.length);
        for (int i = 0; i < n; i++) {
            pcm[i] = table[in[off + i] & 0xFF];
        }
        return n;
    }

    /** @return the code of silence (a zero sample) */
    public byte silence() {
        return ulaw ? ULAW_ENCODE[32768 >>> 2] : ALAW_ENCODE[32768 >>> 3];
    }

    // The classic Sun reference algorithms, used once to fill the tables.
    private static byte ulawEncode(short sample) {
        final int bias = 0x84;
        final int clip = 32635;
        int s = sample;
        int sign = (s >> 8) & 0x80;
        if (sign != 0) {
            s = -s;
        }
        if (s > clip) {
            s = clip;
        }
        s += bias;
        int exponent = 7;
        for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (s >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    private static short ulawDecode(byte code) {
        int u = ~code & 0xFF;
        int t = ((u & 0x0F) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }

    private static byte alawEncode(short sample) {
        int s = sample;
        int mask;
        if (s >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            s = -s - 1;
        }
        s >>= 3;
        int seg = 0;
        for (int end = 0x1F; seg < 8 && s > end; end = (end << 1) | 1) {
            seg++;
        }
        if (seg >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int aval = seg << 4;
        aval |= seg < 2 ? (s >> 1) & 0x0F : (s >> seg) & 0x0F;
        return (byte) (aval ^ mask);
    }

    private static short alawDecode(byte code) {
        int a = (code & 0xFF) ^ 0x55;
        int t = (a & 0x0F) << 4;
        int seg = (a & 0x70) >> 4;
        switch (seg) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> {
                t += 0x108;
                t <<= seg - 1;
            }
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }
}
