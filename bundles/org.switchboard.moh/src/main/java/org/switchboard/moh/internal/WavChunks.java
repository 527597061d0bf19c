package org.switchboard.moh.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts mono 16-bit PCM WAVs (8 or 16 kHz, what the engine plays) into short WAVs of equal
 * length, so that a listener can start the stream at any chunk.
 */
final class WavChunks {
    private WavChunks() {
    }

    /** The samples and rate of a WAV file. */
    record Pcm(int rate, byte[] data) {
    }

    /**
     * @param source a WAV file
     * @param target where the chunks go, named {@code <prefix>-<n>.wav}
     * @param seconds the length of each chunk (the last one may be shorter)
     * @return the chunks, in order
     * @throws IOException if the file cannot be read or is not mono 16-bit PCM at 8 or 16 kHz
     */
    static List<Path> cut(Path source, Path target, String prefix, double seconds) throws IOException {
        Pcm pcm = read(Files.readAllBytes(source));
        int step = 2 * (int) Math.round(pcm.rate() * seconds);
        List<Path> chunks = new ArrayList<>();
        for (int off = 0; off < pcm.data().length; off += step) {
            int len = Math.min(step, pcm.data().length - off);
            Path p = target.resolve(String.format("%s-%05d.wav", prefix, chunks.size()));
            Files.write(p, wav(pcm.rate(), pcm.data(), off, len));
            chunks.add(p);
        }
        return chunks;
    }

    static Pcm read(byte[] file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (b.limit() < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException("not a RIFF/WAVE file");
        }
        int rate = 0;
        int pos = 12;
        while (pos + 8 <= b.limit()) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                rate = b.getInt(body + 4);
                if (b.getShort(body) != 1 || b.getShort(body + 2) != 1 || b.getShort(body + 14) != 16
                        || (rate != 8000 && rate != 16000)) {
                    throw new IOException("only mono 16-bit PCM at 8 or 16 kHz can be played");
                }
            } else if (id == 0x61746164 && rate != 0) { // "data"
                int len = Math.min(size, b.limit() - body) & ~1;
                byte[] data = new byte[len];
                b.get(body, data);
                return new Pcm(rate, data);
            }
            pos = body + size + (size & 1);
        }
        throw new IOException("no fmt and data chunks");
    }

    static byte[] wav(int rate, byte[] data, int off, int len) {
        ByteBuffer b = ByteBuffer.allocate(44 + len).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + len).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        b.putInt(0x61746164).putInt(len).put(data, off, len);
        return b.array();
    }
}
