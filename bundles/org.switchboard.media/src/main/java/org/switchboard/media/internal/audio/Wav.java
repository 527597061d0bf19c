package org.switchboard.media.internal.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.switchboard.media.internal.codec.Resampler;

/**
 * WAV files of mono 16-bit PCM: reads 8 kHz and 16 kHz (resampled to 8 kHz), writes 8 kHz.
 */
public final class Wav {
    private Wav() {
    }

    /** @return the samples at 8 kHz */
    public static short[] read(InputStream in) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException("not a RIFF/WAVE file");
        }
        int pos = 12;
        int rate = 0;
        while (pos + 8 <= b.limit()) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                int format = b.getShort(body) & 0xFFFF;
                int channels = b.getShort(body + 2);
                rate = b.getInt(body + 4);
                int bits = b.getShort(body + 14);
                if (format != 1 || channels != 1 || bits != 16 || (rate != 8000 && rate != 16000)) {
                    throw new IOException("only mono 16-bit PCM at 8 or 16 kHz is supported, not format " + format
                            + ", " + channels + " channels, " + bits + " bits, " + rate + " Hz");
                }
            } else if (id == 0x61746164) { // "data"
                if (rate == 0) {
                    throw new IOException("WAV data before its fmt chunk");
                }
                int n = Math.min(size, b.limit() - body) / 2;
                short[] pcm = new short[n];
                b.position(body);
                b.asShortBuffer().get(pcm, 0, n);
                return rate == 16000 ? Resampler.down(pcm) : pcm;
            }
            pos = body + size + (size & 1);
        }
        throw new IOException("WAV without data chunk");
    }

    /** Writes 8 kHz mono 16-bit PCM. */
    public static void write(OutputStream out, short[] samples, int count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * count).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + 2 * count).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        b.putInt(0x61746164).putInt(2 * count);
        for (int i = 0; i < count; i++) {
            b.putShort(samples[i]);
        }
        out.write(b.array());
    }
}
