package org.switchboard.media.internal.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class WavTest {

    @Test
    void roundTrip8k() throws IOException {
        short[] pcm = new short[1000];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (Math.sin(i / 5.0) * 10000);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Wav.write(out, pcm, pcm.length);
        assertEquals(44 + 2000, out.size());
        assertArrayEquals(pcm, Wav.read(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void reads16kAsHalfAsManySamples() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Wav.write(out, new short[] {100, 300, -100, -300}, 4);
        byte[] bytes = out.toByteArray();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 16000).putInt(28, 32000);
        assertArrayEquals(new short[] {200, -200}, Wav.read(new ByteArrayInputStream(bytes)));
    }

    @Test
    void rejectsStereo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Wav.write(out, new short[4], 4);
        byte[] bytes = out.toByteArray();
        bytes[22] = 2;
        assertThrows(IOException.class, () -> Wav.read(new ByteArrayInputStream(bytes)));
    }
}
