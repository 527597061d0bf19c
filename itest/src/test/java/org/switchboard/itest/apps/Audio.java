package org.switchboard.itest.apps;

/** G.711 µ-law, and the Goertzel filter that tells how strong one frequency is in some audio. */
final class Audio {
    private Audio() {
    }

    static byte ulaw(short pcm) {
        int sample = pcm;
        int sign = (sample >> 8) & 0x80;
        if (sign != 0) {
            sample = -sample;
        }
        sample = Math.min(sample, 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (sample >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    static short linear(byte ulaw) {
        int u = ~ulaw & 0xFF;
        int t = ((u & 0x0F) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }

    /** @return the amplitude of {@code hz} in the samples (about the sine's peak for a pure tone) */
    static double goertzel(short[] samples, double hz) {
        double w = 2 * Math.PI * hz / 8000;
        double coeff = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (short x : samples) {
            double s0 = x + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return 2 * Math.sqrt(Math.max(0, power)) / samples.length;
    }

    static double rms(short[] samples) {
        double sum = 0;
        for (short x : samples) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum / Math.max(1, samples.length));
    }
}
