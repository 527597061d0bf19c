package org.switchboard.media.internal.codec;

/** Simple 2:1 rate changes between 16 kHz and 8 kHz (telephony quality, no filter design). */
public final class Resampler {
    private Resampler() {
    }

    /** 16 kHz to 8 kHz: averages sample pairs, a crude low-pass. */
    public static short[] down(short[] in) {
        short[] out = new short[in.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((in[2 * i] + in[2 * i + 1]) >> 1);
        }
        return out;
    }

    /** 8 kHz to 16 kHz: linear interpolation into {@code out} (twice as long). */
    public static void up(short[] in, int n, short[] out) {
        for (int i = 0; i < n; i++) {
            int next = i + 1 < n ? in[i + 1] : in[i];
            out[2 * i] = in[i];
            out[2 * i + 1] = (short) ((in[i] + next) >> 1);
        }
    }
}
