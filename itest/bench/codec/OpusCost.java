import java.util.Random;
import org.switchboard.media.internal.codec.AudioCodec;
import org.switchboard.media.internal.codec.G711;
import org.switchboard.media.internal.codec.Opus;

/**
 * CPU cost of the media engine's codecs per leg: one 20 ms frame encoded and one decoded, as a
 * leg does every tick, with the engine's own codec classes and settings (Opus at 8 kHz, mono,
 * VOIP, complexity 2, 16 kb/s, in-band FEC). Single thread; run by run-codec-cost.sh.
 *
 * usage: java -cp <media bundle jar>:<slf4j-api jar> OpusCost.java [seconds of audio, default 200]
 */
public class OpusCost {
    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        short[][] frames = speechLike(50 * seconds);
        for (AudioCodec type : new AudioCodec[] {Opus.OPUS, G711.PCMU}) {
            run(type, frames, 1); // warm-up (JIT)
            double[] blocks = run(type, frames, 10);
            java.util.Arrays.sort(blocks);
            double median = blocks[blocks.length / 2];
            System.out.printf("%s: encode + decode of one 20 ms frame: median %.1f us, best %.1f us (10 blocks of %d"
                    + " frames) = %.2f%% of one core per leg, %.2f%% per bridged call of two such legs;"
                    + " 300 such calls: %.2f cores%n", type.name(), median, blocks[0], frames.length / 10,
                    median / 200, median / 100, 300 * 2 * median / 20_000);
        }
    }

    /** @return microseconds per frame (encode + decode) in each of {@code count} blocks */
    private static double[] run(AudioCodec type, short[][] frames, int count) {
        AudioCodec encoder = type.newInstance();
        AudioCodec decoder = type.newInstance();
        byte[] packet = new byte[1500];
        short[] out = new short[160];
        int size = frames.length / count;
        double[] micros = new double[count];
        long bytes = 0;
        for (int b = 0; b < count; b++) {
            long start = System.nanoTime();
            for (int f = b * size; f < (b + 1) * size; f++) {
                int len = encoder.encode(frames[f], 160, packet, 12);
                bytes += len;
                decoder.decode(packet, 12, len, out);
            }
            micros[b] = (System.nanoTime() - start) / 1000.0 / size;
        }
        if (count > 1) {
            System.out.printf("%s: %.1f kb/s%n", type.name(), bytes * 8.0 / (size * count) / 20);
        }
        return micros;
    }

    /** Voiced bursts (a 120-180 Hz pulse train through two formant-like tones) and pauses, with noise. */
    private static short[][] speechLike(int count) {
        Random r = new Random(42);
        short[][] frames = new short[count][160];
        double phase = 0;
        for (int f = 0; f < count; f++) {
            boolean voiced = (f / 15) % 3 != 2;
            double pitch = 120 + 60 * Math.sin(f / 40.0);
            for (int i = 0; i < 160; i++) {
                phase += pitch / 8000;
                double v = voiced ? 4000 * Math.sin(2 * Math.PI * phase * 5) * Math.sin(2 * Math.PI * phase)
                        + 2000 * Math.sin(2 * Math.PI * phase * 12) : 0;
                frames[f][i] = (short) (v + r.nextGaussian() * 200);
            }
        }
        return frames;
    }
}
