package org.switchboard.moh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamLibraryTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyFolderFallsBackToTheBuiltInLoop() throws IOException {
        List<Path> chunks = StreamLibrary.build(dir.resolve("missing"), dir.resolve("cache"));
        assertEquals(8, chunks.size(), "the soft tone loop is 8 s");
        WavChunks.Pcm first = WavChunks.read(Files.readAllBytes(chunks.get(0)));
        assertEquals(8000, first.rate());
        assertEquals(16000, first.data().length);
    }

    @Test
    void musicFilesAreCutInNameOrderAndBadFilesSkipped() throws IOException {
        Path music = Files.createDirectories(dir.resolve("moh"));
        Files.write(music.resolve("b.wav"), WavChunks.wav(8000, new byte[16000 * 2 + 400], 0, 16000 * 2 + 400));
        Files.write(music.resolve("a.wav"), WavChunks.wav(16000, new byte[32000], 0, 32000));
        Files.write(music.resolve("c.wav"), new byte[] {1, 2, 3});
        Files.write(music.resolve("notes.txt"), new byte[] {1});
        List<Path> chunks = StreamLibrary.build(music, dir.resolve("cache"));
        assertEquals(1 + 3, chunks.size(), "a.wav: one second; b.wav: two seconds and a bit");
        assertEquals(16000, WavChunks.read(Files.readAllBytes(chunks.get(0))).rate());
        assertEquals(400, WavChunks.read(Files.readAllBytes(chunks.get(3))).data().length);
        assertTrue(chunks.get(1).getFileName().toString().startsWith("m1-"));
    }

    @Test
    void rebuildingReplacesTheOldChunks() throws IOException {
        Path cache = dir.resolve("cache");
        StreamLibrary.build(dir, cache);
        StreamLibrary.build(dir, cache);
        try (var files = Files.list(cache)) {
            assertEquals(8, files.count());
        }
    }
}
