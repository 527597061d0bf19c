package org.switchboard.media.internal.codec;

/**
 * 48 kHz to 8 kHz: a 48-tap windowed-sinc low-pass (cut-off 3.6 kHz, Hamming window) evaluated at
 * every sixth sample, with the filter's history carried from frame to frame. No allocation per frame.
 */
final class Decimator {
    static final int FACTOR = 6;
    private static final int TAPS = 48;
    private static final float[] H = taps();
    private final float[] buffer;
    private final int capacity;

    /** @param maxInput the most samples one call gets */
    Decimator(int maxInput) {
        this.capacity = maxInput;
        this.buffer = new float[TAPS - 1 + maxInput];
    }

    /** @return the number of 8 kHz samples written to {@code out}: n / 6, at most out.length */
    int process(short[] in, int n, short[] out) {
        n = Math.min(n, capacity);
        for (int i = 0; i < n; i++) {
            buffer[TAPS - 1 + i] = in[i];
        }
        int produced = Math.min(n / FACTOR, out.length);
        for (int j = 0; j < produced; j++) {
            int end = TAPS - 1 + j * FACTOR + FACTOR - 1;
            float acc = 0;
            for (int k = 0; k < TAPS; k++) {
                acc += H[k] * buffer[end - k];
            }
            out[j] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(acc)));
        }
        System.arraycopy(buffer, n, buffer, 0, TAPS - 1);
        return produced;
    }

    private static float[] taps() {
        double cutoff = 3600.0 / 48000;
        double[] h = new double[TAPS];
        double sum = 0;
        for (int i = 0; i < TAPS; i++) {
            double m = i - (TAPS - 1) / 2.0;
            double sinc = Math.abs(m) < 1e-9 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * m) / (Math.PI * m);
            h[i] = sinc * (0.54 - 0.46 * Math.cos(2 * Math.PI * i / (TAPS - 1)));
            sum += h[i];
        }
        float[] out = new float[TAPS];
        for (int i = 0; i < TAPS; i++) {
            out[i] = (float) (h[i] / sum);
        }
        return out;
    }
}
