package org.switchboard.media.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Opus at the engine's 8 kHz through Concentus: a tone survives encode and decode; losses are concealed. */
public class OpusTest {
    private static final int FRAME = 160;
    private static final int FRAMES = 100;

    @Test
    void aToneSurvivesEncodeAndDecode() {
        AudioCodec encoder = Opus.OPUS.newInstance();
        AudioCodec decoder = Opus.OPUS.newInstance();
        assertNotSame(encoder, decoder);
        short[] in = tone(FRAMES * FRAME);
        short[] out = new short[in.length];
        byte[] packet = new byte[1500];
        short[] frame = new short[FRAME];
        int bytes = 0;
        for (int f = 0; f < FRAMES; f++) {
            System.arraycopy(in, f * FRAME, frame, 0, FRAME);
            int len = encoder.encode(frame, FRAME, packet, 12);
            assertTrue(len > 0 && len < 160, "an Opus frame smaller than G.711's: " + len);
            bytes += len;
            assertEquals(FRAME, decoder.decode(packet, 12, len, frame));
            System.arraycopy(frame, 0, out, f * FRAME, FRAME);
        }
        double best = bestCorrelation(in, out);
        assertTrue(best > 0.9, "decoded tone correlates with the input: " + best);
        assertTrue(bytes * 8 / (FRAMES * 0.02) < 40_000, "bitrate " + bytes * 8 / (FRAMES * 0.02));
    }

    /**
     * What a browser sends: 48 kHz Opus in hybrid mode (SILK + CELT, VOIP application at 32 kb/s).
     * Concentus decodes it to silence at 8 kHz; the codec decodes at 48 kHz and decimates.
     */
    @Test
    void aBrowsersFullbandHybridStreamIsHeard() throws Exception {
        var encoder = new io.github.jaredmdobson.concentus.OpusEncoder(48_000, 1,
                io.github.jaredmdobson.concentus.OpusApplication.OPUS_APPLICATION_VOIP);
        encoder.setBitrate(32_000);
        AudioCodec decoder = Opus.OPUS.newInstance();
        short[] in = tone(FRAMES * FRAME);
        short[] out = new short[in.length];
        short[] wide = new short[960];
        byte[] packet = new byte[1500];
        short[] frame = new short[FRAME];
        for (int f = 0; f < FRAMES; f++) {
            for (int i = 0; i < 960; i++) { // the same tone at 48 kHz
                double t = (f * 960 + i) / 48000.0;
                wide[i] = (short) (5000 * Math.sin(2 * Math.PI * 440 * t) + 3000 * Math.sin(2 * Math.PI * 1000 * t));
            }
            int len = encoder.encode(wide, 0, 960, packet, 0, 1275);
            assertEquals(FRAME, decoder.decode(packet, 0, len, frame));
            System.arraycopy(frame, 0, out, f * FRAME, FRAME);
        }
        double best = bestCorrelation(in, out);
        assertTrue(best > 0.9, "the browser's tone at 8 kHz: " + best);
    }

    @Test
    void aDecoderOnSilkPacketsMovesTo48kHzForTheFirstHybridOne() throws Exception {
        AudioCodec narrow = Opus.OPUS.newInstance();
        AudioCodec decoder = Opus.OPUS.newInstance();
        byte[] packet = new byte[1500];
        short[] frame = new short[FRAME];
        short[] in = tone(FRAME);
        int len = narrow.encode(in, FRAME, packet, 0);
        assertTrue(Opus.silkOnly(packet[0]), "our 8 kHz encoder makes SILK-only packets");
        assertEquals(FRAME, decoder.decode(packet, 0, len, frame));
        var wide = new io.github.jaredmdobson.concentus.OpusEncoder(48_000, 1,
                io.github.jaredmdobson.concentus.OpusApplication.OPUS_APPLICATION_VOIP);
        wide.setBitrate(32_000);
        short[] loud = new short[960];
        double heard = 0;
        for (int f = 0; f < 20; f++) {
            for (int i = 0; i < 960; i++) {
                loud[i] = (short) (5000 * Math.sin(2 * Math.PI * 440 * (f * 960 + i) / 48000.0));
            }
            len = wide.encode(loud, 0, 960, packet, 0, 1275);
            assertEquals(FRAME, decoder.decode(packet, 0, len, frame));
            heard = energy(frame);
        }
        assertTrue(!Opus.silkOnly(packet[0]), "hybrid packets");
        assertTrue(heard > 1_000_000, "the hybrid stream is heard: " + heard);
    }

