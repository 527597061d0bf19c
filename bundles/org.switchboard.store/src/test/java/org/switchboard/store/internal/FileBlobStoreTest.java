package org.switchboard.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest {

    private static byte[] readAll(SeekableByteChannel ch) throws Exception {
        ByteBuffer buf = ByteBuffer.allocate((int) ch.size());
        while (buf.hasRemaining() && ch.read(buf) >= 0) {
            // keep reading
        }
        return buf.array();
    }

    @Test
    void aBlobAppearsOnlyWhenItsWriterCloses(@TempDir Path dir) throws Exception {
        FileBlobStore store = new FileBlobStore(dir);
        byte[] old = "old".getBytes(StandardCharsets.US_ASCII);
        try (SeekableByteChannel w = store.write("voicemail/alice/1.wav")) {
            w.write(ByteBuffer.wrap(old));
        }
        SeekableByteChannel w = store.write("voicemail/alice/1.wav");
        w.write(ByteBuffer.wrap("RIFF....".getBytes(StandardCharsets.US_ASCII)));
        w.position(4);
        w.write(ByteBuffer.wrap("1234".getBytes(StandardCharsets.US_ASCII)));
        try (SeekableByteChannel r = store.read("voicemail/alice/1.wav")) {
            assertArrayEquals(old, readAll(r), "readers see the previous blob until the writer closes");
        }
        w.close();
        try (SeekableByteChannel r = store.read("voicemail/alice/1.wav")) {
            assertEquals("RIFF1234", new String(readAll(r), StandardCharsets.US_ASCII));
        }
        assertTrue(store.delete("voicemail/alice/1.wav"));
        assertFalse(store.delete("voicemail/alice/1.wav"));
        assertThrows(NoSuchFileException.class, () -> store.read("voicemail/alice/1.wav"));
    }

    @Test
    void keysCannotLeaveTheStore(@TempDir Path dir) throws Exception {
        FileBlobStore store = new FileBlobStore(dir.resolve("blobs"));
        for (String bad : new String[] {"../etc/passwd", "a/../../b", "/abs", "a//b", "", ".hidden", "a/"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.write(bad), bad);
            assertTrue(e.getMessage().contains("invalid blob key") || e.getMessage().contains("empty"), e.getMessage());
        }
    }
}