    @Test
    void aLostFrameIsConcealedNotSilent() {
        // frame 50 is lost: one decoder has nothing else (PLC), the other has frame 51 at hand (FEC, else PLC)
        AudioCodec encoder = Opus.OPUS.newInstance();
        AudioCodec alone = Opus.OPUS.newInstance();
        AudioCodec withNext = Opus.OPUS.newInstance();
        short[] in = tone(FRAMES * FRAME);
        byte[] packet = new byte[1500];
        short[] frame = new short[FRAME];
        for (int f = 0; f < 50; f++) {
            System.arraycopy(in, f * FRAME, frame, 0, FRAME);
            int len = encoder.encode(frame, FRAME, packet, 0);
            alone.decode(packet, 0, len, new short[FRAME]);
            withNext.decode(packet, 0, len, new short[FRAME]);
        }
        System.arraycopy(in, 50 * FRAME, frame, 0, FRAME);
        encoder.encode(frame, FRAME, packet, 0); // lost
        System.arraycopy(in, 51 * FRAME, frame, 0, FRAME);
        int next = encoder.encode(frame, FRAME, packet, 0);
        double level = energy(java.util.Arrays.copyOfRange(in, 0, FRAME));
        short[] concealed = new short[FRAME];
        assertEquals(FRAME, alone.conceal(null, 0, 0, concealed), "Opus conceals (PLC)");
        assertTrue(energy(concealed) > 0.1 * level, "the concealed frame continues the tone");
        assertEquals(FRAME, withNext.conceal(packet, 0, next, concealed));
        assertTrue(energy(concealed) > 0.1 * level, "rebuilt from the next packet");
    }

    @Test
    void negotiationFacts() {
        assertEquals(48_000, Opus.OPUS.clockRate());
        assertEquals("opus/48000/2", Opus.OPUS.rtpmap());
        assertSame(G711.PCMU, G711.PCMU.newInstance(), "stateless codecs are shared");
        assertEquals(0, G711.PCMU.conceal(null, 0, 0, new short[FRAME]));
        assertEquals(List.of("opus", "PCMU", "PCMA"), Codecs.enabled(Codecs.DEFAULT));
        assertEquals(List.of("PCMA"), Codecs.enabled("pcma, G729"), "unknown names are skipped");
        assertEquals(List.of("opus", "PCMU", "PCMA"), Codecs.enabled(" , "), "nothing usable: the default");
        assertEquals(List.of("PCMU"), Codecs.accepted(List.of("PCMU", "opus"), List.of("PCMU", "PCMA")));
        assertEquals(List.of("PCMU", "PCMA"), Codecs.accepted(List.of(), List.of("PCMU", "PCMA")));
    }

    /** A voice-band mix of 440 and 1000 Hz at about -12 dBFS. */
    public static short[] tone(int samples) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            double t = i / 8000.0;
            s[i] = (short) (5000 * Math.sin(2 * Math.PI * 440 * t) + 3000 * Math.sin(2 * Math.PI * 1000 * t));
        }
        return s;
    }

    /** @return the best normalised correlation of out against in over the codec's delay (0-20 ms), after 200 ms */
    static double bestCorrelation(short[] in, short[] out) {
        double best = -1;
        for (int lag = 0; lag <= FRAME; lag++) {
            double xy = 0;
            double xx = 0;
            double yy = 0;
            for (int i = 1600; i + lag < in.length; i++) {
                xy += (double) in[i] * out[i + lag];
                xx += (double) in[i] * in[i];
                yy += (double) out[i + lag] * out[i + lag];
            }
            best = Math.max(best, xy / Math.sqrt(xx * yy + 1));
        }
        return best;
    }

    private static double energy(short[] s) {
        double e = 0;
        for (short v : s) {
            e += (double) v * v;
        }
        return e / s.length;
    }
}
